package dev.referrals.api;

import dev.referrals.platform.privacy.EmailFingerprintConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Accepts declines with an optional referral over HTTP, publishes them to Kafka, and serves the referral views. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(EmailFingerprintConfiguration.class)
public class ReferralApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralApiApplication.class, args);
    }

    /** The time of declines and of idempotency keys; one bean so that tests can see what the code saw. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
