-- Email fingerprints are keyed (HMAC-SHA256 with a secret, docs/schemas.md "Email fingerprints"), and a key can be
-- rotated: the ledger keeps one fingerprint per account and configured key id, and matches a request's fingerprint
-- under the key id the request names. Still no email address is stored.
--
-- The unkeyed SHA-256 fingerprints cannot be turned into keyed ones, so they go; the processor re-reads
-- marketplace.accounts at its next start, because no configured key is in email_fingerprint_key yet.
drop index account_by_email_fingerprint;
alter table account drop column email_fingerprint;

create table account_email_fingerprint (
    account_id  text not null references account (account_id) on delete cascade,
    key_id      text not null,
    fingerprint text not null,
    primary key (account_id, key_id)
);
create index account_email_fingerprint_by_value on account_email_fingerprint (key_id, fingerprint);

-- The keys under which the ledger holds the fingerprint of every account it knows. A configured key that is not
-- here makes the processor re-read marketplace.accounts before it decides anything (EmailFingerprintBackfill).
create table email_fingerprint_key (
    key_id      text        primary key,
    complete_at timestamptz not null
);
