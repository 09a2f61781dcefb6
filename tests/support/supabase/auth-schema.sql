-- TEST TOOL, not part of the app or of supabase/migrations.
-- A stand-in for what a Supabase project has before any migration runs: the API roles, the `auth`
-- schema with auth.users, auth.uid(), auth.jwt() and auth.role() as Supabase defines them, and
-- Supabase's default privileges on the public schema (which the migrations must revoke).
-- Applied before the migrations to a throwaway Postgres 15 cluster or to PGlite.

do $$
begin
	if not exists (select 1 from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'service_role') then
		create role service_role nologin noinherit bypassrls;
	end if;
end;
$$;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
	id uuid primary key,
	aud text default 'authenticated',
	role text default 'authenticated',
	email text unique,
	email_confirmed_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb default '{"provider": "email", "providers": ["email"]}',
	raw_user_meta_data jsonb default '{}',
	is_anonymous boolean not null default false,
	created_at timestamptz default now(),
	updated_at timestamptz default now()
);

create or replace function auth.uid()
returns uuid
language sql
stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create or replace function auth.role()
returns text
language sql
stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

create or replace function auth.jwt()
returns jsonb
language sql
stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;

-- Supabase grants the API roles everything on what is created in public; migrations must take
-- away what they do not mean to give.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
