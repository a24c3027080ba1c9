package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.schemas.registry.MockSchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * A well-formed record of the wrong type is unreadable in the deserializer, where its bytes still go to the DLT;
 * found by the fault soak, where an Account on the referral-requested topic stopped a processor partition.
 */
class CatalogueValueDeserializerTest {

    private final SchemaRegistryClient registry = new MockSchemaRegistryClient();
    private final CatalogueValueDeserializer deserializer = new CatalogueValueDeserializer(registry,
            Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true));

    @Test
    void aRecordOfTheTopicsOwnTypeIsRead() {
        Account account = account();
        byte[] frame = new AvroSerializer(registry).serialize("it7.marketplace.accounts", account);

        assertThat(deserializer.deserialize("it7.marketplace.accounts", frame)).isEqualTo(account);
    }

    @Test
    void aWellFormedRecordOfAnotherTypeFailsNamingBothTypes() {
        byte[] frame = new AvroSerializer(registry).serialize("it7.referrals.referral-requested", account());

        assertThatThrownBy(() -> deserializer.deserialize("it7.referrals.referral-requested", frame))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("it7.referrals.referral-requested")
                .hasMessageContaining("dev.referrals.events.ReferralRequested")
                .hasMessageContaining("dev.referrals.marketplace.Account");
    }

    @Test
    void aTopicOutsideTheCatalogueIsReadAsItComes() {
        byte[] frame = new AvroSerializer(registry).serialize("elsewhere.things", account());

        assertThat(deserializer.deserialize("elsewhere.things", frame)).isEqualTo(account());
    }

    private static Account account() {
        return Account.newBuilder().setAccountId("fl-1").setKind(AccountKind.FREELANCER).setDisplayName("Ana")
                .setEmail("ana@example.test").setProfileUrl(null).setStatus(AccountStatus.ACTIVE)
                .setUpdatedAt(Instant.parse("2026-12-02T08:00:00Z")).build();
    }
}
