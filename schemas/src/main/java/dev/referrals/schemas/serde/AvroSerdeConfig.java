package dev.referrals.schemas.serde;

import dev.referrals.schemas.registry.SchemaRegistryClientConfig;

/**
 * Every configuration key of {@link AvroSerializer} and {@link AvroDeserializer}, spelled as Confluent's
 * {@code KafkaAvroSerializer} and {@code KafkaAvroDeserializer} spell them, so a service can switch between this
 * serde and Confluent's without touching its configuration.
 *
 * <p>The registry client keys are repeated here from {@link SchemaRegistryClientConfig} so that one class lists
 * everything a serde reads. Like Confluent's, a client key may carry the prefix {@code schema.registry.}.
 */
public final class AvroSerdeConfig {

    /**
     * Comma-separated registry URLs, or {@code mock://<scope>} for the in-memory registry of that scope. Required
     * unless the serde was constructed with a client.
     */
    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL;

    /**
     * Whether the serializer registers the record's schema under its subject when it is not there yet. Default
     * {@code true}, like Confluent's. Production producers set it to {@code false}: schemas are registered by the
     * build, and an unregistered schema then fails the send instead of changing the contract.
     */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final boolean DEFAULT_AUTO_REGISTER_SCHEMAS = true;

    /**
     * Serializer: write with the newest registered version of the subject instead of the record's own schema.
     * Deserializer: read with the newest registered version as reader schema. Default {@code false}.
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final boolean DEFAULT_USE_LATEST_VERSION = false;

    /**
     * With {@link #USE_LATEST_VERSION}, refuse to serialize when the newest version cannot read data of the
     * record's own schema. Default {@code true}, like Confluent's.
     */
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final boolean DEFAULT_LATEST_COMPATIBILITY_STRICT = true;

    /**
     * How the subject of a record key is named: {@code TopicNameStrategy} (default, {@code <topic>-key}),
     * {@code RecordNameStrategy} (the record's full name) or {@code TopicRecordNameStrategy}
     * ({@code <topic>-<full name>}). Confluent's class names ({@code io.confluent.kafka.serializers.subject.*}),
     * this package's class names, a class, or a {@link SubjectNameStrategy} instance are accepted.
     */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

    /** As {@link #KEY_SUBJECT_NAME_STRATEGY} for record values; the default names the subject {@code <topic>-value}. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /**
     * Deserializer: return the generated {@code SpecificRecord} class named like the writer schema, read with that
     * class's schema, instead of a {@code GenericRecord}. Default {@code false}, like Confluent's.
     */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final boolean DEFAULT_SPECIFIC_AVRO_READER = false;

    /** See {@link SchemaRegistryClientConfig#LATEST_CACHE_TTL_SEC}. */
    public static final String LATEST_CACHE_TTL_SEC = SchemaRegistryClientConfig.LATEST_CACHE_TTL_SEC;
    /** See {@link SchemaRegistryClientConfig#BASIC_AUTH_CREDENTIALS_SOURCE}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
    /** See {@link SchemaRegistryClientConfig#BASIC_AUTH_USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO;
    /** See {@link SchemaRegistryClientConfig#BEARER_AUTH_CREDENTIALS_SOURCE}. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE =
            SchemaRegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE;
    /** See {@link SchemaRegistryClientConfig#BEARER_AUTH_TOKEN}. */
    public static final String BEARER_AUTH_TOKEN = SchemaRegistryClientConfig.BEARER_AUTH_TOKEN;
    /** See {@link SchemaRegistryClientConfig#HTTP_CONNECT_TIMEOUT_MS}. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS;
    /** See {@link SchemaRegistryClientConfig#HTTP_READ_TIMEOUT_MS}. */
    public static final String HTTP_READ_TIMEOUT_MS = SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS;
    /** See {@link SchemaRegistryClientConfig#MAX_RETRIES}. */
    public static final String MAX_RETRIES = SchemaRegistryClientConfig.MAX_RETRIES;
    /** See {@link SchemaRegistryClientConfig#RETRIES_WAIT_MS}. */
    public static final String RETRIES_WAIT_MS = SchemaRegistryClientConfig.RETRIES_WAIT_MS;
    /** See {@link SchemaRegistryClientConfig#RETRIES_MAX_WAIT_MS}. */
    public static final String RETRIES_MAX_WAIT_MS = SchemaRegistryClientConfig.RETRIES_MAX_WAIT_MS;
    /** The registry's truststore: the prefixed form keeps it apart from the broker's {@code ssl.*} settings. */
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION =
            SchemaRegistryClientConfig.CLIENT_NAMESPACE + SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION;
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD =
            SchemaRegistryClientConfig.CLIENT_NAMESPACE + SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD;
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE =
            SchemaRegistryClientConfig.CLIENT_NAMESPACE + SchemaRegistryClientConfig.SSL_TRUSTSTORE_TYPE;

    private AvroSerdeConfig() {
    }
}
