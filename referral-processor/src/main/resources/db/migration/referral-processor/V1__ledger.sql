-- The processor's ledger: upstream facts (accounts, jobs, job activity) and its own decisions and referrals.

-- marketplace.accounts, reduced to what matching and the rules need. No email address is ever stored: only its
-- fingerprint (EmailFingerprint), the same form a ReferralRequested carries. A tombstone nulls the contact columns
-- and sets erased, so the account can no longer be matched.
create table account (
    account_id        text        primary key,
    kind              text        not null,
    status            text        not null,
    profile_url       text,
    email_fingerprint text,
    erased            boolean     not null default false,
    updated_at        timestamptz
);
create index account_by_profile_url on account (profile_url) where profile_url is not null;
create index account_by_email_fingerprint on account (email_fingerprint) where email_fingerprint is not null;

-- marketplace.jobs.
create table job (
    job_id     text        primary key,
    client_id  text        not null,
    visibility text        not null,
    status     text        not null,
    updated_at timestamptz not null
);

-- marketplace.job-activity, deduplicated by event_id: who is invited, proposed, hired on which job (R5, R7), and
-- the answers to invitations.
create table job_activity (
    event_id      text        primary key,
    job_id        text        not null,
    freelancer_id text        not null,
    kind          text        not null,
    invitation_id text,
    referral_id   text,
    occurred_at   timestamptz not null
);
create index job_activity_by_job_and_freelancer on job_activity (job_id, freelancer_id);

-- The referrals this processor created. The two unique constraints are invariant I1 (R4 and R6): they hold even
-- when two processors decide concurrently, whatever the application code does.
create table referral (
    referral_id       text        primary key,
    request_id        text        not null unique,
    job_id            text        not null,
    referrer_id       text        not null,
    referee_id        text        not null,
    status            text        not null,
    created_at        timestamptz not null,
    status_changed_at timestamptz,
    constraint referral_one_per_referrer_per_job unique (job_id, referrer_id),
    constraint referral_one_per_referee_per_job unique (job_id, referee_id)
);

-- One decision per request (I2), with everything needed to republish its outcome with identical content.
create table decision (
    request_id    text        primary key,
    outcome       text        not null check (outcome in ('CREATED', 'REJECTED')),
    job_id        text        not null,
    client_id     text        not null,
    invitation_id text        not null,
    referrer_id   text        not null,
    message       text,
    reason        text,
    rule          text,
    referral_id   text        references referral (referral_id),
    referee_id    text,
    decided_at    timestamptz not null,
    check ((outcome = 'CREATED') = (referral_id is not null and referee_id is not null and reason is null)),
    check ((outcome = 'REJECTED') = (reason is not null and rule is not null))
);

-- Each answer to a referral invitation, as published in ReferralStatusChanged. Deduplicated by the activity's
-- event_id, and by (referral_id, status) as consumers of ReferralStatusChanged dedupe.
create table referral_status_change (
    event_id    text        primary key,
    referral_id text        not null references referral (referral_id),
    job_id      text        not null,
    referee_id  text        not null,
    status      text        not null,
    changed_at  timestamptz not null,
    constraint status_change_once_per_status unique (referral_id, status)
);
