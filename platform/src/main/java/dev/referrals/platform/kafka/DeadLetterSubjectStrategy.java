package dev.referrals.platform.kafka;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.serde.SubjectNameStrategy;
import dev.referrals.schemas.serde.TopicNameStrategy;
import org.apache.avro.Schema;

/**
 * Encodes a dead letter with the schema id of its source topic's subject.
 *
 * <p>A dead letter keeps the contract of the topic it came from: readers of {@code <topic>-dlt} decode it with the
 * same registered schema, a redrive copies it back unchanged, and no {@code <topic>-dlt-value} subject ever needs
 * registering (services do not auto-register).
 */
public class DeadLetterSubjectStrategy implements SubjectNameStrategy {

    private final TopicNameStrategy topicNameStrategy = new TopicNameStrategy();

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        String source = topic.endsWith(Topic.DEAD_LETTER_SUFFIX)
                ? topic.substring(0, topic.length() - Topic.DEAD_LETTER_SUFFIX.length())
                : topic;
        return topicNameStrategy.subjectName(source, isKey, schema);
    }
}
