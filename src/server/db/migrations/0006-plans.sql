-- Plans at run time: the lists and dashboards of the plans module read these.

-- "Plans issued by a unit", newest first.
CREATE INDEX plan_unit_idx ON plan (unit_id, created_at DESC);

-- Overdue lists of one plan: open work past its due date, most late first; small because done work leaves it.
CREATE INDEX task_instance_plan_open_due_idx ON task_instance (plan_id, due_date)
  WHERE status = 'open' AND due_date IS NOT NULL;
CREATE INDEX obligation_instance_plan_missing_due_idx ON obligation_instance (plan_id, due_date)
  WHERE first_submitted_on IS NULL AND status <> 'cancelled' AND due_date IS NOT NULL;

-- Coverage and "plans to carry out": the implementing plans of a parent plan, by unit.
CREATE INDEX plan_parent_unit_idx ON plan (parent_plan_id, unit_id) WHERE parent_plan_id IS NOT NULL;
