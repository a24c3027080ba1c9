-- A tombstone on marketplace.accounts erases the account from the directory for good: the marker stays, so a
-- replayed older Account record (a redelivery, a reset consumer group, a segment not compacted yet) cannot bring an
-- erased person back into the search. It holds the account id only.
CREATE TABLE erased_accounts (
    account_id TEXT        PRIMARY KEY,
    erased_at  TIMESTAMPTZ NOT NULL
);
