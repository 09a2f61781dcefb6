-- TEST TOOL, not part of the app or of supabase/migrations.
-- The 'legacy' default privileges of older Supabase projects: everything postgres creates in public
-- is granted in full to the API roles. supabase/postgres init-scripts/00000000000000-initial-schema.sql
-- ran `alter default privileges in schema public grant all on tables/functions/sequences to ...`
-- while postgres was still the superuser running it (migrations/10000000000000_demote-postgres.sql
-- demoted it later), which is what `supabase db dump` of such a project shows as the lines below.
-- Newer projects ('current') expose nothing by default; that regime is simply this file left out.
-- The migrations must work under both: revoke what they do not mean to give, grant what they need.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
