package dev.referrals.api.readmodel;

/** Where a referral request stands: waiting for the processor, or decided. */
public enum RequestStatus {
    PENDING, CREATED, REJECTED
}
