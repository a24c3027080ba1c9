package dev.referrals.processor.decision;

import dev.referrals.processor.ProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Customises the platform's shared {@link DefaultErrorHandler}: a request waiting for late facts is retried at a
 * fixed interval, long enough to outlast its grace period, instead of with the exponential back-off that ends in the
 * dead-letter topic. Every other failure keeps the platform's back-off and dead letters.
 */
@Component
class LateFactsBackOff implements BeanPostProcessor {

    // Lazy: a post-processor that pulls beans in early would keep them from being post-processed themselves.
    private final ObjectProvider<ProcessorProperties> properties;

    LateFactsBackOff(ObjectProvider<ProcessorProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultErrorHandler errorHandler) {
            ProcessorProperties.LateFacts lateFacts = properties.getObject().lateFacts();
            BackOff whileFactsAreLate = new FixedBackOff(
                    lateFacts.retryInterval().toMillis(), lateFacts.retriesToOutlastGracePeriod());
            errorHandler.setBackOffFunction((record, failure) ->
                    isLateFacts(failure) ? whileFactsAreLate : null);
        }
        return bean;
    }

    static boolean isLateFacts(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LateFactsPendingException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
