package org.wirewatch.serde;

/**
 * A schema registry call that failed, carrying the Confluent error code where the registry sent one.
 *
 * <p>Error codes follow the Confluent Schema Registry REST API: 40401 subject not found, 40402 version not found,
 * 40403 schema not found, 409 incompatible schema, 42201 invalid schema, 42202 invalid version,
 * 50001 store error, 50002 operation timeout. {@link #httpStatus()} is 0 when the registry could not be reached.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** The HTTP status of the registry's answer, or 0 when there was none (connection failure). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent error code ({@code error_code} of the error body), or 0 when there was none. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the registry said the subject, version or schema does not exist. */
    public boolean isNotFound() {
        return errorCode == SUBJECT_NOT_FOUND
                || errorCode == VERSION_NOT_FOUND
                || errorCode == SCHEMA_NOT_FOUND
                || (errorCode == 0 && httpStatus == 404);
    }
}
