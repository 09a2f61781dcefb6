-- TEST TOOL, not part of the app or of supabase/: stand-ins of what a Supabase project has and a
-- plain Postgres does not, for the schedule's SQL (supabase/schedule/send-reminders.sql). Run as
-- supabase_admin in the database pg_cron works in, after `create extension pg_cron`.
--
-- pg_net's net.http_post, with its signature (supabase/pg_net sql/pg_net.sql: url, body, params,
-- headers, timeout_milliseconds; returns the request id), records each call instead of sending it.
-- Vault's secrets table, decrypted_secrets view and create_secret / update_secret (supabase/vault
-- sql/supabase_vault--0.2.8.sql), with the secret kept as given instead of encrypted.

create schema net;
create table net.calls (
	id bigserial primary key,
	url text not null,
	body jsonb,
	params jsonb,
	headers jsonb,
	timeout_milliseconds integer,
	called_by name not null default current_user
);
create function net.http_post(
	url text,
	body jsonb default '{}'::jsonb,
	params jsonb default '{}'::jsonb,
	headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
	timeout_milliseconds integer default 5000
)
returns bigint
language sql
security definer
set search_path = ''
as $$
	insert into net.calls (url, body, params, headers, timeout_milliseconds, called_by)
	values (url, body, params, headers, timeout_milliseconds, session_user)
	returning id;
$$;
grant usage on schema net to postgres;
grant execute on function net.http_post(text, jsonb, jsonb, jsonb, integer) to postgres;
grant select, delete on net.calls to postgres;

create schema vault;
create table vault.secrets (
	id uuid primary key default gen_random_uuid(),
	name text,
	description text not null default '',
	secret text not null,
	key_id uuid,
	nonce bytea,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create unique index secrets_name_idx on vault.secrets (name) where name is not null;
create view vault.decrypted_secrets as
	select id, name, description, secret, secret as decrypted_secret, key_id, nonce, created_at, updated_at
	from vault.secrets;
create function vault.create_secret(new_secret text, new_name text default null, new_description text default '', new_key_id uuid default null)
returns uuid
language sql
security definer
set search_path = ''
as $$
	insert into vault.secrets (secret, name, description, key_id) values (new_secret, new_name, new_description, new_key_id) returning id;
$$;
create function vault.update_secret(secret_id uuid, new_secret text default null, new_name text default null, new_description text default null, new_key_id uuid default null)
returns void
language sql
security definer
set search_path = ''
as $$
	update vault.secrets set
		secret = coalesce(new_secret, secret), name = coalesce(new_name, name),
		description = coalesce(new_description, description), key_id = coalesce(new_key_id, key_id), updated_at = now()
	where id = secret_id;
$$;
grant usage on schema vault to postgres;
grant select on vault.secrets, vault.decrypted_secrets to postgres;
grant execute on function vault.create_secret(text, text, text, uuid), vault.update_secret(uuid, text, text, text, uuid) to postgres;
