package dev.referrals.api.readmodel;

import static dev.referrals.api.support.Events.account;
import static dev.referrals.api.support.Events.activity;
import static dev.referrals.api.support.Events.at;
import static dev.referrals.api.support.Events.created;
import static dev.referrals.api.support.Events.declined;
import static dev.referrals.api.support.Events.id;
import static dev.referrals.api.support.Events.rejected;
import static dev.referrals.api.support.Events.requested;
import static dev.referrals.api.support.Events.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.events.ReferralStatus;
import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Every topic the read model consumes (I5): a record that cannot be read, a poison pill or a frame naming a schema
 * id the registry does not know, goes to {@code <topic>-dlt} with its bytes and the reason in its headers, and the
 * consumer carries on with the next record of the same partition.
 */
class ReadModelDeadLetterIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    /** Not a Confluent frame at all: no magic byte. */
    private static final byte[] POISON_PILL = "not an avro frame".getBytes(StandardCharsets.UTF_8);

    /** A well-formed frame whose schema id (0x7ffffff0 = 2147483632) no registry has handed out. */
    private static final byte[] UNKNOWN_SCHEMA_ID = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 'x'};

    /** A consumed topic, and how to publish a valid record with a key and see that the view shows it. */
    private record ConsumedTopic(Topic<String, ?> topic, Projection projection) {

        @Override
        public String toString() {
            return topic.name();
        }
    }

    @FunctionalInterface
    private interface Projection {
        void publishAndAwait(ReadModelDeadLetterIT test, String key);
    }

    static Stream<Arguments> unreadableRecords() {
        return Stream.of(consumedTopics()).flatMap(consumed -> Stream.of(
                Arguments.of(consumed, "poison pill", POISON_PILL, "AvroSerdeException: MALFORMED_FRAME"),
                Arguments.of(consumed, "unknown schema id", UNKNOWN_SCHEMA_ID,
                        "SchemaRegistryException: Schema 2147483632 not found")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unreadableRecords")
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsProjected(
            ConsumedTopic consumed, String kind, byte[] unreadable, String reason) {
        String key = id("key");

        events.publishBytes(consumed.topic(), key, unreadable);
        consumed.projection().publishAndAwait(this, key);

        ConsumerRecord<String, byte[]> deadLetter = events.awaitDeadLetter(consumed.topic(), key);
        assertThat(deadLetter.value()).isEqualTo(unreadable);
        assertThat(header(deadLetter, DeadLetterReason.HEADER)).startsWith(reason);
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(namespace.name(consumed.topic()));
    }

    private static ConsumedTopic[] consumedTopics() {
        return new ConsumedTopic[] {
                new ConsumedTopic(Topics.REFERRAL_REQUESTED, (test, jobId) -> {
                    String requestId = id("request");
                    test.events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "r", at(0)));
                    test.awaitOk("/api/v1/referral-requests/" + requestId, "PENDING");
                }),
                new ConsumedTopic(Topics.REFERRAL_CREATED, (test, jobId) -> {
                    String requestId = id("request");
                    test.events.publish(Topics.REFERRAL_CREATED, jobId,
                            created(id("referral"), requestId, jobId, "r", "e", at(0)));
                    test.awaitOk("/api/v1/referral-requests/" + requestId, "CREATED");
                }),
                new ConsumedTopic(Topics.REFERRAL_REJECTED, (test, jobId) -> {
                    String requestId = id("request");
                    test.events.publish(Topics.REFERRAL_REJECTED, jobId,
                            rejected(requestId, jobId, "r", RejectionReason.JOB_CLOSED, at(0)));
                    test.awaitOk("/api/v1/referral-requests/" + requestId, "REJECTED");
                }),
                new ConsumedTopic(Topics.REFERRAL_STATUS_CHANGED, (test, jobId) -> {
                    test.events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                            statusChanged(id("referral"), jobId, "referee", ReferralStatus.ACCEPTED, at(0)));
                    test.awaitOk("/api/v1/jobs/" + jobId + "/invitations", "ACCEPTED");
                }),
                new ConsumedTopic(Topics.INVITE_DECLINED, (test, jobId) -> {
                    test.events.publish(Topics.INVITE_DECLINED, jobId, declined(jobId, "f", "inv", at(0)));
                    test.awaitOk("/api/v1/jobs/" + jobId + "/invitations", "DECLINED");
                }),
                new ConsumedTopic(Topics.JOB_ACTIVITY, (test, jobId) -> {
                    test.events.publish(Topics.JOB_ACTIVITY, jobId,
                            activity(jobId, "f", JobActivityKind.INVITED, "inv", null, at(0)));
                    test.awaitOk("/api/v1/jobs/" + jobId + "/invitations", "INVITED");
                }),
                new ConsumedTopic(Topics.ACCOUNTS, (test, accountId) -> {
                    test.events.publish(Topics.ACCOUNTS, accountId, account(accountId, AccountKind.FREELANCER,
                            AccountStatus.ACTIVE, "Dead Letter " + accountId, at(0)));
                    test.awaitOk("/api/v1/freelancers?q=" + accountId, accountId);
                })
        };
    }

    private void awaitOk(String path, String expected) {
        await().atMost(PROJECTED).until(() -> api.get(path),
                answer -> answer.status() == 200 && answer.body().contains(expected));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
