package dev.referrals.platform.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a dead-letter topic, as an operator needs to see it.
 *
 * @param partition      its partition in the dead-letter topic
 * @param offset         its offset there; the handle to redrive it
 * @param key            its key
 * @param reason         the {@code referrals-dlt-reason} header: why it was dead-lettered
 * @param originalTopic  the catalogue topic this dead-letter topic belongs to, where a redrive sends it (the
 *                       {@code kafka_dlt-original-topic} header, which anyone writing here can set, is in
 *                       {@code headers})
 * @param originalOffset its partition and offset there
 * @param timestamp      when it was dead-lettered
 * @param value          its value decoded with the registered schema, as JSON, or why it cannot be decoded
 * @param headers        every header, as text
 */
public record DeadLetter(int partition, long offset, String key, String reason, String originalTopic,
                         String originalOffset, String timestamp, String value, Map<String, String> headers) {

    /** This record with every email address in its key, reason, value and headers masked. */
    public DeadLetter redacted() {
        Map<String, String> maskedHeaders = new LinkedHashMap<>();
        headers.forEach((name, text) -> maskedHeaders.put(name, EmailRedaction.apply(text)));
        return new DeadLetter(partition, offset, EmailRedaction.apply(key), EmailRedaction.apply(reason),
                originalTopic, originalOffset, timestamp, EmailRedaction.apply(value), maskedHeaders);
    }
}
