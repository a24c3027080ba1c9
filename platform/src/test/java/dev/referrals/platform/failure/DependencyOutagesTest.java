package dev.referrals.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An outage lasts from the first record that failed for the dependency until every topic that failed goes through. */
class DependencyOutagesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DependencyOutages outages = new DependencyOutages(meters, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void anOutageEndsOnlyOnceEveryTopicThatWaitedHasProcessedARecord() {
        outages.failed("database", "marketplace.jobs");
        outages.failed("database", "referrals.referral-requested");
        outages.failed("database", "marketplace.jobs");

        outages.succeeded("marketplace.accounts");
        outages.succeeded("marketplace.jobs");
        assertThat(outages.current()).containsEntry("database", T0);

        outages.succeeded("referrals.referral-requested");
        assertThat(outages.current()).isEmpty();
        assertThat(meters.get("referrals.listener.outage.failures").tag("dependency", "database").counter().count())
                .isEqualTo(3);
        assertThat(meters.get("referrals.listener.outage.seconds").tag("dependency", "database").gauge().value())
                .isZero();
    }

    @Test
    void eachDependencyIsItsOwnOutage() {
        outages.failed("smtp", "referrals.referral-created");
        outages.failed("database", "marketplace.jobs");

        outages.succeeded("marketplace.jobs");

        assertThat(outages.current()).containsOnlyKeys("smtp");
    }
}
