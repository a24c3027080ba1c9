package dev.referrals.platform.security;

/**
 * The scopes the services check, as the authorization server grants them and as Spring Security names their
 * authorities ({@code SCOPE_} + scope). Who gets which is in the README, "Identity and access".
 */
public final class Scopes {

    /** A trusted service (the upstream job services, the UI backend) declines for any account. */
    public static final String DECLINE = "referrals:decline";
    /** A trusted service reads every view. */
    public static final String READ = "referrals:read";
    /** Ops: consumer lag, dead letters and their redrive, on each service's management port. */
    public static final String OPS = "referrals:ops";

    private static final String AUTHORITY_PREFIX = "SCOPE_";

    private Scopes() {
    }

    /** The granted authority of a scope, for example {@code SCOPE_referrals:ops}. */
    public static String authority(String scope) {
        return AUTHORITY_PREFIX + scope;
    }
}
