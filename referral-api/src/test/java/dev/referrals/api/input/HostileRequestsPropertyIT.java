package dev.referrals.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.input.HostileRequests.HostileRequest;
import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.kafka.common.IsolationLevel;
import tools.jackson.databind.JsonNode;

/**
 * I8 of docs/rules.md as a property, with jqwik, against the running service over real HTTP: every generated
 * hostile request (bad ids in paths and bodies, wrong JSON types, huge strings, NUL, CR/LF, ANSI escapes and other
 * control characters, malformed percent-encoding and JSON, huge headers, bad profile URLs, bad query parameters) to
 * the decline endpoint and to every read endpoint is answered 4xx {@code application/problem+json}, never 5xx, and
 * nothing appears on any topic (read read_uncommitted after each property, so not even an aborted record).
 *
 * <p>jqwik runs this class, not Jupiter, so it joins the shared Spring context through
 * {@link #startOutsideJupiter()}.
 */
class HostileRequestsPropertyIT extends ApiIntegrationTest {

    /** Fewest hostile requests the whole class must send. */
    private static final int AT_LEAST = 500;
    private static final AtomicInteger SENT = new AtomicInteger();

    private Map<String, Integer> recordsBefore;

    @BeforeProperty
    void start() throws Exception {
        startOutsideJupiter();
        recordsBefore = events.recordCounts(IsolationLevel.READ_UNCOMMITTED);
    }

    @AfterProperty
    void nothingWasPublished() {
        assertThat(events.recordCounts(IsolationLevel.READ_UNCOMMITTED))
                .as("records on every topic after the property").isEqualTo(recordsBefore);
    }

    @AfterContainer
    static void enoughHostileRequestsWereSent() {
        System.out.println("HostileRequestsPropertyIT: " + SENT.get() + " hostile requests sent, all refused 4xx "
                + "problem+json, nothing published");
        assertThat(SENT.get()).isGreaterThanOrEqualTo(AT_LEAST);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyHostileDeclineIsRefused(@ForAll("declines") HostileRequest request) {
        assertRefused(request);
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyHostileReadOfARequestStatusIsRefused(@ForAll("requestStatusReads") HostileRequest request) {
        assertRefused(request);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyHostileReadOfTheReferralsViewIsRefused(@ForAll("referralsViewReads") HostileRequest request) {
        assertRefused(request);
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyHostileReadOfAJobsInvitationsIsRefused(@ForAll("jobInvitationsReads") HostileRequest request) {
        assertRefused(request);
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void everyHostileSearchIsRefused(@ForAll("searches") HostileRequest request) {
        assertRefused(request);
    }

    @Provide
    Arbitrary<HostileRequest> declines() {
        return HostileRequests.declines();
    }

    @Provide
    Arbitrary<HostileRequest> requestStatusReads() {
        return HostileRequests.reads(HostileRequests.REQUEST_STATUS, "");
    }

    @Provide
    Arbitrary<HostileRequest> referralsViewReads() {
        return Arbitraries.oneOf(
                HostileRequests.reads(HostileRequests.REFERRALS_VIEW, "?role=referee"),
                HostileRequests.referralsViewParameters());
    }

    @Provide
    Arbitrary<HostileRequest> jobInvitationsReads() {
        return HostileRequests.reads(HostileRequests.JOB_INVITATIONS, "");
    }

    @Provide
    Arbitrary<HostileRequest> searches() {
        return HostileRequests.searches();
    }

    private void assertRefused(HostileRequest request) {
        String[] headers = request.headers().toArray(String[]::new);
        ApiClient.Answer answer = request.raw()
                ? api.raw(request.method(), request.target(), request.body(), headers)
                : api.send(request.method(), request.target(), request.body(), headers);
        SENT.incrementAndGet();

        String shown = request + " -> " + answer;
        assertThat(answer.status()).as(shown).isBetween(400, 499);
        assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).as(shown).isEqualTo(answer.status());
        assertThat(problem.get("type").asString()).as(shown).startsWith("urn:referrals:problem:");
    }

}
