-- The audit log filtered by who acted and by action, newest first (docs/decisions/011): each filter
-- reads an index of its own with the time, instead of every entry of a national log.
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at DESC) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC);
