package dev.referrals.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.referrals.events.ReferralCreated;
import dev.referrals.localrun.seed.SeedParser;
import dev.referrals.localrun.seed.SeedPublisher;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.SharedLocalStack;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole pipeline, through HTTP, with each service in its own process on the shared broker, registry,
 * PostgreSQL and SMTP sink: upstream facts in, one decline per rule, the decisions, the emails, the views, an
 * answer to a referral, a repeated request, and the processor, the API and the worker killed mid-stream. The steps
 * build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

    private static final Duration DECISION_WAIT = Duration.ofSeconds(60);
    private static final String GRACE_PERIOD = "3s";
    private static final String BASE_URL = "https://referrals.example";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final int BURST = 10;
    private static final String PROCESSOR_DECISIONS = "referral-processor.decisions";
    private static final String WORKER_EMAILS = "notification-worker.referral-created";
    /** Short, so that the restarted worker takes over the email its killed predecessor had claimed soon. */
    private static final String CLAIM_LEASE = "5s";

    private static LocalStack stack;
    private static TopicNamespace namespace;
    private static Pipeline pipeline;
    private static PipelineClient api;
    private static EventReader events;
    private static final Map<String, String> requestIds = new HashMap<>();

    @BeforeAll
    static void startPipeline() throws IOException {
        stack = SharedLocalStack.acquire();
        namespace = stack.newTopicNamespace();
        try (InputStream seed = PipelineEndToEndIT.class.getResourceAsStream("/e2e/seed.yml")) {
            new SeedPublisher(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl().orElseThrow(), namespace,
                    Clock.systemUTC()).publish(SeedParser.parse("e2e/seed.yml",
                    new String(seed.readAllBytes(), StandardCharsets.UTF_8)));
        }
        PipelineSettings settings = PipelineSettings.defaults(Path.of("target", "services"),
                        Path.of("target", "e2e-logs", namespace.prefix()))
                .withAnyFreePorts()
                .withProperties(Map.of(
                        Service.REFERRAL_PROCESSOR, Map.of("referrals.processor.late-facts.grace-period", GRACE_PERIOD),
                        Service.NOTIFICATION_WORKER, Map.of("referrals.worker.late-facts.grace-period", GRACE_PERIOD,
                                "referrals.worker.links.base-url", BASE_URL,
                                "referrals.worker.claims.lease", CLAIM_LEASE)));
        pipeline = Pipeline.start(stack, namespace, settings, service -> stack.newDatabase(), line -> { });
        api = new PipelineClient(pipeline.baseUrl(Service.REFERRAL_API),
                stack.authorizationServer().tokens().serviceToken(LocalIdentities.JOB_SERVICES));
        events = new EventReader(stack, namespace);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        SharedLocalStack.release();
    }

    @Test
    @Order(1)
    void eachDeclineIsDecidedByTheRuleItBreaksOrCreatesTheReferral() {
        decline("created-by-url", "job-a", "r1", "https://WWW.Marketplace.example/freelancers/ben/?from=search",
                "Ben did <b>exactly</b> this & more", TRACE_ID);
        decline("created-by-email", "job-b", "r2", "Cara@E2E.example", null, null);
        awaitStatus("created-by-url", "CREATED");
        awaitStatus("created-by-email", "CREATED");

        decline("unknown-email", "job-a", "r3", "nobody@e2e.example", null, null);
        decline("client-account", "job-a", "r4", "acme@e2e.example", null, null);
        decline("closed-account", "job-a", "r2", "https://marketplace.example/freelancers/gone", null, null);
        decline("self", "job-a", "r5", "https://marketplace.example/freelancers/r5", null, null);
        decline("second-by-referrer", "job-a", "r1", "https://marketplace.example/freelancers/dan", null, null);
        // Invited to job-b a second time, Raj declines that invitation too: one referral per job still (R4).
        declineWith("second-invitation", "inv-r2-b2", "acme", "job-b", "r2",
                "https://marketplace.example/freelancers/dan");
        declineWith("made-up-referrer", "inv-ghost-a", "acme", "job-a", "ghost",
                "https://marketplace.example/freelancers/dan");
        declineWith("foreign-client", "inv-r10-a", "globex", "job-a", "r10",
                "https://marketplace.example/freelancers/dan");
        decline("proposed", "job-a", "r6", "https://marketplace.example/freelancers/prop", null, null);
        decline("already-referred", "job-a", "r7", "ben@e2e.example", null, null);
        decline("hired", "job-a", "r8", "https://marketplace.example/freelancers/hired", null, null);
        decline("invited", "job-a", "r9", "https://marketplace.example/freelancers/direct", null, null);
        decline("private-job", "job-private", "r1", "https://marketplace.example/freelancers/dan", null, null);
        decline("closed-job", "job-closed", "r1", "https://marketplace.example/freelancers/dan", null, null);

        Map<String, String> expected = Map.ofEntries(
                Map.entry("unknown-email", "REFEREE_NOT_FOUND"),
                Map.entry("client-account", "REFEREE_NOT_FOUND"),
                Map.entry("closed-account", "REFEREE_NOT_FOUND"),
                Map.entry("self", "SELF_REFERRAL"),
                Map.entry("second-by-referrer", "INVITATION_ALREADY_DECLINED"),
                Map.entry("second-invitation", "REFERRER_ALREADY_REFERRED"),
                Map.entry("made-up-referrer", "REFERRER_NOT_INVITED"),
                Map.entry("foreign-client", "CLIENT_NOT_JOB_OWNER"),
                Map.entry("proposed", "REFEREE_ALREADY_PROPOSED"),
                Map.entry("already-referred", "REFEREE_ALREADY_REFERRED"),
                Map.entry("hired", "REFEREE_ALREADY_INVITED_OR_HIRED"),
                Map.entry("invited", "REFEREE_ALREADY_INVITED_OR_HIRED"),
                Map.entry("private-job", "JOB_INVITE_ONLY"),
                Map.entry("closed-job", "JOB_CLOSED"));
        expected.forEach((name, reason) -> {
            JsonNode status = awaitStatus(name, "REJECTED");
            assertThat(status.path("reason").asText()).as(name).isEqualTo(reason);
        });
    }

    @Test
    @Order(2)
    void eachCreatedReferralEmailsTheRefereeAndTheClientAndARejectedOneEmailsNobody() throws Exception {
        String referralId = awaitStatus("created-by-url", "CREATED").path("referralId").asText();
        MimeMessage toBen = single("ben@e2e.example");
        String benText = MailText.plain(toBen);
        String benHtml = MailText.html(toBen);
        assertThat(toBen.getSubject()).isEqualTo("Rita One referred you for Build a <booking> site");
        assertThat(toBen.getMessageID()).startsWith("<" + referralId + ".referee@");
        assertThat(benText).contains("Rita One").contains("Ben did <b>exactly</b> this & more")
                .contains(BASE_URL + "/freelancers/ben/referrals");
        assertThat(benHtml).contains("Ben did &lt;b&gt;exactly&lt;/b&gt; this &amp; more")
                .contains("Build a &lt;booking&gt; site").doesNotContain("<b>exactly</b>");

        List<MimeMessage> toAcme = stack.mail().awaitMessagesFor("acme@e2e.example", 2, DECISION_WAIT);
        assertThat(toAcme).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Rita One referred Ben Referred for Build a <booking> site",
                "Raj Two referred Cara Referred for Mobile app");
        assertThat(MailText.plain(single("cara@e2e.example"))).contains("Raj Two").contains("Mobile app");

        // Every rejection was decided in step 1; once the worker has handled every outcome, nothing more will come.
        awaitTheWorkerHandledEveryReferral();
        assertThat(e2eMessages()).as("two emails per created referral, none for the fourteen rejections").hasSize(4);
    }

    @Test
    @Order(3)
    void theReferralsViewsAndTheJobsInvitationsShowWhoReferredWhom() {
        JsonNode given = api.get("/api/v1/freelancers/r1/referrals?role=referrer&size=50");
        assertThat(statuses(given)).containsExactlyInAnyOrder("INVITED", "REJECTED", "REJECTED", "REJECTED");
        JsonNode received = api.get("/api/v1/freelancers/ben/referrals?role=referee");
        assertThat(received.path("totalItems").asInt()).isEqualTo(1);
        assertThat(received.path("items").get(0).path("referrerId").asText()).isEqualTo("r1");
        assertThat(received.path("items").get(0).path("status").asText()).isEqualTo("INVITED");

        Map<String, JsonNode> invitations = invitationsOf("job-a");
        assertThat(invitations.get("ben").path("source").asText()).isEqualTo("REFERRAL");
        assertThat(invitations.get("ben").path("referrerId").asText()).isEqualTo("r1");
        assertThat(invitations.get("ben").path("message").asText()).isEqualTo("Ben did <b>exactly</b> this & more");
        assertThat(invitations.get("direct").path("source").asText()).isEqualTo("DIRECT");
        assertThat(invitations.get("r1").path("status").asText()).as("the referrer declined").isEqualTo("DECLINED");

        assertThat(api.get("/api/v1/freelancers?q=referred").path("items"))
                .extracting(item -> item.path("accountId").asText()).containsExactly("ben", "cara");
    }

    @Test
    @Order(4)
    void anAcceptedReferralShowsAsAcceptedInBothReferralsViewsAndOnTheJob() {
        String referralId = awaitStatus("created-by-url", "CREATED").path("referralId").asText();
        events.publish(Topics.JOB_ACTIVITY, "job-a", JobActivity.newBuilder().setEventId(UUID.randomUUID().toString())
                .setJobId("job-a").setFreelancerId("ben").setKind(JobActivityKind.INVITATION_ACCEPTED)
                .setInvitationId(null).setReferralId(referralId).setOccurredAt(Instant.now()).build());

        await().atMost(DECISION_WAIT).untilAsserted(() -> {
            assertThat(statuses(api.get("/api/v1/freelancers/ben/referrals?role=referee"))).containsExactly("ACCEPTED");
            assertThat(statuses(api.get("/api/v1/freelancers/r1/referrals?role=referrer"))).contains("ACCEPTED");
            assertThat(invitationsOf("job-a").get("ben").path("status").asText()).isEqualTo("ACCEPTED");
        });
    }

    @Test
    @Order(5)
    void theSameRequestSentAgainAnswersTheSameAndCreatesNothingNew() throws Exception {
        PipelineClient.Answer first = api.lastDecline("created-by-url");
        PipelineClient.Answer again = api.decline("inv-r1-a", first.idempotencyKey(), first.body(), null);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        events.awaitConsumed(PROCESSOR_DECISIONS, Topics.REFERRAL_REQUESTED, DECISION_WAIT);
        awaitTheWorkerHandledEveryReferral();
        assertThat(events.referralsCreated()).hasSize(2);
        assertThat(e2eMessages()).hasSize(4);
        assertThat(api.get("/api/v1/freelancers/ben/referrals?role=referee").path("totalItems").asInt()).isEqualTo(1);
    }

    /**
     * Crashes while requests are in flight: a caller sends the burst one decline at a time and, as an upstream
     * service would, retries a refused connection or a 5xx with the same Idempotency-Key. The processor is killed
     * (SIGKILL) once a third of the burst is answered, the API once two thirds are, each restarted at once. The
     * worker is killed between the SMTP server accepting an email and the ledger recording it: the test holds the
     * worker's {@code sent_emails} table so the first burst email cannot be recorded, kills the worker once that
     * email is in the sink, and starts it again. Nothing is lost: every 202 has one decision, every created
     * referral's two emails arrive, and the only repeated email is the one the worker's kill caught.
     */
    @Test
    @Order(6)
    void killingTheProcessorAndTheApiMidBurstAndTheWorkerBetweenSendAndRecordLosesNothing() throws Exception {
        int kills = 0;
        int before = e2eMessages().size();
        try (Connection ledger = connect(pipeline.database(Service.NOTIFICATION_WORKER))) {
            ledger.setAutoCommit(false);
            try (Statement hold = ledger.createStatement()) {
                hold.execute("LOCK TABLE sent_emails IN SHARE MODE");
            }
            CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> {
                for (int k = 1; k <= BURST; k++) {
                    burstDecline(k);
                }
            });
            awaitAnswered(BURST / 3, caller);
            pipeline.restart(Service.REFERRAL_PROCESSOR, true);
            awaitAnswered(2 * BURST / 3, caller);
            pipeline.restart(Service.REFERRAL_API, true);
            caller.get(2 * DECISION_WAIT.toSeconds(), TimeUnit.SECONDS);

            await().atMost(DECISION_WAIT).until(() -> e2eMessages().size() > before);
            pipeline.process(Service.NOTIFICATION_WORKER).kill();
            kills++;
            ledger.rollback();
        }
        pipeline.startAgain(Service.NOTIFICATION_WORKER);

        for (int k = 1; k <= BURST; k++) {
            awaitStatus("burst-" + k, "CREATED");
        }
        List<ReferralCreated> created = events.referralsCreated();
        assertThat(created).as("one decision per request, republished copies identical")
                .extracting(ReferralCreated::getRequestId).doesNotHaveDuplicates().hasSize(2 + BURST);
        for (int k = 1; k <= BURST; k++) {
            stack.mail().awaitMessagesFor("bf" + k + "@e2e.example", 1, DECISION_WAIT);
        }
        await().atMost(DECISION_WAIT).untilAsserted(() -> assertThat(
                stack.mail().receivedMessagesFor("acme@e2e.example")).hasSizeGreaterThanOrEqualTo(2 + BURST));
        awaitTheWorkerHandledEveryReferral();
        // A crash may repeat an email sent just before it (I4), always with the same Message-ID; none is lost.
        List<String> messageIds = e2eMessages().stream().map(MailText::messageId).toList();
        assertThat(Set.copyOf(messageIds)).hasSize(2 * (2 + BURST));
        assertThat(messageIds.size() - 2 * (2 + BURST)).as("repeated emails").isBetween(0, kills);
    }

    @Test
    @Order(7)
    void oneTraceIdFollowsTheRequestThroughTheDecisionToTheEmail() throws IOException {
        for (Service service : Service.values()) {
            assertThat(Files.readString(pipeline.process(service).log())).as(service.module() + " log")
                    .contains(TRACE_ID);
        }
    }

    @Test
    @Order(8)
    void everyMetricTheDashboardAndTheAlertsQueryIsServedByTheServices() throws IOException {
        String dashboard = Files.readString(Path.of("..", "docker", "grafana", "dashboards", "referrals.json"))
                + Files.readString(Path.of("..", "docker", "prometheus", "alerts.yml"));
        Set<String> queried = Pattern.compile("referrals_[a-z_]+").matcher(dashboard).results()
                .map(MatchResult::group).collect(Collectors.toCollection(TreeSet::new));
        StringBuilder served = new StringBuilder();
        for (Service service : Service.values()) {
            served.append(api.text(pipeline.managementUrl(service) + "/actuator/prometheus"));
        }

        assertThat(queried).hasSizeGreaterThan(8);
        assertThat(queried).allSatisfy(metric -> assertThat(served).as(metric).contains(metric));
    }

    /** One decline of the burst, retried with its key until it is answered 202, across the API's crash. */
    private static void burstDecline(int k) {
        String name = "burst-" + k;
        Map<String, Object> body = Map.of("jobId", "job-burst", "clientId", "acme", "freelancerId", "br" + k,
                "reason", "TOO_BUSY", "referral", Map.of("freelancer", "https://marketplace.example/freelancers/bf" + k,
                        "message", "burst " + k));
        PipelineClient.Answer answer = await().atMost(DECISION_WAIT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> api.decline("inv-br" + k, name + "-" + namespace.prefix(), api.json(body), null),
                        tried -> tried.status() == 202 || tried.status() < 500 && tried.status() != 409);
        assertThat(answer.status()).as(name + ": " + answer.json()).isEqualTo(202);
        requestIds.put(name, answer.json().path("requestId").asText());
        api.remember(name, answer);
    }

    /** Waits until this many declines of the burst were answered 202, or the caller failed. */
    private static void awaitAnswered(int count, CompletableFuture<Void> caller) {
        await().atMost(DECISION_WAIT).until(() -> caller.isCompletedExceptionally()
                || IntStream.rangeClosed(1, BURST).filter(k -> requestIds.containsKey("burst-" + k)).count() >= count);
        assertThat(caller).isNotCompletedExceptionally();
    }

    /** The worker has handled every ReferralCreated published so far: each email it would send is in the sink. */
    private static void awaitTheWorkerHandledEveryReferral() {
        events.awaitConsumed(WORKER_EMAILS, Topics.REFERRAL_CREATED, DECISION_WAIT);
    }

    private static Connection connect(DatabaseCoordinates database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** A decline of the referrer's invitation to the job, as the seed names it, on a job of Acme's. */
    private static void decline(String name, String jobId, String referrer, String referee, String message,
                                String traceId) {
        String invitation = "inv-" + referrer + "-" + jobId.substring("job-".length());
        if (jobId.equals("job-burst")) {
            invitation = "inv-" + referrer;
        }
        decline(name, invitation, "acme", jobId, referrer, referee, message, traceId);
    }

    private static void declineWith(String name, String invitation, String clientId, String jobId, String referrer,
                                    String referee) {
        decline(name, invitation, clientId, jobId, referrer, referee, null, null);
    }

    private static void decline(String name, String invitation, String clientId, String jobId, String referrer,
                                String referee, String message, String traceId) {
        Map<String, Object> referral = new HashMap<>();
        referral.put("freelancer", referee);
        if (message != null) {
            referral.put("message", message);
        }
        Map<String, Object> body = Map.of("jobId", jobId, "clientId", clientId, "freelancerId", referrer,
                "reason", "TOO_BUSY", "referral", referral);
        PipelineClient.Answer answer = api.decline(invitation, name + "-" + namespace.prefix(), api.json(body),
                traceId);
        assertThat(answer.status()).as(name + ": " + answer.json()).isEqualTo(202);
        requestIds.put(name, answer.json().path("requestId").asText());
        api.remember(name, answer);
    }

    private static JsonNode awaitStatus(String name, String status) {
        String path = "/api/v1/referral-requests/" + requestIds.get(name);
        await().atMost(DECISION_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> !api.get(path).path("status").asText().equals("PENDING"));
        JsonNode decided = api.get(path);
        assertThat(decided.path("status").asText()).as(name + ": " + decided).isEqualTo(status);
        return decided;
    }

    private static MimeMessage single(String address) {
        List<MimeMessage> messages = stack.mail().awaitMessagesFor(address, 1, DECISION_WAIT);
        assertThat(messages).as(address).hasSize(1);
        return messages.get(0);
    }

    private static List<MimeMessage> e2eMessages() {
        return stack.mail().receivedMessages().stream().filter(MailText::toE2eAddress).toList();
    }

    private static List<String> statuses(JsonNode page) {
        return IntStream.range(0, page.path("items").size())
                .mapToObj(i -> page.path("items").get(i).path("status").asText()).toList();
    }

    private static Map<String, JsonNode> invitationsOf(String jobId) {
        Map<String, JsonNode> byFreelancer = new HashMap<>();
        api.get("/api/v1/jobs/" + jobId + "/invitations").path("items")
                .forEach(item -> byFreelancer.put(item.path("freelancerId").asText(), item));
        return byFreelancer;
    }
}
