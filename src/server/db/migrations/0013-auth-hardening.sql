-- Signing in and the audit log under attack (docs/decisions/011).

-- Failed sign-ins per user name as typed (lower-cased), whether or not an account has that name, so
-- that a delay tells nothing about which accounts exist. Every process of the server reads the same
-- rows. A row goes when its name signs in, or a day after its last failure.
CREATE TABLE login_failure (
  username      text PRIMARY KEY,
  failures      integer NOT NULL,
  last_at       timestamptz NOT NULL,
  delayed_until timestamptz
);
CREATE INDEX login_failure_last_at_idx ON login_failure (last_at);

-- TRUNCATE fires no row trigger: the audit log refuses it with a statement trigger of its own.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Two roles, where the login running this migration may create them (a superuser, PGlite's own
-- user, or a user with CREATEROLE) or they exist already and it may become them:
--   trienkhai_owner  owns every table, index, sequence and function of the schema; runs migrations;
--   trienkhai_app    the server's role: reads and writes the tables, but only adds to the audit log
--                    and reads it; owns nothing, so it can neither disable a trigger nor drop one.
-- Neither can log in: the login is granted both and works as one at a time (SET ROLE). Elsewhere the
-- schema stays the login's, and the triggers alone keep the audit log append-only.
DO $roles$
DECLARE
  schema_name text := current_schema();
  may_create boolean;
  item record;
BEGIN
  SELECT rolsuper OR rolcreaterole INTO may_create FROM pg_roles WHERE rolname = current_user;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trienkhai_owner') THEN
    IF NOT may_create THEN
      RAISE NOTICE 'roles trienkhai_owner and trienkhai_app not created: % may not create roles', current_user;
      RETURN;
    END IF;
    CREATE ROLE trienkhai_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trienkhai_app') THEN
    IF NOT may_create THEN
      RAISE NOTICE 'role trienkhai_app not created: % may not create roles', current_user;
      RETURN;
    END IF;
    CREATE ROLE trienkhai_app NOLOGIN;
  END IF;
  BEGIN
    IF NOT pg_has_role(current_user, 'trienkhai_owner', 'MEMBER') THEN
      EXECUTE 'GRANT trienkhai_owner TO ' || quote_ident(current_user);
    END IF;
    IF NOT pg_has_role(current_user, 'trienkhai_app', 'MEMBER') THEN
      EXECUTE 'GRANT trienkhai_app TO ' || quote_ident(current_user);
    END IF;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'schema left to %: it may not be granted trienkhai_owner and trienkhai_app', current_user;
    RETURN;
  END;

  EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO trienkhai_owner', schema_name);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO trienkhai_app', schema_name);

  -- Every table (its indexes, triggers and the sequences of its columns follow it), every other
  -- sequence and every function of the schema that the login owns, except what an extension installed.
  FOR item IN
    SELECT c.oid::regclass::text AS name, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = schema_name AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_has_role(current_user, c.relowner, 'USAGE')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO trienkhai_owner',
      CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      item.name);
  END LOOP;
  FOR item IN
    SELECT p.oid::regprocedure::text AS name
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = schema_name AND pg_has_role(current_user, p.proowner, 'USAGE')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO trienkhai_owner', item.name);
  END LOOP;

  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO trienkhai_app', schema_name);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO trienkhai_app', schema_name);
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM trienkhai_app;
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM trienkhai_app;
  -- What later migrations create, as the owner, the server may read and write; a table it may
  -- only add to takes its REVOKE in the migration that creates it.
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE trienkhai_owner IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO trienkhai_app', schema_name);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE trienkhai_owner IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO trienkhai_app', schema_name);
END
$roles$;
