package dev.referrals.benchmarks.soak;

import dev.referrals.localstack.mail.MailSink;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the SMTP sink received, by Message-ID. The worker's Message-ID is {@code <referralId.role@domain>}, so each
 * email names the referral and the recipient's role. The sink is read every two seconds, so an email's arrival is
 * known to two seconds, and an email received before SMTP went down is counted even if the sink forgot it.
 */
final class MailAudit implements AutoCloseable {

    private static final String MESSAGE_ID = "Message-ID";
    private static final long READ_EVERY_SECONDS = 2;

    /** One email of one referral, and how often it arrived. */
    record Email(String referralId, String role) {
    }

    private final MailSink sink;
    private final Map<Email, Integer> received = new ConcurrentHashMap<>();
    private final Map<Email, Instant> firstArrival = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "soak-mail-audit");
        thread.setDaemon(true);
        return thread;
    });

    MailAudit(MailSink sink) {
        this.sink = sink;
        reader.scheduleWithFixedDelay(this::read, 0, READ_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads the sink once more; also called by the readers of the tally, so they see every email up to now. */
    synchronized void read() {
        Instant now = Instant.now();
        Map<Email, Integer> snapshot = new HashMap<>();
        for (MimeMessage message : sink.receivedMessages()) {
            snapshot.merge(parse(message), 1, Integer::sum);
        }
        // The most copies any one reading saw: a sink restarted empty does not make an email disappear.
        snapshot.forEach((email, copies) -> {
            received.merge(email, copies, Math::max);
            firstArrival.putIfAbsent(email, now);
        });
    }

    /** How often each email arrived. */
    Map<Email, Integer> received() {
        read();
        return Map.copyOf(received);
    }

    /** When each email first arrived, to two seconds. */
    Map<Email, Instant> firstArrival() {
        return Map.copyOf(firstArrival);
    }

    /** {@code <referralId.role@domain>}; a message without one counts under an empty referral. */
    static Email parse(MimeMessage message) {
        try {
            String[] ids = message.getHeader(MESSAGE_ID);
            return parse(ids == null || ids.length == 0 ? "" : ids[0]);
        } catch (MessagingException e) {
            return new Email("", "unreadable");
        }
    }

    static Email parse(String messageId) {
        String id = messageId.trim();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        int at = id.lastIndexOf('@');
        String local = at < 0 ? id : id.substring(0, at);
        int dot = local.lastIndexOf('.');
        return dot < 0 ? new Email(local, "") : new Email(local.substring(0, dot), local.substring(dot + 1));
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
