package dev.referrals.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registry.ScriptedRegistryServer;
import dev.referrals.schemas.registry.ScriptedRegistryServer.Reply;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Configured by URL like a Kafka client, the serde asks the registry once per schema, not once per record. */
class SerdeOverRestRegistryTest {

    private static final String TOPIC = Topics.REFERRAL_REQUESTED.name();
    private static final int REGISTERED_ID = 21;
    private static final int RECORDS = 1_000;

    private final ScriptedRegistryServer registry = ScriptedRegistryServer.start();

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void warmSerdeMakesNoRegistryCallPerRecord() throws IOException {
        String schemaAnswer = "{\"schema\":"
                + new ObjectMapper().writeValueAsString(ReferralRequested.getClassSchema().toString()) + "}";
        registry.otherwise(request -> switch (request.method() + " " + request.pathAndQuery()) {
            case "POST /subjects/referrals.referral-requested-value/versions" ->
                    Reply.json(200, "{\"id\":" + REGISTERED_ID + "}");
            case "GET /schemas/ids/" + REGISTERED_ID -> Reply.json(200, schemaAnswer);
            default -> Reply.error(404, 40401, "unexpected " + request.pathAndQuery());
        });
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config(Map.of()), false);
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true")), false);

        for (int i = 0; i < RECORDS; i++) {
            ReferralRequested sent = referralRequested("req-" + i);
            byte[] frame = serializer.serialize(TOPIC, sent);
            assertThat(ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt()).isEqualTo(REGISTERED_ID);
            assertThat(deserializer.deserialize(TOPIC, frame)).isEqualTo(sent);
        }

        assertThat(registry.requests()).extracting(request -> request.method() + " " + request.pathAndQuery())
                .containsExactly("POST /subjects/referrals.referral-requested-value/versions",
                        "GET /schemas/ids/" + REGISTERED_ID);
        serializer.close();
        deserializer.close();
    }

    @Test
    void idTheRegistryDoesNotKnowIsAnUnknownSchemaIdNotARegistryOutage() {
        registry.otherwise(request -> Reply.error(404, 40403, "Schema 77 not found"));
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config(Map.of()), false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, HexFormat.of().parseHex("000000004d00")))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(failure.isTransient()).isFalse();
                })
                .hasMessageContaining("schema id 77")
                .hasMessageContaining(TOPIC);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void registryOutageIsReportedAsTransient() {
        registry.otherwise(request -> Reply.error(503, 50003, "Error while forwarding the request"));
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config(Map.of(AvroSerdeConfig.MAX_RETRIES, 1)), false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, HexFormat.of().parseHex("000000004d00")))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE);
                    assertThat(failure.isTransient()).isTrue();
                })
                .hasMessageStartingWith("REGISTRY_UNAVAILABLE: topic '" + TOPIC + "', schema id 77")
                .hasMessageContaining("503");
        assertThat(registry.requests()).hasSize(2);
    }

    private Map<String, Object> config(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(AvroSerdeConfig.RETRIES_WAIT_MS, 1);
        return config;
    }

    private static ReferralRequested referralRequested(String requestId) {
        return ReferralRequested.newBuilder()
                .setRequestId(requestId)
                .setInvitationId("inv-1")
                .setJobId("job-1")
                .setClientId("client-1")
                .setReferrerId("freelancer-1")
                .setReferee("ana@example.com")
                .setRefereeKind(RefereeKind.EMAIL)
                .setMessage(null)
                .setRequestedAt(Instant.ofEpochMilli(1_764_150_000_123L))
                .build();
    }
}
