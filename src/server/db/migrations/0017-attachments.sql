-- Files attached as evidence (docs/decisions/015-attachments.md): to a unit's report, kept with the
-- version that sent them, and to a task instance. The bytes are kept in the database as the
-- documents' are (document_file, migration 0003), so a backup holds everything and access is one
-- check on the row's owner. A file is stored as it came, never parsed.
CREATE TABLE attachment (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order files were added in (lists show them so).
  seq                     bigint GENERATED ALWAYS AS IDENTITY,
  -- Exactly one owner: a report (obligation instance) or a task instance. Its unit is the owner's.
  obligation_instance_id  uuid REFERENCES obligation_instance(id),
  task_instance_id        uuid REFERENCES task_instance(id),
  file_name               text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  mime                    text NOT NULL,
  size_bytes              integer NOT NULL CHECK (size_bytes > 0),
  sha256                  text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes                   bytea NOT NULL,
  uploaded_by             uuid,
  uploaded_at             timestamptz NOT NULL,
  -- Taken out of a report's working set (the files the next version sends) while a version already
  -- sent still lists it: the row stays for that version. A file no version lists is deleted outright.
  removed_at              timestamptz,
  removed_by              uuid,
  CHECK ((obligation_instance_id IS NULL) <> (task_instance_id IS NULL))
);
CREATE INDEX attachment_report_idx ON attachment (obligation_instance_id, seq) WHERE obligation_instance_id IS NOT NULL;
CREATE INDEX attachment_task_idx ON attachment (task_instance_id, seq) WHERE task_instance_id IS NOT NULL;

-- The files each version of a report sent, frozen when the version is submitted: an old version
-- lists exactly what it had, whatever the next ones carry forward or leave out.
CREATE TABLE submission_attachment (
  submission_id  uuid NOT NULL REFERENCES submission(id),
  attachment_id  uuid NOT NULL REFERENCES attachment(id),
  PRIMARY KEY (submission_id, attachment_id)
);
CREATE INDEX submission_attachment_attachment_idx ON submission_attachment (attachment_id);
