package dev.referrals.api.readmodel;

import dev.referrals.api.ReferralApiProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Customises the platform's one {@link DefaultErrorHandler} (its dead-letter mechanism stays as it is): a record
 * that fails because the database is down waits for the database instead of being dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelErrorHandling {

    ReadModelErrorHandling(DefaultErrorHandler errorHandler, ReferralApiProperties properties) {
        errorHandler.setBackOffFunction(new DatabaseOutageBackOff(properties.readModel().databaseRetryInterval()));
    }
}
