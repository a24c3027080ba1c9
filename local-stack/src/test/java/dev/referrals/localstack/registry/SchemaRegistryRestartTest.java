package dev.referrals.localstack.registry;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.registry.RegistryCalls.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.referrals.localstack.registry.RegistryCalls.schemaBody;
import static dev.referrals.localstack.registry.TestSchemas.ORDER;
import static dev.referrals.localstack.registry.TestSchemas.USER_V1;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_OPTIONAL_EMAIL;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_REQUIRED_AGE;
import static org.assertj.core.api.Assertions.assertThat;

/** The registry's state lives in its topic: a new server on the same broker and topic answers exactly as before. */
@LocalStackTest
class SchemaRegistryRestartTest {

    private static final String USERS = "users-value";
    private static final String ORDERS = "orders-value";
    private static final String CUSTOMERS = "customers-value";

    @Test
    void aRestartKeepsEveryIdVersionAndLevelAndTheNextSchemaGetsTheNextId(LocalStack stack) {
        SchemaRegistrySettings settings = SchemaRegistrySettings.forBootstrapServers(stack.kafkaBootstrapServers())
                .withTopic("_schemas-restart-" + UUID.randomUUID());
        Map<String, String> before;
        List<Integer> ids = new ArrayList<>();
        try (SchemaRegistryServer first = SchemaRegistryServer.start(settings)) {
            RegistryCalls calls = new RegistryCalls(first.url());
            ids.add(register(calls, USERS, USER_V1));
            ids.add(register(calls, USERS, USER_WITH_OPTIONAL_EMAIL));
            ids.add(register(calls, ORDERS, ORDER));
            ids.add(register(calls, CUSTOMERS, USER_V1));
            calls.put("/config/" + ORDERS, "{\"compatibility\":\"FULL_TRANSITIVE\"}");
            calls.put("/config", "{\"compatibility\":\"FORWARD\"}");
            calls.delete("/subjects/" + USERS + "/versions/1");
            calls.delete("/subjects/" + CUSTOMERS);
            before = snapshot(calls, ids);
        }

        try (SchemaRegistryServer second = SchemaRegistryServer.start(settings)) {
            RegistryCalls calls = new RegistryCalls(second.url());

            assertThat(snapshot(calls, ids)).isEqualTo(before);
            assertThat(register(calls, "payments-value", USER_WITH_REQUIRED_AGE))
                    .isEqualTo(ids.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1);
            assertThat(register(calls, ORDERS, ORDER)).as("a known schema keeps its id").isEqualTo(ids.get(2));
        }
    }

    private static int register(RegistryCalls calls, String subject, String schema) {
        Reply reply = calls.post("/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("id").asInt();
    }

    /** Every answer a client could read back, keyed by the path that gave it. */
    private static Map<String, String> snapshot(RegistryCalls calls, List<Integer> ids) {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/subjects", "/subjects?deleted=true", "/config",
                "/config/" + ORDERS, "/config/" + USERS));
        for (String subject : List.of(USERS, ORDERS, CUSTOMERS)) {
            paths.add("/subjects/" + subject + "/versions");
            paths.add("/subjects/" + subject + "/versions?deleted=true");
            paths.add("/subjects/" + subject + "/versions/latest");
            for (int version = 1; version <= 2; version++) {
                paths.add("/subjects/" + subject + "/versions/" + version + "?deleted=true");
            }
        }
        for (int id : ids) {
            paths.add("/schemas/ids/" + id);
            paths.add("/schemas/ids/" + id + "/versions?deleted=true");
        }
        for (String path : paths) {
            Reply reply = calls.get(path);
            answers.put(path, reply.status() + " " + reply.body());
        }
        return answers;
    }
}
