-- Publishing to the whole country (docs/decisions/007).

-- A publication writes about 340,000 audience rows and as many instances, and each foreign key
-- cost one lookup and one row lock per row: a third of the time. The keys that guard nothing are
-- dropped. Units and plans are never deleted (a unit ends, a plan is cancelled), which the two
-- triggers below now enforce, so `unit_id` and `plan_id` can never point at a missing row; an
-- instance's plan is also its task's or obligation's plan, whose foreign keys stay (a task or
-- report obligation that has instances cannot be deleted).
ALTER TABLE plan_audience DROP CONSTRAINT plan_audience_plan_id_fkey;
ALTER TABLE plan_audience DROP CONSTRAINT plan_audience_unit_id_fkey;
ALTER TABLE task_instance DROP CONSTRAINT task_instance_plan_id_fkey;
ALTER TABLE task_instance DROP CONSTRAINT task_instance_unit_id_fkey;
ALTER TABLE task_instance DROP CONSTRAINT task_instance_fulfilled_by_plan_id_fkey;
ALTER TABLE obligation_instance DROP CONSTRAINT obligation_instance_plan_id_fkey;
ALTER TABLE obligation_instance DROP CONSTRAINT obligation_instance_unit_id_fkey;

-- An audience row is read by plan and unit together (the primary key) and never by its path:
-- the index on the unit alone served the foreign key, and the copy of the unit's path (two thirds
-- of the row) only had to be rewritten when a subtree moved.
DROP INDEX plan_audience_unit_idx;
ALTER TABLE plan_audience DROP COLUMN unit_path;

CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted: a unit ends, a plan is cancelled', TG_TABLE_NAME;
END $$;
CREATE TRIGGER unit_never_deleted BEFORE DELETE ON unit FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER plan_never_deleted BEFORE DELETE ON plan FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
