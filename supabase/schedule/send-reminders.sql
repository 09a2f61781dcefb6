-- The reminders' schedule: every 5 minutes, Supabase Cron (pg_cron) asks the send-reminders Edge
-- Function for one pass, through pg_net, with the project's URL and the function's secret kept in
-- Vault, as Supabase's "Scheduling Edge Functions" guide does
-- (https://supabase.com/docs/guides/functions/schedule-functions). Not a migration: the URL and the
-- secret differ per project, and a local stack (`supabase start`) has no function to call.
--
-- Deploy step, once per project (and again to change the secret), after `supabase db push`, with
-- pg_cron and pg_net enabled (Dashboard → Database → Extensions):
--
--   psql "$DATABASE_URL" -v project_url=https://<project-ref>.supabase.co \
--     -v reminders_secret="$REMINDERS_SECRET" -f supabase/schedule/send-reminders.sql
--
-- $DATABASE_URL: the project's connection string (Dashboard → Connect; the postgres role).
-- $REMINDERS_SECRET: the same value as `supabase secrets set REMINDERS_SECRET=…` gave the function.
-- Running it again updates both secrets and the job in place (one job, one secret of each name).
-- Tested against Debian's pg_cron with stand-ins of pg_net and Vault: tests/db/reminders-schedule.sql.

\set ON_ERROR_STOP on
\if :{?project_url}
\else
	\echo 'Give the project URL: psql … -v project_url=https://<project-ref>.supabase.co -v reminders_secret=… -f supabase/schedule/send-reminders.sql'
	do $$ begin raise exception 'The psql variable project_url is not set.'; end $$;
\endif
\if :{?reminders_secret}
\else
	\echo 'Give the function''s secret: psql … -v reminders_secret=… (the REMINDERS_SECRET given to supabase secrets set)'
	do $$ begin raise exception 'The psql variable reminders_secret is not set.'; end $$;
\endif

begin;

-- Handed to the block below as settings of this transaction (psql does not substitute variables
-- inside dollar quotes), and not echoed.
\o /dev/null
select set_config('reminders.project_url', :'project_url', true),
	set_config('reminders.secret', :'reminders_secret', true);
\o

do $$
declare
	project_url text := current_setting('reminders.project_url');
	secret text := current_setting('reminders.secret');
begin
	if to_regnamespace('cron') is null or to_regprocedure('net.http_post(text,jsonb,jsonb,jsonb,integer)') is null
		or to_regclass('vault.decrypted_secrets') is null then
		raise exception 'Enable the pg_cron and pg_net extensions first (Dashboard → Database → Extensions); Vault is on every project.';
	end if;
	if project_url !~ '^https://[A-Za-z0-9.-]+(:[0-9]+)?$' then
		raise exception 'project_url must be the project''s https:// URL, with no path or trailing slash (got %).', project_url;
	end if;
	if char_length(secret) < 32 then
		raise exception 'reminders_secret must be at least 32 characters (openssl rand -hex 32 makes one).';
	end if;
	-- One secret of each name: created the first time, updated after.
	if exists (select 1 from vault.secrets where name = 'project_url') then
		perform vault.update_secret((select id from vault.secrets where name = 'project_url'), project_url);
	else
		perform vault.create_secret(project_url, 'project_url', 'The project''s URL, for scheduled Edge Function calls');
	end if;
	if exists (select 1 from vault.secrets where name = 'reminders_secret') then
		perform vault.update_secret((select id from vault.secrets where name = 'reminders_secret'), secret);
	else
		perform vault.create_secret(secret, 'reminders_secret', 'REMINDERS_SECRET of the send-reminders Edge Function');
	end if;
end;
$$;

-- The job (cron.schedule replaces a job of the same name). The call waits up to 150 s for the
-- function's answer, the Edge Functions' request idle timeout, so a long pass is not cut off.
select cron.schedule(
	'send-reminders',
	'*/5 * * * *',
	$$
	select net.http_post(
		url := (select decrypted_secret from vault.decrypted_secrets where name = 'project_url') || '/functions/v1/send-reminders',
		headers := jsonb_build_object(
			'Content-Type', 'application/json',
			'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'reminders_secret')
		),
		body := '{}'::jsonb,
		timeout_milliseconds := 150000
	) as request_id;
	$$
);

commit;
