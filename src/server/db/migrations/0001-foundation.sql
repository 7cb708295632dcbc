-- The organisation tree, people, users, access grants, sessions and the audit log.
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unit: the current state of every node of the tree. `path` is the access path (unit ids as
-- hex labels from the root); a unit merged into another keeps a path under the unit that
-- absorbed it, so its history is read under the new unit. Effective-dated history is kept in
-- unit_revision.
CREATE TABLE unit (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL,
  name          text NOT NULL,
  short_name    text,
  name_folded   text NOT NULL,
  parent_id     uuid REFERENCES unit(id),
  path          ltree NOT NULL,
  depth         integer NOT NULL,
  province_id   uuid,
  valid_from    date NOT NULL,
  valid_to      date,
  merged_into   uuid REFERENCES unit(id),
  term_label    text,
  term_start    date,
  term_end      date,
  code          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX unit_path_key ON unit (path);
CREATE INDEX unit_path_gist ON unit USING gist (path);
CREATE INDEX unit_parent_idx ON unit (parent_id, name);
CREATE INDEX unit_name_trgm ON unit USING gin (name_folded gin_trgm_ops);

-- unit_revision: the unit as it stood from valid_from to valid_to (exclusive). The tree on a
-- date is the set of revisions valid on that date.
CREATE TABLE unit_revision (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     uuid NOT NULL REFERENCES unit(id),
  parent_id   uuid REFERENCES unit(id),
  kind        text NOT NULL,
  name        text NOT NULL,
  short_name  text,
  valid_from  date NOT NULL,
  valid_to    date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX unit_revision_parent_idx ON unit_revision (parent_id, valid_from);
CREATE INDEX unit_revision_unit_idx ON unit_revision (unit_id, valid_from);

CREATE TABLE unit_event (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL,
  occurred_on   date NOT NULL,
  units_before  uuid[] NOT NULL DEFAULT '{}',
  units_after   uuid[] NOT NULL DEFAULT '{}',
  note          text,
  actor_id      uuid,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_event_before_idx ON unit_event USING gin (units_before);
CREATE INDEX unit_event_after_idx ON unit_event USING gin (units_after);

CREATE TABLE person (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  full_name     text NOT NULL,
  name_folded   text NOT NULL,
  sort_key      text NOT NULL,
  unit_id       uuid NOT NULL REFERENCES unit(id),
  gender        text,
  birth_date    date,
  phone         text,
  email         text,
  party_card_no text,
  joined_party_on date,
  job_title     text,
  deleted_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_unit_idx ON person (unit_id, sort_key);
CREATE INDEX person_name_trgm ON person USING gin (name_folded gin_trgm_ops);
CREATE UNIQUE INDEX person_party_card_key ON person (party_card_no) WHERE party_card_no IS NOT NULL AND deleted_at IS NULL;

-- membership: a person in a unit, in a category, holding positions, from a date to a date.
CREATE TABLE membership (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES person(id),
  unit_id     uuid NOT NULL REFERENCES unit(id),
  category    text NOT NULL,
  positions   text[] NOT NULL DEFAULT '{}',
  valid_from  date NOT NULL,
  valid_to    date,
  end_reason  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX membership_unit_idx ON membership (unit_id) WHERE valid_to IS NULL;
CREATE INDEX membership_person_idx ON membership (person_id, valid_from);

CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL,
  password_hash  text NOT NULL,
  person_id      uuid REFERENCES person(id),
  superuser      boolean NOT NULL DEFAULT false,
  locale         text NOT NULL DEFAULT 'vi',
  disabled_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username));

-- user_grant: a role of a user on a unit, covering the unit and its subtree.
CREATE TABLE user_grant (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user(id),
  unit_id     uuid NOT NULL REFERENCES unit(id),
  role        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE UNIQUE INDEX user_grant_active_key ON user_grant (user_id, unit_id, role) WHERE revoked_at IS NULL;
CREATE INDEX user_grant_unit_idx ON user_grant (unit_id) WHERE revoked_at IS NULL;

-- session: the server side of a login; the cookie holds a random token, the table its SHA-256.
CREATE TABLE session (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_user_idx ON session (user_id);

-- audit_log: append-only. `unit_path` scopes who may read an entry (leaders of that subtree).
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    uuid,
  actor_name  text,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text,
  unit_path   ltree,
  before      jsonb,
  after       jsonb
);
CREATE INDEX audit_log_path_gist ON audit_log USING gist (unit_path);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
