-- One-time passwords (docs/decisions/018, 019): an account given one (created in bulk, or reset by an
-- administrator) must change it at its first sign-in, and cannot sign in with it after it expires.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN password_expires_at timestamptz;
-- The accounts of people, found when accounts are created in bulk for them.
CREATE INDEX app_user_person_idx ON app_user (person_id) WHERE person_id IS NOT NULL;
