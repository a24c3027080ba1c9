package dev.referrals.schemas.serde;

import org.apache.avro.Schema;

/** Names the registry subject a record's schema belongs to, as Confluent's strategy of the same name does. */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * @param topic  the topic the record is written to or read from
     * @param isKey  whether the schema is that of the record key
     * @param schema the record's schema (the writer schema when reading)
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
