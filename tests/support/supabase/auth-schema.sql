-- TEST TOOL, not part of the app or of supabase/migrations.
-- A stand-in for the `auth` schema GoTrue keeps in every Supabase database: auth.users and
-- auth.identities with the columns the stand-in's GoTrue reads and writes (names and types as
-- GoTrue's own migrations make them, supabase/auth migrations/), auth.uid(), auth.role(),
-- auth.jwt(). Owned by supabase_auth_admin, the role GoTrue logs in as, so a trigger the
-- project adds on auth.users runs as it does on Supabase. Run as supabase_admin.
-- Grants: supabase/postgres init-scripts/00000000000001-auth-schema.sql (usage for the API roles)
-- and migrations/10000000000000_demote-postgres.sql (postgres gets all on auth's tables).

create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to postgres;

set role supabase_auth_admin;

create table auth.users (
	instance_id uuid,
	id uuid primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	invited_at timestamptz,
	confirmation_token varchar(255),
	confirmation_sent_at timestamptz,
	recovery_token varchar(255),
	recovery_sent_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	created_at timestamptz,
	updated_at timestamptz,
	phone text unique default null,
	phone_confirmed_at timestamptz,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	banned_until timestamptz,
	deleted_at timestamptz,
	is_sso_user boolean not null default false,
	is_anonymous boolean not null default false
);
-- As on Supabase: an email is unique among non-SSO users (index users_email_partial_key).
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);

create table auth.identities (
	provider_id text not null,
	user_id uuid not null references auth.users (id) on delete cascade,
	identity_data jsonb not null,
	provider text not null,
	last_sign_in_at timestamptz,
	created_at timestamptz,
	updated_at timestamptz,
	email text generated always as (lower(identity_data ->> 'email')) stored,
	id uuid primary key default gen_random_uuid(),
	unique (provider_id, provider)
);

-- As GoTrue's migrations define them (request.jwt.claim.* was PostgREST's legacy way).
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

reset role;

grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role, postgres;
grant all on all tables in schema auth to postgres;
