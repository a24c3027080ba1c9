package dev.referrals.schemas.serde;

import org.apache.avro.Schema;

/** {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic. The default, as in Confluent. */
public class TopicNameStrategy implements SubjectNameStrategy {

    public static final String KEY_SUFFIX = "-key";
    public static final String VALUE_SUFFIX = "-value";

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? KEY_SUFFIX : VALUE_SUFFIX);
    }
}
