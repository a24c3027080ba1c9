package dev.referrals.api.readmodel;

/**
 * The read model's listener ids: one per topic, each named after the service and its topic. Each id is its consumer
 * group too, under the topic prefix (the platform names every group that way).
 */
final class ListenerGroups {

    static final String REFERRAL_REQUESTED = "referral-api.referral-requested";
    static final String REFERRAL_CREATED = "referral-api.referral-created";
    static final String REFERRAL_REJECTED = "referral-api.referral-rejected";
    static final String REFERRAL_STATUS_CHANGED = "referral-api.referral-status-changed";
    static final String INVITE_DECLINED = "referral-api.invite-declined";
    static final String JOB_ACTIVITY = "referral-api.job-activity";
    static final String ACCOUNTS = "referral-api.accounts";

    private ListenerGroups() {
    }
}
