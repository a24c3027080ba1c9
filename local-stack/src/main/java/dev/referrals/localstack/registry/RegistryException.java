package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.RegistryErrorCode;

import static dev.referrals.schemas.registry.RegistryErrorCode.BACKEND_STORE_ERROR;
import static dev.referrals.schemas.registry.RegistryErrorCode.INCOMPATIBLE_SCHEMA;
import static dev.referrals.schemas.registry.RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL;
import static dev.referrals.schemas.registry.RegistryErrorCode.INVALID_SCHEMA;
import static dev.referrals.schemas.registry.RegistryErrorCode.INVALID_VERSION;
import static dev.referrals.schemas.registry.RegistryErrorCode.OPERATION_NOT_PERMITTED;
import static dev.referrals.schemas.registry.RegistryErrorCode.SCHEMA_NOT_FOUND;
import static dev.referrals.schemas.registry.RegistryErrorCode.SCHEMA_VERSION_NOT_SOFT_DELETED;
import static dev.referrals.schemas.registry.RegistryErrorCode.SCHEMA_VERSION_SOFT_DELETED;
import static dev.referrals.schemas.registry.RegistryErrorCode.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED;
import static dev.referrals.schemas.registry.RegistryErrorCode.SUBJECT_NOT_FOUND;
import static dev.referrals.schemas.registry.RegistryErrorCode.SUBJECT_NOT_SOFT_DELETED;
import static dev.referrals.schemas.registry.RegistryErrorCode.SUBJECT_SOFT_DELETED;
import static dev.referrals.schemas.registry.RegistryErrorCode.VERSION_NOT_FOUND;

/**
 * A failure the REST API reports as Confluent does: an HTTP status and the body
 * {@code {"error_code": int, "message": str}}. The factories carry Confluent's codes, spelled once in
 * {@link RegistryErrorCode} where the client in {@code schemas} reads them, and Confluent's wording, because clients
 * (Confluent's own included) branch on the codes and people search for the messages.
 */
public final class RegistryException extends RuntimeException {

    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;
    static final int UNPROCESSABLE = 422;
    static final int BAD_REQUEST = 400;
    static final int SERVER_ERROR = 500;

    private final int httpStatus;
    private final int errorCode;

    RegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(NOT_FOUND, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(NOT_FOUND, VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(NOT_FOUND, SCHEMA_NOT_FOUND, "Schema not found");
    }

    static RegistryException schemaNotFound(int id) {
        return new RegistryException(NOT_FOUND, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(NOT_FOUND, SUBJECT_SOFT_DELETED,
                "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(NOT_FOUND, SUBJECT_NOT_SOFT_DELETED,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(NOT_FOUND, SCHEMA_VERSION_SOFT_DELETED,
                "Subject '" + subject + "' Version " + version + " was soft deleted.Set permanent=true to delete"
                        + " permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(NOT_FOUND, SCHEMA_VERSION_NOT_SOFT_DELETED,
                "Subject '" + subject + "' Version " + version + " was not deleted first before being permanently"
                        + " deleted");
    }

    static RegistryException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryException(NOT_FOUND, SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatibleSchema(String message) {
        return new RegistryException(CONFLICT, INCOMPATIBLE_SCHEMA, message);
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(UNPROCESSABLE, INVALID_SCHEMA, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(UNPROCESSABLE, INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel() {
        return new RegistryException(UNPROCESSABLE, INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
                        + " forward_transitive, and full_transitive");
    }

    static RegistryException operationNotPermitted(String message) {
        return new RegistryException(UNPROCESSABLE, OPERATION_NOT_PERMITTED, message);
    }

    /** Kafka failed or did not answer in time; the message says which and where. */
    static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(SERVER_ERROR, BACKEND_STORE_ERROR, message, cause);
    }

    /** Jersey's wording for routing failures, which Confluent passes through unchanged. */
    static RegistryException httpNotFound() {
        return new RegistryException(NOT_FOUND, NOT_FOUND, "HTTP 404 Not Found");
    }

    static RegistryException methodNotAllowed() {
        return new RegistryException(METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, "HTTP 405 Method Not Allowed");
    }

    static RegistryException unsupportedMediaType(String contentType) {
        return new RegistryException(UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
                "HTTP 415 Unsupported Media Type: " + contentType);
    }

    static RegistryException malformedJson(String detail) {
        return new RegistryException(BAD_REQUEST, BAD_REQUEST, "Unparseable JSON request body: " + detail);
    }

    static RegistryException unprocessableBody(String detail) {
        return new RegistryException(UNPROCESSABLE, UNPROCESSABLE, detail);
    }
}
