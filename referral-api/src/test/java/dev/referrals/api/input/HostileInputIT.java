package dev.referrals.api.input;

import static dev.referrals.api.input.HostileRequests.declineWith;
import static dev.referrals.api.input.HostileRequests.referral;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Input is refused at the door, over real HTTP: bad ids in bodies and paths, wrong JSON types, control characters in
 * free text, bodies over the limit, and what Tomcat refuses on its own (malformed or over-long request lines and
 * headers) are all a 4xx {@code application/problem+json} naming what is wrong, and nothing is published on any
 * topic (read read_uncommitted, so not even an aborted record).
 */
class HostileInputIT extends ApiIntegrationTest {

    private static final String DECLINE = "/api/v1/invitations/inv-1/decline";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** What a problem names when the request was refused before Spring MVC, by Tomcat or a firewall. */
    private static final String REFUSED_BEFORE_SPRING_MVC = ContainerProblems.REQUEST;

    private Map<String, Integer> recordsBefore;

    @BeforeEach
    void countRecords() {
        recordsBefore = events.recordCounts(IsolationLevel.READ_UNCOMMITTED);
    }

    @AfterEach
    void nothingWasPublished() {
        assertThat(events.recordCounts(IsolationLevel.READ_UNCOMMITTED)).as("records on every topic")
                .isEqualTo(recordsBefore);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("a jobId of 20,000 characters", declineWith("jobId", "j".repeat(20_000)), "jobId"),
                bad("CR/LF in a clientId", declineWith("clientId", "client\r\nX-Injected: yes"), "clientId"),
                bad("an ANSI escape in a freelancerId", declineWith("freelancerId", "\u001B[31mfree"), "freelancerId"),
                bad("NUL in a jobId", declineWith("jobId", "job\u0000"), "jobId"),
                bad("a bidi override in a jobId", declineWith("jobId", "job\u202Eevil"), "jobId"),
                bad("true where the jobId belongs", declineWith("jobId", true), "jobId"),
                bad("0 where the clientId belongs", declineWith("clientId", 0), "clientId"),
                bad("1.5 where the freelancerId belongs", declineWith("freelancerId", 1.5), "freelancerId"),
                bad("false where the reason belongs", declineWith("reason", false), "reason"),
                bad("a number where the referee belongs", referral(7, "hi"), "referral.freelancer"),
                bad("a string where the referral belongs", declineWith("referral", "ana@mail.example"), "referral"),
                bad("NUL in the reason text", declineWith("reasonText", "busy\u0000"), "reasonText"),
                bad("an ANSI escape in the message", referral("ana@mail.example", "\u001B[2Jhi"),
                        "referral.message"),
                bad("a lone CR in the message", referral("ana@mail.example", "one\rtwo"), "referral.message"),
                bad("a profile URL with a 10 kB query",
                        referral("https://marketplace.example/freelancers/ana?q=" + "x".repeat(10_000), null),
                        "referral.freelancer"),
                bad("a profile URL with user info",
                        referral("https://ana:secret@marketplace.example/freelancers/ana", null),
                        "referral.freelancer"),
                bad("a JSON array as the body", "[]", "body"),
                bad("a JSON string as the body", "\"decline\"", "body"),
                bad("malformed JSON", "{\"jobId\": \"j\", ", "body"),
                bad("a property given twice",
                        "{\"jobId\": \"j\", \"clientId\": \"c\", \"freelancerId\": \"f\", \"jobId\": \"k\"}", "body"),
                bad("a raw control character inside a JSON string", "{\"jobId\": \"j\u0001\"}", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIs400NamingTheField(String why, String body, String field) {
        assertProblem(api.post(DECLINE, body), 400, field);
    }

    @Test
    void anIdOf70000CharactersIsOverTheBodyLimit() {
        assertProblem(api.post(DECLINE, declineWith("jobId", "j".repeat(70_000))), 413, "body");
    }

    @Test
    void aBodyOverTheLimitIs413EvenWithoutContentLength() {
        byte[] body = declineWith("reasonText", "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);

        assertProblem(api.postChunked(DECLINE, body), 413, "body");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String body = declineWith("reasonText", "x".repeat(60_000));

        assertProblem(api.post(DECLINE, body), 400, "reasonText"); // read, then refused as too long a text
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/referral-requests/%s",
            "/api/v1/freelancers/%s/referrals?role=referrer",
            "/api/v1/jobs/%s/invitations"})
    void aBadIdInAReadPathIs400NamingTheVariable(String template) {
        String variable = template.contains("referral-requests") ? "requestId"
                : template.contains("jobs") ? "jobId" : "id";
        for (String badId : List.of("r".repeat(129), "%1B%5B31m", "job%20x", "x%09y", "%C2%A0", "%E2%80%AE")) {
            assertProblem(api.get(template.formatted(badId)), 400, variable);
        }
        for (String lineBreak : List.of("a%0D%0Ab", "a%0Ab", "%E2%80%A8")) {
            assertProblemNaming(api.get(template.formatted(lineBreak)), variable, REFUSED_BEFORE_SPRING_MVC);
        }
    }

    @Test
    void aBadInvitationIdInTheDeclinePathIs400NamingIt() {
        assertProblem(api.post("/api/v1/invitations/inv%09x/decline", declineWith("jobId", "job-1")), 400,
                "invitationId");
        assertProblemNaming(api.post("/api/v1/invitations/inv%0Ax/decline", declineWith("jobId", "job-1")),
                "invitationId", REFUSED_BEFORE_SPRING_MVC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%00b", "%zz", "%E0%A4%A", "%", "a%2Fb", "..%2F..", "%C0%AE"})
    void aMalformedPathIsAProblemNotTomcatsPage(String badId) {
        ApiClient.Answer answer = api.raw("GET", "/api/v1/jobs/" + badId + "/invitations", null);

        assertProblem(answer, 400);
    }

    @Test
    void rawControlCharactersInTheRequestLineAreAProblem() {
        assertProblem(api.raw("GET", "/api/v1/jobs/a\u0001b/invitations", null), 400);
        assertProblem(api.raw("GET", "/api/v1/jobs/a\u001B[31m/invitations", null), 400);
    }

    @Test
    void anOverLongUrlIsAProblemNotTomcatsPage() {
        assertProblem(api.get("/api/v1/jobs/" + "j".repeat(10_000) + "/invitations"), 400);
        assertProblem(api.get("/api/v1/freelancers?q=" + "q".repeat(10_000)), 400);
    }

    @Test
    void anIdempotencyKeyOf10KbIsAProblemNotTomcatsPage() {
        assertProblem(api.post(DECLINE, declineWith("jobId", "job-1"), "Idempotency-Key", "k".repeat(10_240)), 400);
    }

    @Test
    void controlCharactersInTheIdempotencyKeyAreRefused() {
        for (String key : List.of("key\u0000x", "key\u001B[31m", "key\u007F")) {
            assertProblem(api.raw("POST", DECLINE, declineWith("jobId", id("job")), "Idempotency-Key", key), 400);
        }
    }

    @Test
    void aSearchWithControlCharactersOrOverTheLengthIs400NamingQ() {
        assertProblem(api.get("/api/v1/freelancers?q=ana%00"), 400, "q");
        assertProblem(api.get("/api/v1/freelancers?q=%1B%5B2J"), 400, "q");
        assertProblem(api.get("/api/v1/freelancers?q=" + "q".repeat(201)), 400, "q");
    }

    @Test
    void hostileQueryParametersOfTheReferralsViewAre400() {
        assertProblem(api.get("/api/v1/freelancers/f-1/referrals?role=referrer%00"), 400, "role");
        assertProblem(api.get("/api/v1/freelancers/f-1/referrals?role=referrer&page=true"), 400, "page");
        assertProblem(api.get("/api/v1/freelancers/f-1/referrals?role=referrer&size=99999999999"), 400, "size");
        assertProblem(api.get("/api/v1/freelancers/f-1/referrals?role=referrer&size=0x10"), 400, "size");
        assertProblem(api.get("/api/v1/freelancers?q=ana&page=%2310"), 400, "page");
    }

    @Test
    void aMalformedHeaderIsAProblemNotTomcatsPage() {
        String read = "/api/v1/jobs/job-1/invitations";
        assertProblem(api.raw("GET", read, null, "X Bad Name", "v"), 400);
        assertProblem(api.raw("GET", read, null, "X-Bad(Name)", "v"), 400);
        assertProblem(api.raw("POST", DECLINE, null, "Content-Length", "abc"), 400);
        assertProblem(api.raw("POST", DECLINE, null, "Content-Length", "-5"), 400);
    }

    @Test
    void otherRefusalsOfTheProtocolAreProblemsToo() {
        String read = "/api/v1/jobs/job-1/invitations";
        assertProblem4xx(api.raw("TRACE", read, null));
        assertProblem4xx(api.raw("BREW", read, null));
        assertProblem4xx(api.send("DELETE", read, null));
        assertProblem4xx(api.send("POST", DECLINE, declineWith("jobId", id("job")), "Content-Type", "text/plain"));
        assertProblem4xx(api.post(DECLINE, "{}", "Accept", "text/html"));
        assertProblem4xx(api.send("GET", read, null, "Accept", "text/html"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(api.get("/api/v1/nothing-here"), 404);
    }

    /**
     * A 400 problem naming one of the fields: the path variable, or {@code request} when a firewall in front of
     * Spring MVC (Spring Security's refuses encoded line breaks) refused the URL before any controller saw it.
     */
    private static void assertProblemNaming(ApiClient.Answer answer, String... oneOf) {
        assertProblem(answer, 400);
        List<String> named = new ArrayList<>();
        answer.json().get("errors").forEach(error -> named.add(error.get("field").asString()));
        assertThat(named).as(answer.toString()).hasSize(1).isSubsetOf(List.of(oneOf));
    }

    private static void assertProblem4xx(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith(PROBLEM_JSON);
        assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String... fields) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith(PROBLEM_JSON);
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:referrals:problem:");
        if (fields.length > 0) {
            List<String> named = new ArrayList<>();
            problem.get("errors").forEach(error -> named.add(error.get("field").asString()));
            assertThat(named).as(answer.toString()).containsExactly(fields);
        }
    }


    private static Arguments bad(String why, String body, String field) {
        return Arguments.of(why, body, field);
    }
}
