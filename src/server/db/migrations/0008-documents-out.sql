-- Documents out: the consolidated report (báo cáo tổng hợp) of a report obligation, one period and
-- one unit's subtree, version by version. Every draft the office saves, every export of the Word
-- file (with the number and date it was given) and every submission upward is a version; none is
-- overwritten. `figures` keeps the figures as printed or sent with the unit, submission and
-- version each came from; `basis` the accepted submissions counted ("submissionId@version").
CREATE TABLE consolidation_version (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  obligation_id  uuid NOT NULL REFERENCES report_obligation(id),
  unit_id        uuid NOT NULL REFERENCES unit(id),
  period_key     text NOT NULL,
  version        integer NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('draft', 'export', 'submit')),
  content        jsonb NOT NULL,
  figures        jsonb NOT NULL DEFAULT '[]',
  basis          text[] NOT NULL DEFAULT '{}',
  -- export: the document as issued (kind, number and symbol, its sequence, its date)
  doc_kind       text,
  doc_number     text,
  doc_seq        integer,
  doc_date       date,
  -- submit: the submission made to the superior's obligation
  submission_id  uuid REFERENCES submission(id),
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (obligation_id, unit_id, period_key, version)
);
-- The numbers a unit has issued, for proposing the next one.
CREATE INDEX consolidation_version_numbers_idx ON consolidation_version (unit_id, doc_kind, doc_date) WHERE doc_seq IS NOT NULL;
