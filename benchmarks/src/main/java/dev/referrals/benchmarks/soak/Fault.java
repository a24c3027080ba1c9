package dev.referrals.benchmarks.soak;

import java.time.Duration;
import java.time.Instant;

/**
 * One fault of the soak, as it happened.
 *
 * @param kind       what was done
 * @param target     to what: an instance ({@code referral-processor#2}), a broker ({@code broker 3}), SMTP ...
 * @param startedAt  when the fault began: the kill, the stop
 * @param restoredAt when what was faulted was back: the instance ready again, the broker started, SMTP listening
 */
record Fault(Kind kind, String target, Instant startedAt, Instant restoredAt) {

    Duration duration() {
        return Duration.between(startedAt, restoredAt);
    }

    enum Kind {
        KILL_PROCESSOR("kill -9 of a processor instance, restarted at once"),
        KILL_WORKER("kill -9 of a worker instance, restarted at once"),
        KILL_API("kill -9 of an API instance, restarted at once"),
        BROKER_RESTART("a broker of three stopped, then started again"),
        SMTP_DOWN("SMTP refuses connections"),
        POSTGRES_RESTART("PostgreSQL stopped and started again"),
        REGISTRY_DOWN("the schema registry refuses connections");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }
}
