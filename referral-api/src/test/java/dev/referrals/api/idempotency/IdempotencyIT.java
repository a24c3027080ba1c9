package dev.referrals.api.idempotency;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.decline.DeclineRequest;
import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.schemas.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key on the real database and broker: a retry gets the first answer and publishes nothing; a key
 * reused for another request is refused; a key in flight makes the next request wait for its answer, or 409.
 */
class IdempotencyIT extends ApiIntegrationTest {

    private static final Duration VISIBLE = Duration.ofSeconds(15);
    private static final String KEY = "Idempotency-Key";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JsonMapper jsonMapper;

    @Autowired
    private IdempotencyKeyCleanup cleanup;

    @Test
    void theSameKeyAndBodyReplayTheFirstAnswerAndPublishNothingNew() {
        String jobId = id("job");
        String key = id("key");
        String path = "/api/v1/invitations/inv-1/decline";

        ApiClient.Answer first = api.post(path, body(jobId, "Hire her"), KEY, key);
        // The same request, spaced and ordered differently.
        ApiClient.Answer retry = api.post(path, json("""
                { 'referral' : { 'message': 'Hire her', 'freelancer': 'https://marketplace.example/freelancers/ana' },
                  'freelancerId': 'freelancer-1', 'clientId': 'client-1', 'jobId': '%s' }
                """.formatted(jobId)), KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        awaitPublished(jobId);
        assertThat(declinesOf(jobId)).hasSize(1);
        assertThat(requestsOf(jobId)).hasSize(1)
                .first().satisfies(requested ->
                        assertThat(requested.getRequestId()).isEqualTo(first.json().get("requestId").asString()));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused422NamingTheHeaderAndPublishesNothing() {
        String jobId = id("job");
        String key = id("key");
        String path = "/api/v1/invitations/inv-2/decline";
        api.post(path, body(jobId, "first message"), KEY, key);

        ApiClient.Answer other = api.post(path, body(jobId, "another message"), KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        JsonNode problem = other.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:referrals:problem:idempotency-key-reused");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(KEY);
        awaitPublished(jobId);
        assertThat(requestsOf(jobId)).extracting(ReferralRequested::getMessage).containsExactly("first message");
        assertThat(declinesOf(jobId)).hasSize(1);
    }

    @Test
    void theSameKeyOnAnotherInvitationIsRefused422() {
        String jobId = id("job");
        String key = id("key");
        api.post("/api/v1/invitations/inv-3/decline", body(jobId, null), KEY, key);

        ApiClient.Answer other = api.post("/api/v1/invitations/inv-4/decline", body(jobId, null), KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
    }

    /**
     * A commit lost on the way back: Kafka commits the decline, then the API's database connection dies before the
     * key's answer is stored, so the caller never gets its 202. The connection is cut for real (the key's update is
     * held in PostgreSQL until the events are on the topic, then its backend is terminated). The caller is told the
     * outcome is unknown and retries with the same key: the retry runs again and publishes the same ids, so the
     * topic holds two copies of one decline that the processor decides once (it keys decisions by requestId, and
     * republishes the stored decision for a copy: referral-processor's
     * {@code DecisionsIT.aRepublishWithTheSameIdsAfterALostCommitIsDecidedOnce}).
     */
    @Test
    void aCommitLostAfterKafkaCommittedIsRetriedWithTheSameKeyAndRepublishesTheSameIds() throws Exception {
        String jobId = id("job");
        String key = id("key");
        String path = "/api/v1/invitations/inv-5/decline";
        String body = body(jobId, "m");

        ApiClient.Answer lost;
        holdTheKeysAnswer(key);
        try {
            CompletableFuture<ApiClient.Answer> first = CompletableFuture.supplyAsync(
                    () -> api.post(path, body, KEY, key));
            awaitPublished(jobId);
            terminateTheBackendHoldingTheKeysAnswer();
            lost = first.get();
        } finally {
            releaseTheKeysAnswer();
        }

        assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        assertThat(lost.header("Retry-After")).isNotNull();
        assertThat(lost.json().get("type").asString()).isEqualTo("urn:referrals:problem:publishing-outcome-unknown");
        assertThat(keyExists(key)).as("no answer stored, so the retry runs again").isFalse();
        InviteDeclined published = declinesOf(jobId).get(0);

        ApiClient.Answer retry = api.post(path, body, KEY, key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(retry.json().get("eventId").asString()).isEqualTo(published.getEventId());
        await().atMost(VISIBLE).until(() -> committedDeclinesOf(jobId).size() == 2);
        assertThat(committedDeclinesOf(jobId)).extracting(InviteDeclined::getEventId)
                .containsExactly(published.getEventId(), published.getEventId());
        assertThat(requestsOf(jobId)).extracting(ReferralRequested::getRequestId)
                .containsExactly(retry.json().get("requestId").asString(), retry.json().get("requestId").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM referral_requests WHERE job_id = :job").param("job", jobId)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aRequestWaitsForAnInFlightRequestWithTheSameKeyAndThenGetsItsAnswer() throws Exception {
        String jobId = id("job");
        String key = id("key");
        String path = "/api/v1/invitations/inv-6/decline";
        String body = body(jobId, "m");
        String firstAnswer = "{\"eventId\":\"first\"}";

        try (Connection inFlight = dataSource.getConnection()) {
            inFlight.setAutoCommit(false);
            insertKey(inFlight, key, fingerprint(path, body), firstAnswer, Instant.now());
            CompletableFuture<ApiClient.Answer> waiting = CompletableFuture.supplyAsync(
                    () -> api.post(path, body, KEY, key));
            awaitABackendWaitingOnALock();
            inFlight.commit();

            ApiClient.Answer answer = waiting.get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(firstAnswer);
            assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(declinesOf(jobId)).isEmpty();
    }

    @Test
    void aRequestIsAnswered409WhileAnotherWithTheSameKeyStaysInFlightAndTheKeyStaysUsable() throws Exception {
        String jobId = id("job");
        String key = id("key");
        String path = "/api/v1/invitations/inv-7/decline";
        String body = body(jobId, "m");

        try (Connection inFlight = dataSource.getConnection()) {
            inFlight.setAutoCommit(false);
            insertKey(inFlight, key, fingerprint(path, body), "{}", Instant.now());

            ApiClient.Answer answer = api.post(path, body, KEY, key);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.json().get("type").asString())
                    .isEqualTo("urn:referrals:problem:idempotency-key-in-flight");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(KEY);
            inFlight.rollback();
        }
        assertThat(declinesOf(jobId)).isEmpty();
        assertThat(api.post(path, body, KEY, key).status()).isEqualTo(202);
    }

    @Test
    void aKeyPastItsRetentionIsTreatedAsNew() throws Exception {
        String jobId = id("job");
        String key = id("key");
        try (Connection connection = dataSource.getConnection()) {
            insertKey(connection, key, "fingerprint of an old request", "{}", Instant.now().minus(Duration.ofDays(2)));
        }

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-8/decline", body(jobId, null), KEY, key);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void theCleanupDeletesKeysPastTheirRetentionAndKeepsTheOthers() throws Exception {
        String expired = id("key");
        String recent = id("key");
        try (Connection connection = dataSource.getConnection()) {
            insertKey(connection, expired, "f", "{}", Instant.now().minus(Duration.ofHours(25)));
            insertKey(connection, recent, "f", "{}", Instant.now().minus(Duration.ofHours(23)));
        }

        assertThat(cleanup.deleteExpiredKeys()).isGreaterThanOrEqualTo(1);

        assertThat(keyExists(expired)).isFalse();
        assertThat(keyExists(recent)).isTrue();
    }

    private String fingerprint(String path, String body) {
        DeclineRequest request = jsonMapper.readValue(body, DeclineRequest.class);
        return RequestFingerprint.of("POST", path, jsonMapper.writeValueAsString(request));
    }

    /** A key as stored for the caller of these tests, the job services: every caller has keys of their own. */
    private static String stored(String key) {
        return IdempotentExecution.scoped("service:" + LocalIdentities.JOB_SERVICES.clientId(), key);
    }

    private static void insertKey(Connection connection, String key, String fingerprint, String body, Instant createdAt)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO idempotency_keys (idempotency_key, request_fingerprint, response_status, response_body,
                                              created_at)
                VALUES (?, ?, 202, ?, ?)
                """)) {
            insert.setString(1, stored(key));
            insert.setString(2, fingerprint);
            insert.setString(3, body);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    private boolean keyExists(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = :key")
                .param("key", stored(key)).query(Long.class).single() == 1;
    }

    /** Holds the update that stores the key's answer in PostgreSQL, after Kafka committed, until it is released. */
    private void holdTheKeysAnswer(String key) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION hold_the_keys_answer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$
                """).update();
        jdbc.sql("""
                CREATE TRIGGER hold_the_keys_answer BEFORE UPDATE ON idempotency_keys FOR EACH ROW
                WHEN (NEW.idempotency_key = '%s') EXECUTE FUNCTION hold_the_keys_answer()
                """.formatted(stored(key).replace("'", "''"))).update();
    }

    private void releaseTheKeysAnswer() {
        jdbc.sql("DROP TRIGGER IF EXISTS hold_the_keys_answer ON idempotency_keys").update();
        jdbc.sql("DROP FUNCTION IF EXISTS hold_the_keys_answer()").update();
    }

    /** The API's connection dies: PostgreSQL ends the backend that holds the key's answer. */
    private void terminateTheBackendHoldingTheKeysAnswer() {
        await().atMost(VISIBLE).until(() -> jdbc.sql("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE wait_event = 'PgSleep' AND datname = current_database() AND pid <> pg_backend_pid()
                        """).query(Long.class).single() == 1);
    }

    private List<InviteDeclined> committedDeclinesOf(String jobId) {
        return events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_COMMITTED,
                declined -> jobId.equals(declined.getJobId()));
    }

    private void awaitABackendWaitingOnALock() {
        await().atMost(VISIBLE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND datname = current_database()
                        """).query(Long.class).single() > 0);
    }

    private void awaitPublished(String jobId) {
        await().atMost(VISIBLE).until(() -> !events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_COMMITTED,
                declined -> jobId.equals(declined.getJobId())).isEmpty());
    }

    /** Every InviteDeclined of the job ever written, aborted transactions included. */
    private List<InviteDeclined> declinesOf(String jobId) {
        return events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_UNCOMMITTED,
                declined -> jobId.equals(declined.getJobId()));
    }

    private List<ReferralRequested> requestsOf(String jobId) {
        return events.values(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_UNCOMMITTED,
                requested -> jobId.equals(requested.getJobId()));
    }

    private static String body(String jobId, String message) {
        String referral = message == null
                ? "{'freelancer': 'https://marketplace.example/freelancers/ana'}"
                : "{'freelancer': 'https://marketplace.example/freelancers/ana', 'message': '" + message + "'}";
        return json("{'jobId': '%s', 'clientId': 'client-1', 'freelancerId': 'freelancer-1', 'referral': %s}"
                .formatted(jobId, referral));
    }
}
