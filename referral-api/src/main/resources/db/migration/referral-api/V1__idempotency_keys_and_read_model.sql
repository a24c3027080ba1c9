-- The first answer to each Idempotency-Key, so that a retry gets the same answer and publishes nothing new.
-- A row is inserted when a request claims its key and completed in the same transaction; a request that fails
-- rolls it back, so every committed row holds an answer.
CREATE TABLE idempotency_keys (
    idempotency_key     TEXT        PRIMARY KEY,
    request_fingerprint TEXT        NOT NULL,
    response_status     INTEGER,
    response_body       TEXT,
    response_location   TEXT,
    created_at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- One row per ReferralRequested, from the decline itself and from referrals.referral-requested, decided by
-- referrals.referral-created and referrals.referral-rejected. A decision may arrive before its request: then the
-- row starts decided, and the request only fills in what the decision did not carry.
CREATE TABLE referral_requests (
    request_id       TEXT        PRIMARY KEY,
    job_id           TEXT        NOT NULL,
    invitation_id    TEXT,
    client_id        TEXT,
    referrer_id      TEXT        NOT NULL,
    referee          TEXT,
    referee_kind     TEXT,
    message          TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'CREATED', 'REJECTED')),
    referral_id      TEXT,
    rejection_reason TEXT,
    requested_at     TIMESTAMPTZ,
    decided_at       TIMESTAMPTZ
);

CREATE INDEX referral_requests_by_referrer ON referral_requests (referrer_id, requested_at DESC);

-- One row per referral, from referrals.referral-created and referrals.referral-status-changed (in either order).
CREATE TABLE referrals (
    referral_id       TEXT        PRIMARY KEY,
    request_id        TEXT,
    job_id            TEXT        NOT NULL,
    client_id         TEXT,
    referrer_id       TEXT,
    referee_id        TEXT        NOT NULL,
    message           TEXT,
    status            TEXT        NOT NULL CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
    created_at        TIMESTAMPTZ,
    status_changed_at TIMESTAMPTZ
);

CREATE INDEX referrals_by_referee ON referrals (referee_id, created_at DESC);

-- One row per freelancer invited to a job, directly (marketplace.job-activity INVITED) or by a referral
-- (referrals.referral-created). Its status follows the latest fact about it, by the time the fact happened.
CREATE TABLE invitations (
    job_id            TEXT        NOT NULL,
    freelancer_id     TEXT        NOT NULL,
    invitation_id     TEXT,
    source            TEXT        NOT NULL CHECK (source IN ('DIRECT', 'REFERRAL')),
    referral_id       TEXT,
    referrer_id       TEXT,
    message           TEXT,
    status            TEXT        NOT NULL CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
    status_changed_at TIMESTAMPTZ NOT NULL,
    first_seen_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, freelancer_id)
);

-- The searchable freelancers: ACTIVE FREELANCER accounts of marketplace.accounts, without their email.
CREATE TABLE freelancer_directory (
    account_id   TEXT        PRIMARY KEY,
    display_name TEXT        NOT NULL,
    profile_url  TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX freelancer_directory_by_name ON freelancer_directory (lower(display_name), account_id);
