package dev.referrals.platform.deadletter;

import java.util.Map;

/**
 * One record of a dead-letter topic, as an operator needs to see it.
 *
 * @param partition      its partition in the dead-letter topic
 * @param offset         its offset there; the handle to redrive it
 * @param key            its key
 * @param reason         the {@code referrals-dlt-reason} header: why it was dead-lettered
 * @param originalTopic  where it came from
 * @param originalOffset its partition and offset there
 * @param timestamp      when it was dead-lettered
 * @param value          its value decoded with the registered schema, as JSON, or why it cannot be decoded
 * @param headers        every header, as text
 */
public record DeadLetter(int partition, long offset, String key, String reason, String originalTopic,
                         String originalOffset, String timestamp, String value, Map<String, String> headers) {
}
