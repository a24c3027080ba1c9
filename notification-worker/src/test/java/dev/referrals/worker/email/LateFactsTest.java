package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.TestEvents;
import dev.referrals.worker.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class LateFactsTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @Test
    void aFreshReferralWaitsTheGracePeriodFromItsCreation() {
        ReferralCreated referral = createdAt(NOW.plusSeconds(5));
        LateFacts lateFacts = new LateFacts(GRACE, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(lateFacts.deadline(referral)).isEqualTo(NOW.plusSeconds(5).plus(GRACE));
    }

    @Test
    void anOldReferralStillWaitsTheGracePeriodFromWhenTheWorkerFirstTriedIt() {
        ReferralCreated referral = createdAt(NOW.minus(Duration.ofHours(1)));
        MovableClock clock = new MovableClock(NOW);
        LateFacts lateFacts = new LateFacts(GRACE, clock);

        Instant deadline = lateFacts.deadline(referral);
        clock.now = NOW.plusSeconds(10);

        assertThat(deadline).isEqualTo(NOW.plus(GRACE));
        assertThat(lateFacts.deadline(referral)).isEqualTo(deadline);
        assertThat(lateFacts.isOver(deadline)).isFalse();
        clock.now = NOW.plus(GRACE);
        assertThat(lateFacts.isOver(deadline)).isTrue();
    }

    @Test
    void aForgottenReferralStartsAFreshGracePeriod() {
        ReferralCreated referral = createdAt(NOW.minus(Duration.ofHours(1)));
        MovableClock clock = new MovableClock(NOW);
        LateFacts lateFacts = new LateFacts(GRACE, clock);
        lateFacts.deadline(referral);

        lateFacts.forget(referral.getReferralId());
        clock.now = NOW.plusSeconds(100);

        assertThat(lateFacts.deadline(referral)).isEqualTo(NOW.plusSeconds(100).plus(GRACE));
    }

    @Test
    void theBackOffRetriesSteadilyThroughTheGracePeriodAndThenStops() {
        BackOffExecution execution = WorkerBackOffs.backOff(
                new WorkerProperties.LateFacts(Duration.ofSeconds(3), Duration.ofSeconds(1))).start();

        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(1000);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    private static ReferralCreated createdAt(Instant createdAt) {
        ReferralCreated referral = TestEvents.referral("job-1", "carla", "ana", "ben", null);
        referral.setCreatedAt(createdAt);
        return referral;
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
