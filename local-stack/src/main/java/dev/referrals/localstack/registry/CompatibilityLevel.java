package dev.referrals.localstack.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels: which earlier versions a new schema is checked against, and in which direction. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
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

    /** Backward: a consumer on the new schema must read data written with the old one. */
    boolean newReadsOld() {
        return newReadsOld;
    }

    /** Forward: a consumer still on the old schema must read data written with the new one. */
    boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Transitive levels check against every live version, the others only against the latest. */
    boolean transitive() {
        return transitive;
    }

    /** Confluent accepts the names in any case ("backward" and "BACKWARD"). */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
