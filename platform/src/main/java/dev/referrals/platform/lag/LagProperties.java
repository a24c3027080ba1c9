package dev.referrals.platform.lag;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code referrals.lag}: the consumer lag monitor.
 *
 * @param enabled      sample the lag of the pipeline's consumer groups
 * @param groupPattern a regular expression: the consumer groups to watch (all of the pipeline's by default, so any
 *                     running service reports a dead one), matched against the group name below the topic prefix
 * @param interval     time between two samples
 * @param window       the sliding window the status is judged over (Burrow's evaluation window)
 * @param health       the health contributor
 */
@ConfigurationProperties("referrals.lag")
public record LagProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("^(referral-api|referral-processor|notification-worker)\\..+") String groupPattern,
        @DefaultValue("10s") Duration interval,
        @DefaultValue("2m") Duration window,
        @DefaultValue Health health) {

    /**
     * @param enabled contribute {@code consumerLag} to {@code /actuator/health}: DOWN while a group is STALL, STOP
     *                or ERR. Off by default, so that a lagging consumer does not take a service out of a load balancer.
     */
    public record Health(@DefaultValue("false") boolean enabled) {
    }
}
