-- "Vượt mức": a task instance done beyond its requirements (docs/decisions/022-reviews-and-grading.md).
-- Set by the unit when it marks the task done, cleared when the task is open again; the task-results
-- figures of a review period count the instances done (on time or late) and marked so. An open
-- instance is never marked (a cancelled one keeps what it had when it was withdrawn, and counts nowhere).
ALTER TABLE task_instance ADD COLUMN beyond boolean NOT NULL DEFAULT false;
ALTER TABLE task_instance ADD CONSTRAINT task_instance_beyond_done CHECK (NOT beyond OR status <> 'open');
COMMENT ON COLUMN task_instance.beyond IS 'Done beyond requirements ("vượt mức"), set when the task is marked done; never true while the instance is open.';
