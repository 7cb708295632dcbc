-- A plan's end of life (docs/decisions/016-plan-lifecycle.md). A draft that was never published is
-- deleted by marking its document deleted (document.deleted_at, the plan row stays: plans are never
-- deleted). A published plan, or one task or report instance of it, is cancelled ("thu hồi") with a
-- reason: the rows are kept with status 'cancelled', who cancelled them, when and why.
ALTER TABLE plan ADD COLUMN cancelled_at timestamptz;
ALTER TABLE plan ADD COLUMN cancelled_by uuid;
ALTER TABLE plan ADD COLUMN cancel_reason text;

ALTER TABLE task_instance ADD COLUMN cancelled_at timestamptz;
ALTER TABLE task_instance ADD COLUMN cancelled_by uuid;
ALTER TABLE task_instance ADD COLUMN cancel_reason text;

ALTER TABLE obligation_instance ADD COLUMN cancelled_at timestamptz;
ALTER TABLE obligation_instance ADD COLUMN cancelled_by uuid;
ALTER TABLE obligation_instance ADD COLUMN cancel_reason text;

-- Who deleted a draft (the audit log keeps the entry; the row says it too, for the lists of deleted drafts).
ALTER TABLE document ADD COLUMN deleted_by uuid;
