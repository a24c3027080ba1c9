package dev.referrals.schemas.registry;

/**
 * The {@code error_code} values of Confluent Schema Registry's error bodies ({@code {"error_code", "message"}}).
 *
 * <p>The numbers are the wire contract with every registry that speaks the API, so they are spelled out here once.
 */
public final class RegistryErrorCode {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int SCHEMA_VERSION_SOFT_DELETED = 40406;
    public static final int SCHEMA_VERSION_NOT_SOFT_DELETED = 40407;
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** Confluent answers an incompatible schema with HTTP 409 and the same number as error code. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int OPERATION_NOT_PERMITTED = 42205;
    public static final int BACKEND_STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;
    public static final int FORWARDING_ERROR = 50003;
    /** What Confluent's client reports when an error body is not the JSON it expects. */
    public static final int UNPARSEABLE_ERROR_BODY = 50005;
    /** Not Confluent's: no HTTP answer at all (connection refused, timeout), so there is no status either. */
    public static final int NO_RESPONSE = 0;

    private RegistryErrorCode() {
    }
}
