package dev.referrals.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Accepts declines with an optional referral over HTTP, publishes them to Kafka, and serves the referral views. */
@SpringBootApplication
public class ReferralApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralApiApplication.class, args);
    }
}
