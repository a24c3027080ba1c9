package dev.referrals.processor;

import dev.referrals.platform.privacy.EmailFingerprintConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Decides each referral request against the eligibility rules, over its ledger in PostgreSQL. */
@SpringBootApplication
@EnableConfigurationProperties(ProcessorProperties.class)
@EnableScheduling
@Import(EmailFingerprintConfiguration.class)
public class ReferralProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralProcessorApplication.class, args);
    }

    /** The one source of "now" for decisions and the late-facts policy, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
