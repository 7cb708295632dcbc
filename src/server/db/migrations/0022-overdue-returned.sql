-- A returned report is overdue again until it is resubmitted (src/core/rollup/counters.ts): the
-- overdue list of a plan reads the reports still to send, by the same status the counters use.
DROP INDEX IF EXISTS obligation_instance_plan_missing_due_idx;
CREATE INDEX obligation_instance_plan_unsent_due_idx ON obligation_instance (plan_id, due_date)
  WHERE status IN ('pending', 'draft', 'returned') AND due_date IS NOT NULL;
