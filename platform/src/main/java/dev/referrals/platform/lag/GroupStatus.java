package dev.referrals.platform.lag;

/** A consumer group's health over the window, as Burrow names it. */
public enum GroupStatus {
    /** Keeping up, or catching up. */
    OK,
    /** Consuming, but the lag grew across the whole window: it is falling behind. */
    WARN,
    /** Members are in the group but its offsets did not move across the window while records wait. */
    STALL,
    /** No consumer is in the group and its offsets did not move across the window while records wait. */
    STOP,
    /** The lag could not be read from the broker. */
    ERR
}
