package dev.referrals.processor.ledger;

import dev.referrals.marketplace.Account;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the ledger the fingerprints of every account under a key that was added to
 * {@code referrals.privacy.email-fingerprint.keys}, before the processor decides anything: at start-up, for each
 * configured key not yet in {@code email_fingerprint_key}, it re-reads the compacted {@code marketplace.accounts}
 * from the beginning, outside the listener's consumer group, and adds the fingerprint to each account whose stored
 * state is the record read. Then it marks the key complete. A key no longer configured is forgotten, with its
 * fingerprints, so that adding it again re-reads the accounts.
 *
 * <p>Redelivery and crashes: adding a fingerprint is idempotent, and a key is marked only after the whole topic was
 * read, so a crash midway makes the next start read it again. The listener keeps writing fingerprints under every
 * configured key meanwhile; what it writes wins over the backfill's, being at least as new. Several instances
 * starting together each read the topic; the result is the same.
 */
@Component
class EmailFingerprintBackfill implements SmartLifecycle {

    /** Before the listener containers (their phase is near {@code Integer.MAX_VALUE}): nothing is decided meanwhile. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(EmailFingerprintBackfill.class);

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String CLIENT_ID = "referral-processor-fingerprint-backfill";

    private final JdbcClient jdbc;
    private final AccountLedger accounts;
    private final EmailFingerprintKeys keys;
    private final ConsumerFactory<?, ?> consumers;
    private final TopicNamespace namespace;
    private final Clock clock;
    private volatile boolean running;

    EmailFingerprintBackfill(JdbcClient jdbc, AccountLedger accounts, EmailFingerprintKeys keys,
                             ConsumerFactory<?, ?> consumers, TopicNamespace namespace, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.keys = keys;
        this.consumers = consumers;
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public void start() {
        String[] configured = keys.keyIds().toArray(String[]::new);
        jdbc.sql("delete from account_email_fingerprint where key_id <> all(:keys)").param("keys", configured).update();
        jdbc.sql("delete from email_fingerprint_key where key_id <> all(:keys)").param("keys", configured).update();
        Set<String> missing = new LinkedHashSet<>(keys.keyIds());
        missing.removeAll(jdbc.sql("select key_id from email_fingerprint_key").query(String.class).list());
        if (!missing.isEmpty()) {
            boolean ledgerEmpty = jdbc.sql("select not exists (select 1 from account)").query(Boolean.class).single();
            if (!ledgerEmpty) {
                log.info("Email fingerprint keys {} are new: re-reading {} to fingerprint every account under them",
                        missing, namespace.name(Topics.ACCOUNTS));
                long read = reread(missing);
                log.info("Email fingerprint keys {}: {} account records re-read", missing, read);
            }
            missing.forEach(keyId -> jdbc.sql("""
                            insert into email_fingerprint_key (key_id, complete_at) values (:keyId, :now)
                            on conflict (key_id) do nothing
                            """)
                    .param("keyId", keyId).param("now", LedgerTime.column(clock.instant())).update());
        }
        running = true;
    }

    private long reread(Set<String> keyIds) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        String topic = namespace.name(Topics.ACCOUNTS);
        long read = 0;
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, CLIENT_ID, null, overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            while (!ends.isEmpty()) {
                List<Account> batch = new ArrayList<>();
                for (ConsumerRecord<?, ?> record : consumer.poll(POLL)) {
                    if (record.value() instanceof Account account) {
                        batch.add(account);
                    }
                }
                keyIds.forEach(keyId -> accounts.addFingerprints(batch, keyId));
                read += batch.size();
                ends.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
        }
        return read;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
