-- TEST TOOL, not part of the app or of supabase/migrations.
-- Supabase's roles, as its Postgres image makes them, run once per cluster as the bootstrap
-- superuser `supabase_admin`. Sources (supabase/postgres, migrations/db/):
--   init-scripts/00000000000000-initial-schema.sql  API roles, authenticator, statement timeouts
--   init-scripts/00000000000001-auth-schema.sql     supabase_auth_admin
--   migrations/10000000000000_demote-postgres.sql   postgres: NOSUPERUSER CREATEDB CREATEROLE LOGIN REPLICATION BYPASSRLS
--   migrations/20221028101028_set_authenticator_timeout.sql, 20231130133139_set_lock_timeout_to_authenticator_role.sql
--   migrations/20230529180330_alter_api_roles_for_inherit.sql
--   init-scripts/00000000000003-post-setup.sql      search_path of postgres

-- The role that owns nothing special and runs the migrations (`supabase db push` connects as it).
create role postgres nosuperuser createdb createrole login replication bypassrls;
alter role postgres set search_path to "$user", public, extensions;
alter role supabase_admin set search_path to "$user", public, auth, extensions;

create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
alter role authenticated inherit;
alter role anon inherit;
alter role service_role inherit;

-- PostgREST logs in as authenticator and switches to the role named in the JWT.
create role authenticator noinherit login;
grant anon to authenticator;
grant authenticated to authenticator;
grant service_role to authenticator;
grant supabase_admin to authenticator;

-- GoTrue logs in as supabase_auth_admin, which owns the auth schema's tables.
create role supabase_auth_admin noinherit createrole login noreplication;
alter role supabase_auth_admin set search_path = auth;

-- Short statement timeouts for the API roles; PostgREST applies the impersonated role's settings
-- per request (PostgREST docs: "Impersonated Role Settings").
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout to '8s';

-- `supabase test db` runs pg_prove as postgres (supabase/cli internal/db/test/test.go: PGUSER is the
-- configured user), and test suites switch to the API roles with `set role`: postgres is a member
-- of them on Supabase (on Postgres 16+ with ADMIN OPTION: 20250605172253_grant_with_admin_to_postgres_16_and_above.sql).
grant anon, authenticated, service_role to postgres;
