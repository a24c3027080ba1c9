-- Who is sending which email: an instance claims (referral_id, role) before it hands the email to SMTP, so that two
-- instances that both hold the record (a rebalance, a redelivery) never both send it (I4). A claim lasts until
-- claimed_until; an instance that died while sending leaves a claim that another takes over once it has run out.
-- sent_emails stays what the SMTP server accepted.
CREATE TABLE email_claims (
    referral_id   TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('referee', 'client')),
    claimed_by    TEXT        NOT NULL,
    claimed_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (referral_id, role)
);
