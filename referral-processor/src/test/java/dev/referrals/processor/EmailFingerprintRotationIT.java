package dev.referrals.processor;

import static dev.referrals.processor.Marketplace.emailOf;
import static dev.referrals.processor.Marketplace.now;
import static dev.referrals.processor.Marketplace.request;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.privacy.EmailFingerprint;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the email fingerprint key, as docs/schemas.md describes it: the processor is restarted with one more
 * key, re-reads marketplace.accounts at start-up, and then matches requests fingerprinted under either key. The
 * processor runs three times on one database and one topic namespace, each time with another key set.
 */
@LocalStackTest
class EmailFingerprintRotationIT {

    private static final String OLD_SECRET = "the-old-fingerprint-secret-of-this-test-only";
    private static final String NEW_SECRET = "the-new-fingerprint-secret-of-this-test-only";
    private static final EmailFingerprintKeys OLD = new EmailFingerprintKeys("old", Map.of("old", OLD_SECRET));
    private static final EmailFingerprintKeys NEW = new EmailFingerprintKeys("new", Map.of("new", NEW_SECRET));

    private final LocalStack stack;
    private final TopicNamespace namespace;
    private final DatabaseCoordinates database;

    EmailFingerprintRotationIT(LocalStack stack, TopicNamespace namespace, DatabaseCoordinates database) {
        this.stack = stack;
        this.namespace = namespace;
        this.database = database;
    }

    @Test
    void aKeyAddedToTheProcessorGetsEveryKnownAccountsFingerprintAndRequestsUnderEitherKeyMatch() {
        String oldJob = unique("job");
        String newJob = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        try (ConfigurableApplicationContext before = processor(Map.of("old", OLD_SECRET))) {
            Marketplace marketplace = before.getBean(Marketplace.class);
            marketplace.givenOpenPublicJob(oldJob);
            marketplace.givenOpenPublicJob(newJob);
            marketplace.givenFreelancers(ana, ben);
            marketplace.givenInvited(oldJob, ana);
            marketplace.givenInvited(newJob, ana);
        }

        try (ConfigurableApplicationContext rotated = processor(Map.of("old", OLD_SECRET, "new", NEW_SECRET))) {
            JdbcClient jdbc = rotated.getBean(JdbcClient.class);
            assertThat(fingerprintOf(jdbc, ben, "new")).isEqualTo(NEW.current(emailOf(ben)).value());
            assertThat(fingerprintOf(jdbc, ben, "old")).isEqualTo(OLD.current(emailOf(ben)).value());
            assertThat(jdbc.sql("select key_id from email_fingerprint_key order by key_id").query(String.class)
                    .list()).containsExactly("new", "old");

            ReferralRequested underOld = byEmail(oldJob, ana, OLD.current(emailOf(ben)));
            ReferralRequested underNew = byEmail(newJob, ana, NEW.current(emailOf(ben)));
            rotated.getBean(Marketplace.class).sendRequest(underOld);
            rotated.getBean(Marketplace.class).sendRequest(underNew);

            PublishedEvents published = rotated.getBean(PublishedEvents.class);
            assertThat(published.awaitCreated(underOld.getRequestId()).getRefereeId()).isEqualTo(ben);
            assertThat(published.awaitCreated(underNew.getRequestId()).getRefereeId()).isEqualTo(ben);
        }

        try (ConfigurableApplicationContext retired = processor(Map.of("new", NEW_SECRET))) {
            JdbcClient jdbc = retired.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select distinct key_id from account_email_fingerprint").query(String.class).list())
                    .containsExactly("new");
            assertThat(jdbc.sql("select key_id from email_fingerprint_key").query(String.class).list())
                    .containsExactly("new");
        }
    }

    @Test
    void aRequestUnderAKeyTheProcessorDoesNotHoldIsNotRejectedButDeadLettered() {
        String job = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        try (ConfigurableApplicationContext processor = processor(Map.of("old", OLD_SECRET))) {
            Marketplace marketplace = processor.getBean(Marketplace.class);
            marketplace.givenOpenPublicJob(job);
            marketplace.givenFreelancers(ana, ben);
            marketplace.givenInvited(job, ana);
            ReferralRequested underUnknownKey = byEmail(job, ana, NEW.current(emailOf(ben)));

            marketplace.sendRequest(underUnknownKey);

            assertThat(awaitDeadLetterReason(job)).contains("UnknownFingerprintKeyException").contains("'new'");
            assertThat(processor.getBean(PublishedEvents.class).outcomesOf(underUnknownKey.getRequestId())).isEmpty();
        }
    }

    private String awaitDeadLetterReason(String jobId) {
        Header reason = DeadLetters.awaitReferralRequest(stack.kafkaBootstrapServers(), namespace, jobId).headers()
                .lastHeader(DeadLetterReason.HEADER);
        return reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8);
    }

    private static String fingerprintOf(JdbcClient jdbc, String accountId, String keyId) {
        List<String> found = jdbc.sql(
                        "select fingerprint from account_email_fingerprint where account_id = ? and key_id = ?")
                .params(accountId, keyId).query(String.class).list();
        return found.isEmpty() ? null : found.get(0);
    }

    private static ReferralRequested byEmail(String jobId, String referrerId, EmailFingerprint fingerprint) {
        return ReferralRequested.newBuilder(request(jobId, referrerId, RefereeKind.EMAIL, fingerprint.value(),
                now().minus(Marketplace.LONG_AGO))).setRefereeFingerprintKeyId(fingerprint.keyId()).build();
    }

    /** The processor on this test's database and topics, with these fingerprint keys (the last one current). */
    private ConfigurableApplicationContext processor(Map<String, String> keys) {
        return SeparateProcessor.start(stack, namespace, database, properties -> {
            properties.keySet().removeIf(name -> name.startsWith(LocalFingerprintKey.KEYS_PROPERTY_PREFIX));
            properties.put(LocalFingerprintKey.CURRENT_KEY_PROPERTY, keys.keySet().iterator().next());
            keys.forEach((keyId, secret) -> properties.put(LocalFingerprintKey.KEYS_PROPERTY_PREFIX + keyId, secret));
        });
    }
}
