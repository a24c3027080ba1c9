package dev.referrals.schemas.serde;

import org.apache.avro.Schema;

/** {@code <topic>-<record full name>}: one lineage per record type per topic, for topics with several types. */
public class TopicRecordNameStrategy implements SubjectNameStrategy {

    private static final String SEPARATOR = "-";

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + SEPARATOR + NamedSchemas.fullName(schema);
    }
}
