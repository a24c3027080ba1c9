package dev.referrals.platform.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code referrals.deadletters}: reading dead letters through {@code /actuator/deadletters}.
 *
 * @param defaultPageSize records per page when the caller asks for no {@code size}
 * @param maxPageSize     the most records one page holds, whatever the caller asks: each is read from the broker
 *                        and decoded
 */
@ConfigurationProperties("referrals.deadletters")
public record DeadLetterProperties(
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize) {

    public DeadLetterProperties {
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("referrals.deadletters needs 1 <= default-page-size <= max-page-size,"
                    + " was " + defaultPageSize + " and " + maxPageSize);
        }
    }
}
