-- Documents (văn bản), the links between them, and plans (a plan is a document of kind KH) with their
-- tasks and report obligations. Per-unit instances and submissions come with the plans backbone.

-- document: an imported or drafted document, or a stub known only from a citation ("Kết luận số
-- 21-KL/TW"), so that a plan shows the chain of documents it carries out.
CREATE TABLE document (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text NOT NULL,
  number            text,
  -- the number folded for matching citations: upper case, no spaces ("48-KH/ĐUK")
  number_key        text,
  issued_on         date,
  issuer_name       text,
  place             text,
  title             text,
  body_text         text,
  signer            jsonb,
  recipients        text[] NOT NULL DEFAULT '{}',
  -- the structure confirmed by a person (extraction/SCHEMA.md JSON) and what the extractor proposed
  structure         jsonb,
  proposed          jsonb,
  -- stub: known from citations only; draft: imported, not yet confirmed; confirmed
  status            text NOT NULL DEFAULT 'confirmed',
  -- normal | secret ("mật"): a secret document is visible only to its owner's subtree and its addressees
  confidentiality   text NOT NULL DEFAULT 'normal',
  -- the unit that holds the record; null for stubs of public documents (visible to every signed-in user)
  owner_unit_id     uuid REFERENCES unit(id),
  owner_path        ltree,
  source_file_name  text,
  source_format     text,
  source_sha256     text,
  source_size       integer,
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  deleted_at        timestamptz
);
CREATE INDEX document_number_key_idx ON document (number_key) WHERE deleted_at IS NULL;
CREATE INDEX document_owner_path_gist ON document USING gist (owner_path);

-- document_file: the uploaded source file, kept as it came.
CREATE TABLE document_file (
  document_id  uuid PRIMARY KEY REFERENCES document(id),
  file_name    text NOT NULL,
  mime         text NOT NULL,
  bytes        bytea NOT NULL
);

-- document_link: "from carries out to" (implements) or "from cites to" (references).
CREATE TABLE document_link (
  from_id   uuid NOT NULL REFERENCES document(id),
  to_id     uuid NOT NULL REFERENCES document(id),
  relation  text NOT NULL CHECK (relation IN ('implements', 'references')),
  PRIMARY KEY (from_id, to_id, relation)
);
CREATE INDEX document_link_to_idx ON document_link (to_id, relation);

-- plan: the plan-specific part of a KH document.
CREATE TABLE plan (
  id               uuid PRIMARY KEY REFERENCES document(id),
  unit_id          uuid NOT NULL REFERENCES unit(id),
  unit_path        ltree NOT NULL,
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
  -- the superior's plan this plan carries out (cascade)
  parent_plan_id   uuid REFERENCES plan(id),
  published_at     timestamptz,
  published_by     uuid,
  -- days before a due date when reminders go out
  reminder_days    integer[] NOT NULL DEFAULT '{7,1}',
  -- days in advance a lower unit must send its study-session plan upward (seed 001: 5)
  session_notice_days integer,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_unit_path_gist ON plan USING gist (unit_path);
CREATE INDEX plan_parent_idx ON plan (parent_plan_id);

-- task: one task of a plan, with the "6 rõ" of Vietnamese task assignment: person, task, time,
-- responsibility, authority and output.
CREATE TABLE task (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id           uuid NOT NULL REFERENCES plan(id),
  ord               integer NOT NULL,
  kind              text NOT NULL DEFAULT 'task',      -- task | own_plan (make your implementing plan) | study | report
  text              text NOT NULL,
  lead_text         text[] NOT NULL DEFAULT '{}',      -- as written in the document
  support_text      text[] NOT NULL DEFAULT '{}',
  lead_unit_ids     uuid[] NOT NULL DEFAULT '{}',
  support_unit_ids  uuid[] NOT NULL DEFAULT '{}',
  due               jsonb,                             -- extraction/SCHEMA.md `due`
  due_text          text,
  -- who must carry it out: {"scope": "grassroots" | "children" | "self" | "units", "kinds": [...], "unitIds": [...]}
  audience          jsonb NOT NULL DEFAULT '{"scope":"grassroots"}',
  responsible       text,
  responsibility    text,
  authority         text,
  output            text,
  parent_task_id    uuid REFERENCES task(id),
  source_start      integer,
  source_end        integer
);
CREATE INDEX task_plan_idx ON task (plan_id, ord);
CREATE INDEX task_parent_idx ON task (parent_task_id);

-- report_obligation: who reports to whom (via whom), when, and in what form.
CREATE TABLE report_obligation (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id      uuid NOT NULL REFERENCES plan(id),
  ord          integer NOT NULL,
  title        text NOT NULL,
  from_text    text,
  to_text      text,
  via_text     text,
  to_unit_id   uuid REFERENCES unit(id),
  via_unit_id  uuid REFERENCES unit(id),
  due          jsonb NOT NULL DEFAULT '[]',            -- a list of `due`
  cutoff_day   integer CHECK (cutoff_day BETWEEN 1 AND 31), -- ngày chốt số liệu
  -- {"figures": [{"key","label","unit"?}], "sections": [{"key","title"}]}
  form         jsonb NOT NULL DEFAULT '{"figures":[],"sections":[]}',
  audience     jsonb NOT NULL DEFAULT '{"scope":"grassroots"}',
  source_start integer,
  source_end   integer
);
CREATE INDEX report_obligation_plan_idx ON report_obligation (plan_id, ord);
