-- The contact directory: this worker's own read model of marketplace.accounts and marketplace.jobs.

-- One row per account ever seen. An erased account keeps its row, without name or email, so the worker can tell
-- "erased" (skip the email) from "not known yet" (wait for the late fact).
CREATE TABLE contacts (
    account_id   TEXT        PRIMARY KEY,
    kind         TEXT,
    display_name TEXT,
    email        TEXT,
    status       TEXT,
    erased       BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT contacts_erased_has_no_personal_data
        CHECK (NOT erased OR (display_name IS NULL AND email IS NULL)),
    CONSTRAINT contacts_known_has_name_and_email
        CHECK (erased OR (display_name IS NOT NULL AND email IS NOT NULL AND kind IS NOT NULL AND status IS NOT NULL))
);

CREATE TABLE jobs (
    job_id     TEXT        PRIMARY KEY,
    client_id  TEXT        NOT NULL,
    title      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The dedupe ledger (I4): one row per email the SMTP server accepted, written right after it accepted it.
CREATE TABLE sent_emails (
    referral_id          TEXT        NOT NULL,
    role                 TEXT        NOT NULL CHECK (role IN ('referee', 'client')),
    message_id           TEXT        NOT NULL,
    recipient_account_id TEXT        NOT NULL,
    sent_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (referral_id, role)
);
