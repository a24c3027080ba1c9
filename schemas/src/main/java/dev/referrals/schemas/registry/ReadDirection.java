package dev.referrals.schemas.registry;

/** Which schema reads and which wrote, in one half of a compatibility check. */
public enum ReadDirection {
    /** The new schema reads data written with an earlier one: what the backward levels ask. */
    NEW_READS_OLD,
    /** An earlier schema reads data written with the new one: what the forward levels ask. */
    OLD_READS_NEW
}
