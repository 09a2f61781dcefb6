-- TEST TOOL, not part of the app or of supabase/migrations.
-- What each Supabase database has besides the roles, run as supabase_admin before the auth schema
-- and the migrations. Sources (supabase/postgres, migrations/db/): init-scripts/00000000000000-initial-schema.sql
-- (extensions schema, usage on public), migrations/10000000000000_demote-postgres.sql (postgres's grants).

create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant all on schema extensions to postgres;

grant usage on schema public to postgres, anon, authenticated, service_role;
-- Postgres 15 lets only the owner of `public` create in it; on Supabase the migrations (as postgres)
-- create their tables there, so postgres owns it.
alter schema public owner to postgres;

do $$
begin
	execute format('grant all on database %I to postgres', current_database());
end;
$$;
