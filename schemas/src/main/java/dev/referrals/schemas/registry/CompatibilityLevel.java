package dev.referrals.schemas.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels, spelled as the REST API spells them. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    /** A new schema can read data written with the previous one: consumers upgrade first. Confluent's default. */
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    /** Data written with a new schema can be read with the previous one: producers upgrade first. */
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Whether the new schema, as reader, must resolve data written with earlier schemas. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Whether earlier schemas, as readers, must resolve data written with the new schema. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Whether the check covers every earlier version rather than the newest one only. */
    public boolean transitive() {
        return transitive;
    }

    /**
     * The level with this name, ignoring case and surrounding blanks (Confluent accepts "backward" and "BACKWARD"),
     * or empty when the name is not a level. For callers that answer an unknown name in their own words.
     */
    public static Optional<CompatibilityLevel> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The level with this name, ignoring case.
     *
     * @throws SchemaRegistryException with Confluent's 42203 when the name is not a level
     */
    public static CompatibilityLevel parse(String name) {
        return named(name).orElseThrow(() -> new SchemaRegistryException("Invalid compatibility level: " + name,
                SchemaRegistryException.HTTP_UNPROCESSABLE_ENTITY, RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL));
    }
}
