package dev.referrals.api.readmodel;

/** How a freelancer came to be invited to a job (R12). */
public enum InvitationSource {
    DIRECT, REFERRAL
}
