package dev.referrals.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The operations of Confluent Schema Registry's REST API v1 that producers, consumers and build checks need.
 *
 * <p>Every method fails with {@link SchemaRegistryException}, which carries the HTTP status and Confluent's
 * {@code error_code}, so callers can tell "not registered" from "registry down" the same way Confluent's client
 * lets them.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** The version argument of {@link #testCompatibility} that means the newest version of the subject. */
    String LATEST_VERSION = "latest";

    /**
     * Registers the schema under the subject, or finds it if already there (POST /subjects/{subject}/versions).
     *
     * @return the global id of the schema; the same schema text has the same id under every subject
     */
    int register(String subject, Schema schema);

    /** Finds the version of the subject that holds this schema (POST /subjects/{subject}); never registers. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with this global id (GET /schemas/ids/{id}). */
    Schema schemaById(int id);

    /** The newest version of the subject (GET /subjects/{subject}/versions/latest). */
    RegisteredSchema latest(String subject);

    /** One version of the subject (GET /subjects/{subject}/versions/{version}). */
    RegisteredSchema version(String subject, int version);

    /** Every subject that has at least one live version (GET /subjects). */
    List<String> subjects();

    /** The live version numbers of the subject, oldest first (GET /subjects/{subject}/versions). */
    List<Integer> versions(String subject);

    /**
     * Whether the schema could be registered under the subject, with the registry's reasons when it could not
     * (POST /compatibility/subjects/{subject}/versions/{version}?verbose=true).
     *
     * @param version {@link #LATEST_VERSION} or a version number
     */
    CompatibilityResult testCompatibility(String subject, Schema schema, String version);

    /** The compatibility level in force for the subject: its own, or the global one when it has none. */
    CompatibilityLevel compatibility(String subject);

    /** The global compatibility level (GET /config). */
    CompatibilityLevel globalCompatibility();

    /** Sets the subject's own compatibility level (PUT /config/{subject}). */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Sets the global compatibility level (PUT /config). */
    void setGlobalCompatibility(CompatibilityLevel level);

    /**
     * Deletes every version of the subject (DELETE /subjects/{subject}). As with Confluent, a permanent delete
     * is refused until the subject was soft-deleted first.
     *
     * @return the versions that were deleted
     */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /**
     * Deletes one version of the subject (DELETE /subjects/{subject}/versions/{version}). A permanent delete is
     * refused until the version was soft-deleted first.
     *
     * @return the deleted version
     */
    int deleteVersion(String subject, int version, boolean permanent);

    /** Releases connections or other resources; the default holds none. */
    @Override
    default void close() {
    }
}
