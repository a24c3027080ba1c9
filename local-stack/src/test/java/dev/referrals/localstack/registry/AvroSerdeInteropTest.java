package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's own serde (schemas module) talks to this registry over real HTTP, as it would to Confluent's. */
@LocalStackTest
class AvroSerdeInteropTest {

    private static final String TOPIC = "referrals.referral-requested";
    private static final String SUBJECT = TOPIC + "-value";
    private static final byte MAGIC_BYTE = 0;

    private static SchemaRegistryServer server;
    private static RegistryCalls calls;

    @BeforeAll
    static void startRegistry(LocalStack stack) {
        server = SchemaRegistryServer.start(SchemaRegistrySettings.forBootstrapServers(stack.kafkaBootstrapServers())
                .withTopic("_schemas-serde-" + UUID.randomUUID()));
        calls = new RegistryCalls(server.url());
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    @Test
    void anAutoRegisteredEventIsFramedWithItsIdAndReadBackAsTheSpecificClass() {
        ReferralRequested event = referralRequested();
        byte[] frame;
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
            frame = serializer.serialize(TOPIC, event);
        }

        assertThat(frame[0]).isEqualTo(MAGIC_BYTE);
        int id = ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt();
        JsonNode latest = calls.get("/subjects/" + SUBJECT + "/versions/latest").json();
        assertThat(latest.get("id").asInt()).isEqualTo(id);
        assertThat(latest.get("version").asInt()).isEqualTo(1);
        assertThat(latest.get("schema").asText()).isEqualTo(ReferralRequested.getClassSchema().toString());
        assertThat(calls.get("/schemas/ids/" + id).json().get("schema").asText())
                .isEqualTo(ReferralRequested.getClassSchema().toString());

        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            assertThat(deserializer.deserialize(TOPIC, frame)).isEqualTo(event);
        }
    }

    @Test
    void withoutAutoRegistrationTheSerializerFindsARegisteredSchemaAndRefusesAnUnknownSubject() {
        ReferralRequested event = referralRequested();
        String registeredTopic = "registered-" + UUID.randomUUID();
        int id = calls.post("/subjects/" + registeredTopic + "-value/versions",
                RegistryCalls.schemaBody(ReferralRequested.getClassSchema().toString())).json().get("id").asInt();

        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

            byte[] frame = serializer.serialize(registeredTopic, event);
            assertThat(ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt()).isEqualTo(id);
            assertThatThrownBy(() -> serializer.serialize("unregistered-" + UUID.randomUUID(), event))
                    .hasMessageContaining("40401");
        }
        assertThat(calls.get("/subjects").json()).extracting(JsonNode::asText).noneMatch(s -> s.startsWith("unreg"));
    }

    private static ReferralRequested referralRequested() {
        return ReferralRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setInvitationId("inv-1")
                .setJobId("job-1")
                .setClientId("client-1")
                .setReferrerId("freelancer-1")
                .setReferee("someone@example.com")
                .setRefereeKind(RefereeKind.EMAIL)
                .setMessage("She did this before")
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
