package dev.referrals.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Decides each referral request against the eligibility rules, over its ledger in PostgreSQL. */
@SpringBootApplication
public class ReferralProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralProcessorApplication.class, args);
    }
}
