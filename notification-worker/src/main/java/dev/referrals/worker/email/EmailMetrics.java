package dev.referrals.worker.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The worker's meters; each one is described in the module's README. */
@Component
class EmailMetrics {

    static final String SENT = "referrals.emails.sent";
    static final String FAILED = "referrals.emails.failed";
    static final String SKIPPED = "referrals.emails.skipped";
    static final String ALREADY_SENT = "referrals.emails.already-sent";
    static final String DEFERRED = "referrals.emails.deferred";
    static final String CLAIMED_ELSEWHERE = "referrals.emails.claimed-elsewhere";
    static final String NEUTRAL_WORDING = "referrals.emails.neutral-wording";
    static final String LATENCY = "referrals.email.latency";
    static final String END_TO_END = "referrals.end-to-end.latency";

    private final MeterRegistry registry;

    EmailMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every series exists from start-up with zero, so dashboards and alerts see a rate of 0, not no data.
        for (Role role : Role.values()) {
            counter(SENT, role);
            counter(FAILED, role);
            for (SkipReason reason : SkipReason.values()) {
                skippedCounter(role, reason);
            }
        }
    }

    void sent(Role role, Duration sinceCreated) {
        counter(SENT, role).increment();
        Timer.builder(LATENCY)
                .description("From the referral's createdAt to the SMTP server accepting the email")
                .tag("role", role.tag())
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
    }

    /** From the request's requestedAt (the API's 202) to the SMTP server accepting this email. */
    void endToEnd(Role role, Duration sinceRequested) {
        Timer.builder(END_TO_END)
                .description("From the referral request's requestedAt to the SMTP server accepting the email")
                .tag("role", role.tag())
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceRequested.isNegative() ? Duration.ZERO : sinceRequested);
    }

    void failed(Role role) {
        counter(FAILED, role).increment();
    }

    void skipped(Role role, SkipReason reason) {
        skippedCounter(role, reason).increment();
    }

    void alreadySent(Role role) {
        counter(ALREADY_SENT, role).increment();
    }

    void deferred(Role role) {
        counter(DEFERRED, role).increment();
    }

    /** An email this instance did not send because another instance held its claim. */
    void claimedElsewhere(Role role) {
        counter(CLAIMED_ELSEWHERE, role).increment();
    }

    void neutralWording(Role role, Fact fact) {
        Counter.builder(NEUTRAL_WORDING).tag("role", role.tag()).tag("fact", fact.tag()).register(registry).increment();
    }

    private Counter skippedCounter(Role role, SkipReason reason) {
        return Counter.builder(SKIPPED).tag("role", role.tag()).tag("reason", reason.tag()).register(registry);
    }

    private Counter counter(String name, Role role) {
        return Counter.builder(name).tag("role", role.tag()).register(registry);
    }
}
