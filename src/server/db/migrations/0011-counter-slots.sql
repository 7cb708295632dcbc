-- Submissions at national scale (docs/decisions/007).

-- Every change of an instance adds to the counters of its unit and of each ancestor, so the rows of
-- the few units near the root (the central committee, the provinces, the bodies below them) are
-- written by nearly every submission, and concurrent submissions queued on their row locks until
-- each other's commit. The counters of those upper levels are now split into slots: a writer adds
-- to the slot of its database connection, so two concurrent writers rarely touch the same row. A
-- roll-up sums the slots (every reader already sums the rows of a unit); deeper levels, written by
-- few users, keep slot 0 only.
ALTER TABLE progress_counter ADD COLUMN slot smallint NOT NULL DEFAULT 0;
ALTER TABLE progress_counter DROP CONSTRAINT progress_counter_pkey;
ALTER TABLE progress_counter ADD PRIMARY KEY (plan_id, unit_id, item, due_date, slot);
