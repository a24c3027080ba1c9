package dev.referrals.api.readmodel;

/** Where an invitation (direct or from a referral) stands. */
public enum InvitationStatus {
    INVITED, ACCEPTED, DECLINED
}
