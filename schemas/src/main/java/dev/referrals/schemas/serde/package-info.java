/**
 * Kafka serializer and deserializer for Avro in Confluent's wire format. The frame is magic byte {@code 0}, then a
 * 4-byte big-endian schema id, then the Avro binary body. The bytes match those of Confluent's
 * {@code KafkaAvroSerializer}, and the tests prove it against frames that Confluent's own serializer made.
 *
 * <p>Name {@link dev.referrals.schemas.serde.AvroSerializer} and {@link dev.referrals.schemas.serde.AvroDeserializer}
 * as the Kafka {@code value.serializer} and {@code value.deserializer}. They take the configuration keys of
 * Confluent's serdes, all listed in {@link dev.referrals.schemas.serde.AvroSerdeConfig}.
 *
 * <p>Every failure is an {@link dev.referrals.schemas.serde.AvroSerdeException}, which is a Kafka
 * {@code SerializationException}. Its message starts with a reason such as {@code UNKNOWN_SCHEMA_ID:}, then names
 * the topic and the schema id. That message reaches the dead-letter headers unchanged.
 */
package dev.referrals.schemas.serde;
