package dev.referrals.localstack.contract;

import dev.referrals.localstack.auth.LocalAuthorizationServer;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.auth.TokenClient;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What every service's actuator promises, over HTTP with real tokens: on the management port, {@code health}
 * (status only) and {@code prometheus} are open to the platform; readiness covers every dependency and shows it to
 * ops; consumer lag, dead letters and metrics answer 401 without a token and 403 to a caller without the ops scope;
 * nothing of actuator is served on the service's own port. A service's health IT is a Spring Boot test on random
 * ports that extends this, naming its readiness members.
 */
@LocalStackTest
public abstract class ManagementEndpointsContract {

    private static final List<String> OPS_ONLY = List.of("/actuator/consumerlag", "/actuator/deadletters",
            "/actuator/metrics");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC_PREFIX = "referrals.kafka.topic-prefix";

    private static TokenClient tokens;

    /** Spring Boot's test context, which knows the ports it started the service on. */
    @Autowired
    private Environment environment;

    /** The readiness members this service cannot work without, for example {@code db} and {@code kafka}. */
    protected abstract List<String> readinessComponents();

    @BeforeAll
    static void connect(LocalAuthorizationServer server) {
        tokens = server.tokens();
    }

    @Test
    void healthIsUpAndOpenWithoutATokenButShowsNoDetails() {
        Answer health = get("/actuator/health", null);

        assertStatus(health, 200);
        assertContains(health, "\"status\":\"UP\"");
        if (health.body().contains("\"components\"")) {
            throw new AssertionError("health shows its details without a token: " + health);
        }
    }

    @Test
    void readinessCoversEveryDependencyForOpsAndLivenessOnlyTheProcessItself() {
        String ops = tokens.serviceToken(LocalIdentities.OPS_CONSOLE);
        Answer readiness = get("/actuator/health/readiness", ops);
        Answer liveness = get("/actuator/health/liveness", ops);

        assertStatus(readiness, 200);
        for (String component : readinessComponents()) {
            if (!readiness.body().matches("(?s).*\"" + component
                    + "\":\\{(\"details\":\\{[^}]*\\},)?\"status\":\"UP\".*")) {
                throw new AssertionError("readiness does not show " + component + " UP: " + readiness);
            }
        }
        assertStatus(liveness, 200);
        if (liveness.body().contains("kafka")) {
            throw new AssertionError("liveness depends on Kafka: " + liveness);
        }
    }

    @Test
    void prometheusIsOpenAndConsumerLagAndDeadLettersServeOps() {
        String ops = tokens.serviceToken(LocalIdentities.OPS_CONSOLE);

        assertContains(get("/actuator/prometheus", null), "jvm_memory_used_bytes");
        assertContains(get("/actuator/consumerlag", ops), "{\"groups\":");
        assertContains(get("/actuator/deadletters", ops), "referrals.referral-requested-dlt");
    }

    @Test
    void deadLettersAreServedToOpsAPageAtATimeAndARedriveToAnotherTopicIsAForbiddenProblem() {
        String ops = tokens.serviceToken(LocalIdentities.OPS_CONSOLE);
        TopicNamespace namespace = TopicNamespace.of(environment.getProperty(TOPIC_PREFIX, ""));
        String deadLetters = "/actuator/deadletters/" + namespace.deadLetterTopic(Topics.REFERRAL_REQUESTED);

        Answer page = get(deadLetters + "?page=0&size=5&reveal=false", ops);
        Answer refused = send(HttpRequest.newBuilder(URI.create(managementUrl() + deadLetters))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"target\":\"" + namespace.name(Topics.REFERRAL_CREATED) + "\"}")), ops);

        assertStatus(page, 200);
        for (String part : List.of("\"page\":0", "\"size\":5", "\"redacted\":true", "\"records\":[")) {
            assertContains(page, part);
        }
        assertStatus(refused, 403);
        if (!refused.contentType().startsWith("application/problem+json")) {
            throw new AssertionError("a refused redrive is not a problem: " + refused);
        }
        assertContains(refused, "\"title\":\"Redrive refused\"");
    }

    @Test
    void theOpsEndpointsAre401WithoutATokenAnd403WithoutTheOpsScope() {
        List<String> notOps = List.of(tokens.serviceToken(LocalIdentities.JOB_SERVICES), tokens.userToken("ana"));
        for (String endpoint : OPS_ONLY) {
            Answer anonymous = get(endpoint, null);
            assertStatus(anonymous, 401);
            assertProblem(anonymous, "Bearer");
            for (String token : notOps) {
                Answer forbidden = get(endpoint, token);
                assertStatus(forbidden, 403);
                assertProblem(forbidden, "Bearer error=\"insufficient_scope\"");
            }
        }
    }

    @Test
    void actuatorIsNotServedOnTheServicePort() {
        Answer onServicePort = send("http://localhost:" + port("local.server.port") + "/actuator/health",
                tokens.serviceToken(LocalIdentities.OPS_CONSOLE));
        if (onServicePort.status() == 200) {
            throw new AssertionError("actuator answers on the service port: " + onServicePort);
        }
    }

    private Answer get(String path, String token) {
        return send(managementUrl() + path, token);
    }

    private String managementUrl() {
        return "http://localhost:" + port("local.management.port");
    }

    private int port(String property) {
        return environment.getRequiredProperty(property, Integer.class);
    }

    private static Answer send(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)), token);
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        String url = built.uri().toString();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(url, response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void assertStatus(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ": " + answer);
        }
    }

    private static void assertContains(Answer answer, String text) {
        if (!answer.body().contains(text)) {
            throw new AssertionError("expected " + text + " in " + answer);
        }
    }

    private static void assertProblem(Answer answer, String challenge) {
        if (!answer.contentType().startsWith("application/problem+json") || !answer.challenge().startsWith(challenge)) {
            throw new AssertionError("expected problem+json with WWW-Authenticate " + challenge + ": " + answer
                    + " (" + answer.contentType() + ", " + answer.challenge() + ")");
        }
    }

    private record Answer(String url, int status, String body, String contentType, String challenge) {
        @Override
        public String toString() {
            return "GET " + url + " answered " + status + " " + body;
        }
    }
}
