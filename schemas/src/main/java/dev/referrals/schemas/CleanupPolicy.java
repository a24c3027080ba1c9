package dev.referrals.schemas;

/** Kafka's {@code cleanup.policy} of a topic in the catalogue. */
public enum CleanupPolicy {
    /** Records expire by retention. Used for event streams. */
    DELETE("delete"),
    /** The latest record per key is kept forever; a null value (tombstone) erases the key. Used for fact tables. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the topic config {@code cleanup.policy}. */
    public String configValue() {
        return configValue;
    }
}
