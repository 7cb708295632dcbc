-- Reports, reminders and notifications at scale: the reminder job reads open instances by due date
-- (one partial index each, small because done work leaves it), the bell counts unread
-- notifications, and mail delivery finds notifications not yet handed to the mail server.

CREATE INDEX obligation_instance_open_due_idx ON obligation_instance (due_date)
  WHERE status IN ('pending', 'draft', 'returned') AND due_date IS NOT NULL;
CREATE INDEX task_instance_open_due_idx ON task_instance (due_date)
  WHERE status = 'open' AND due_date IS NOT NULL;

CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
CREATE INDEX notification_mail_idx ON notification (created_at) WHERE emailed_at IS NULL;

-- job: finished jobs are pruned by finish time.
CREATE INDEX job_finished_idx ON job (finished_at) WHERE status IN ('done', 'failed');
