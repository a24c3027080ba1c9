package dev.referrals.platform.deadletter;

import java.util.List;

/**
 * One page of a dead-letter topic.
 *
 * @param topic   the dead-letter topic
 * @param total   how many records it holds in all
 * @param records the page's records, partition by partition, oldest first in each
 */
public record DeadLetterPage(String topic, long total, List<DeadLetter> records) {

    public DeadLetterPage {
        records = List.copyOf(records);
    }

    /** The same page with every email address masked. */
    public DeadLetterPage redacted() {
        return new DeadLetterPage(topic, total, records.stream().map(DeadLetter::redacted).toList());
    }
}
