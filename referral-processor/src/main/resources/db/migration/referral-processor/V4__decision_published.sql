-- When the broker acknowledged the outcome event of the decision; null until then. DecisionSweeper publishes every
-- decision left unpublished for longer than referrals.processor.sweeper.min-age, whatever became of the record
-- that caused it (a crash, a dead letter): a stored decision is always published (I7).
alter table decision add column published_at timestamptz;
-- Decisions stored before this column were published when their record was consumed.
update decision set published_at = decided_at;
create index decision_unpublished on decision (decided_at) where published_at is null;
