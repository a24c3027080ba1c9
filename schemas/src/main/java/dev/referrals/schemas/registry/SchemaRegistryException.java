package dev.referrals.schemas.registry;

/**
 * A failed registry call, with the HTTP status and Confluent's {@code error_code}.
 *
 * <p>Unchecked, unlike Confluent's {@code RestClientException}, because callers are Kafka serializers that can
 * only rethrow; the status and code still let them decide between "the data is wrong" and "try again later".
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int HTTP_NOT_FOUND = 404;
    public static final int HTTP_CONFLICT = 409;
    public static final int HTTP_UNPROCESSABLE_ENTITY = 422;
    public static final int HTTP_INTERNAL_ERROR = 500;
    private static final int FIRST_SERVER_ERROR = 500;
    private static final int FIRST_CLIENT_ERROR = 400;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        this(message, status, errorCode, null);
    }

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(errorCode == RegistryErrorCode.NO_RESPONSE ? message : message + "; error code: " + errorCode, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** A call that got no HTTP answer: refused or reset connection, timeout, TLS failure, interruption. */
    public static SchemaRegistryException noResponse(String message, Throwable cause) {
        return new SchemaRegistryException(message, RegistryErrorCode.NO_RESPONSE, RegistryErrorCode.NO_RESPONSE,
                cause);
    }

    /** The HTTP status, or {@link RegistryErrorCode#NO_RESPONSE} when the registry was not reached. */
    public int status() {
        return status;
    }

    /** Confluent's {@code error_code}, for example {@link RegistryErrorCode#SCHEMA_NOT_FOUND}. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the registry was not reached at all. */
    public boolean isNoResponse() {
        return status == RegistryErrorCode.NO_RESPONSE;
    }

    /** Whether the same call may succeed later: no answer, or a 5xx. A 4xx never becomes right by retrying. */
    public boolean isRetriable() {
        return isNoResponse() || status >= FIRST_SERVER_ERROR;
    }

    /** Whether the registry answered that the request itself was wrong (4xx). */
    public boolean isClientError() {
        return status >= FIRST_CLIENT_ERROR && status < FIRST_SERVER_ERROR;
    }
}
