-- The reporting chain (docs/decisions/014-reporting-chain.md). Each report has one receiving unit:
-- the nearest unit above the reporting unit, up to the plan's unit, that owes the same report for
-- the same period, else the plan's unit (src/core/reports/chain.ts). The receiver reviews the
-- report, follows it and consolidates it; its staff's home lists what awaits them across plans.
ALTER TABLE obligation_instance ADD COLUMN receiver_unit_id uuid REFERENCES unit(id);
CREATE INDEX obligation_instance_receiver_idx ON obligation_instance (receiver_unit_id, status, due_date);

-- A task of a lower plan that carries out a task of its superior's plan (task.parent_task_id): its
-- instance for a unit carries out the superior's instance for the same unit and period, so doing
-- the lower plan's task does the superior's, and the unit's work list shows the task once.
ALTER TABLE task_instance ADD COLUMN carries_out_id uuid REFERENCES task_instance(id);
CREATE INDEX task_instance_carries_out_idx ON task_instance (carries_out_id) WHERE carries_out_id IS NOT NULL;

-- A report entered by the level above on behalf of a unit (from paper: "nhập thay"), never by default.
ALTER TABLE submission ADD COLUMN entered_on_behalf boolean NOT NULL DEFAULT false;

-- The receivers of the reports already owed (the statement of src/server/db/queries/reporting-chain.ts, over every plan).
UPDATE obligation_instance oi SET receiver_unit_id = c.receiver
FROM (
  SELECT x.id,
    CASE
      WHEN x.unit_path = p.unit_path THEN
        CASE WHEN nlevel(p.unit_path) > 1 THEN subltree(p.unit_path, nlevel(p.unit_path) - 2, nlevel(p.unit_path) - 1)::text::uuid END
      WHEN NOT (x.unit_path <@ p.unit_path) THEN p.unit_id
      ELSE coalesce((
        SELECT a.unit_id FROM generate_series(nlevel(x.unit_path) - 2, nlevel(p.unit_path), -1) AS k
        JOIN obligation_instance a ON a.obligation_id = x.obligation_id AND a.period_key = x.period_key
          AND a.unit_id = subltree(x.unit_path, k, k + 1)::text::uuid AND a.status <> 'cancelled'
        ORDER BY k DESC LIMIT 1), p.unit_id)
    END AS receiver
  FROM obligation_instance x JOIN plan p ON p.id = x.plan_id
) c
WHERE oi.id = c.id;

-- The tasks of published lower plans already carrying out a superior's task (the statement of
-- src/server/db/queries/carried-out.ts, over every plan).
UPDATE task_instance c SET carries_out_id = (
  SELECT p.id FROM task_instance p
  WHERE p.task_id = ct.parent_task_id AND p.unit_id = c.unit_id AND p.status <> 'cancelled'
  ORDER BY (p.period_key = c.period_key) DESC, abs(coalesce(p.due_date, '9999-12-31'::date) - coalesce(c.due_date, '9999-12-31'::date)), p.id
  LIMIT 1)
FROM task ct
WHERE ct.id = c.task_id AND ct.parent_task_id IS NOT NULL AND c.carries_out_id IS NULL;
