-- Whose job is it: from marketplace.jobs, so that only the job's client lists its invitations (docs/rules.md).
CREATE TABLE job_clients (
    job_id     TEXT        PRIMARY KEY,
    client_id  TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
