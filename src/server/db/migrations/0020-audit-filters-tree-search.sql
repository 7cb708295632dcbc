-- The audit log filtered by who acted and by action, newest first (docs/decisions/011): each filter
-- reads an index of its own with the time, instead of every entry of a national log.
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at DESC) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC);

-- The tree at a past date is searched by the names units had that day (docs/decisions/003): each
-- revision keeps its name folded as src/core/text/fold.ts folds it (no diacritics, đ → d, lower case),
-- computed by the database so that every writer of revisions has it, with a trigram index like unit's.
ALTER TABLE unit_revision ADD COLUMN name_folded text
  GENERATED ALWAYS AS (lower(translate(regexp_replace(normalize(name, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dD'))) STORED;
CREATE INDEX unit_revision_name_trgm ON unit_revision USING gin (name_folded gin_trgm_ops);
