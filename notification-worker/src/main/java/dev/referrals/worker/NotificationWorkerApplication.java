package dev.referrals.worker;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Emails the referred freelancer and the client for every created referral. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationWorkerApplication.class, args);
    }

    /** One clock for grace periods, latencies and ledger times, so tests and production read time the same way. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
