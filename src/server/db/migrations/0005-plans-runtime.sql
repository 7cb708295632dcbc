-- The backbone at run time: publishing a plan addresses it to units (plan_audience) and creates, per
-- unit and period, task instances and obligation instances; submissions answer obligations, version
-- by version; progress_counter keeps the roll-up of every subtree current in the same transaction
-- as each change; notifications, reminders and a database-backed job runner.

-- plan_audience: the units a published plan is addressed to (they see it and must carry it out).
CREATE TABLE plan_audience (
  plan_id     uuid NOT NULL REFERENCES plan(id),
  unit_id     uuid NOT NULL REFERENCES unit(id),
  unit_path   ltree NOT NULL,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, unit_id)
);
CREATE INDEX plan_audience_unit_idx ON plan_audience (unit_id);
CREATE INDEX plan_audience_path_gist ON plan_audience USING gist (unit_path);

-- plan_access: users granted on a secret ("mật") plan explicitly.
CREATE TABLE plan_access (
  plan_id  uuid NOT NULL REFERENCES plan(id),
  user_id  uuid NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (plan_id, user_id)
);

-- task_instance: one task of a plan for one unit and one period.
CREATE TABLE task_instance (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id               uuid NOT NULL REFERENCES task(id),
  plan_id               uuid NOT NULL REFERENCES plan(id),
  unit_id               uuid NOT NULL REFERENCES unit(id),
  unit_path             ltree NOT NULL,
  province_id           uuid,
  period_key            text NOT NULL,
  period_label          text NOT NULL,
  period_start          date,
  period_end            date,
  due_date              date,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_on               date,
  progress_note         text,
  evidence              jsonb NOT NULL DEFAULT '[]',
  -- for a "make your implementing plan" task: the plan that fulfilled it
  fulfilled_by_plan_id  uuid REFERENCES plan(id),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid,
  UNIQUE (task_id, unit_id, period_key)
);
CREATE INDEX task_instance_unit_idx ON task_instance (unit_id, due_date);
CREATE INDEX task_instance_plan_idx ON task_instance (plan_id, unit_id);

-- obligation_instance: one report a unit owes for one period.
CREATE TABLE obligation_instance (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  obligation_id       uuid NOT NULL REFERENCES report_obligation(id),
  plan_id             uuid NOT NULL REFERENCES plan(id),
  unit_id             uuid NOT NULL REFERENCES unit(id),
  unit_path           ltree NOT NULL,
  province_id         uuid,
  period_key          text NOT NULL,
  period_label        text NOT NULL,
  period_start        date,
  period_end          date,
  due_date            date,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'draft', 'submitted', 'returned', 'accepted', 'cancelled')),
  current_version     integer NOT NULL DEFAULT 0,
  -- the day the first version was submitted: lateness is judged on it
  first_submitted_on  date,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (obligation_id, unit_id, period_key)
);
CREATE INDEX obligation_instance_unit_idx ON obligation_instance (unit_id, due_date);
CREATE INDEX obligation_instance_plan_idx ON obligation_instance (plan_id, obligation_id, period_key);

-- submission: every version of a report, never overwritten once submitted.
CREATE TABLE submission (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  obligation_instance_id  uuid NOT NULL REFERENCES obligation_instance(id),
  version                 integer NOT NULL,
  status                  text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  figures                 jsonb NOT NULL DEFAULT '{}',
  narrative               jsonb NOT NULL DEFAULT '{}',
  attachments             jsonb NOT NULL DEFAULT '[]',
  created_by              uuid,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  submitted_by            uuid,
  submitted_at            timestamptz,
  review_comment          text,
  reviewed_by             uuid,
  reviewed_at             timestamptz,
  UNIQUE (obligation_instance_id, version)
);

-- progress_counter: for every unit that has instances of a plan in its subtree (itself included),
-- the counts by kind of item and due date. The roll-up of a subtree is one indexed read, and
-- "overdue on day D" is the not-done count of the buckets due before D. Maintained in the same
-- transaction as every change of an instance.
CREATE TABLE progress_counter (
  plan_id    uuid NOT NULL,
  unit_id    uuid NOT NULL,
  item       text NOT NULL CHECK (item IN ('task', 'report')),
  -- '9999-12-31' stands for "no due date" (continuous work)
  due_date   date NOT NULL,
  total      integer NOT NULL DEFAULT 0,
  done       integer NOT NULL DEFAULT 0,
  done_late  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (plan_id, unit_id, item, due_date)
);

-- notification: in-app messages; dedupe_key makes reminders idempotent.
CREATE TABLE notification (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user(id),
  unit_id     uuid REFERENCES unit(id),
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text,
  link        text,
  dedupe_key  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  emailed_at  timestamptz
);
CREATE UNIQUE INDEX notification_dedupe_key ON notification (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);

-- job: the database-backed job runner (STYLE.md §9).
CREATE TABLE job (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  run_at        timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  locked_by     text,
  locked_until  timestamptz,
  last_error    text,
  dedupe_key    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX job_due_idx ON job (status, run_at);
CREATE UNIQUE INDEX job_dedupe_key ON job (name, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- lease: one holder at a time for work that only one server process may do (sending reminders).
CREATE TABLE lease (
  name    text PRIMARY KEY,
  holder  text NOT NULL,
  until   timestamptz NOT NULL
);
