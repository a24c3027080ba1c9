package dev.referrals.schemas.registry;

/**
 * Configuration keys of the registry client, spelled as Confluent's client spells them, so the same
 * {@code spring.kafka.properties.*} work with this client and with Confluent's.
 *
 * <p>Like Confluent's serdes, a key may also be given with the prefix {@value #CLIENT_NAMESPACE}; the prefixed
 * value wins. That is how {@code schema.registry.ssl.truststore.location} becomes the registry's truststore while
 * {@code ssl.truststore.location} stays the broker's.
 */
public final class SchemaRegistryClientConfig {

    /** Prefix that scopes a key to the registry client. */
    public static final String CLIENT_NAMESPACE = "schema.registry.";

    /**
     * Comma-separated base URLs of the registry, tried in order with fail-over; {@code mock://<scope>} selects the
     * in-memory registry shared by every client of that scope in the JVM.
     */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** Where basic-auth credentials come from: {@code URL} (user info of the URL, the default) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_SOURCE_URL = "URL";
    public static final String BASIC_AUTH_SOURCE_USER_INFO = "USER_INFO";
    public static final String DEFAULT_BASIC_AUTH_CREDENTIALS_SOURCE = BASIC_AUTH_SOURCE_URL;

    /** {@code user:password} for basic auth when the source is {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /** Where the bearer token comes from; only {@code STATIC_TOKEN} is supported. Setting it selects bearer auth. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_SOURCE_STATIC_TOKEN = "STATIC_TOKEN";

    /** The token sent as {@code Authorization: Bearer <token>}. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

    /**
     * Not Confluent's: whether credentials (basic auth or a bearer token) may be sent to an {@code http} registry
     * URL, where anyone on the path reads them. Off by default, so such a configuration fails at start-up; turn it
     * on only for a registry on a trusted local network. Read with or without the {@code schema.registry.} prefix.
     */
    public static final String ALLOW_CREDENTIALS_OVER_HTTP = "allow.credentials.over.http";
    public static final boolean DEFAULT_ALLOW_CREDENTIALS_OVER_HTTP = false;

    /** Connect timeout of one HTTP attempt. Confluent's default: 60 s. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final int DEFAULT_HTTP_CONNECT_TIMEOUT_MS = 60_000;

    /** Time to wait for the answer of one HTTP attempt. Confluent's default: 60 s. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final int DEFAULT_HTTP_READ_TIMEOUT_MS = 60_000;

    /** Extra attempts after a 5xx or a connection failure on every URL; never after a 4xx. Confluent's default: 3. */
    public static final String MAX_RETRIES = "max.retries";
    public static final int DEFAULT_MAX_RETRIES = 3;

    /** Wait before the first retry; it doubles for each further one. Confluent's default: 1 s. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final int DEFAULT_RETRIES_WAIT_MS = 1_000;

    /** Upper bound of the wait between retries. Confluent's default: 20 s. */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final int DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;

    /**
     * How long the newest version of a subject is cached, in seconds: negative caches it until restart (Confluent's
     * default, -1), 0 asks the registry every time. Ids are immutable and cached without expiry regardless.
     */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final long DEFAULT_LATEST_CACHE_TTL_SEC = -1;

    /** Truststore for an {@code https} registry; without it the JVM's default SSL context applies (javax.net.ssl.*). */
    public static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    /** Type of the truststore: {@code PKCS12} (default) or {@code JKS}. */
    public static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";
    public static final String DEFAULT_SSL_TRUSTSTORE_TYPE = "PKCS12";

    private SchemaRegistryClientConfig() {
    }
}
