-- pgTAP, run by `npm run test:db` (tests/db/run-pgtap.mjs) after it has run
-- supabase/schedule/send-reminders.sql twice against Debian's pg_cron, with stand-ins of pg_net and
-- Vault (tests/db/reminders-schedule-stand-ins.sql): the second time with a new secret, as a
-- project changing its secret would. Not in supabase/tests: on a Supabase stack, pg_net and Vault
-- are real.
begin;
select plan(9);

select is(
	(select string_agg(concat_ws(' | ', jobname, schedule, username, database, active), '; ' order by jobid) from cron.job),
	'send-reminders | */5 * * * * | postgres | postgres | t',
	'one job, send-reminders, every 5 minutes, as postgres (run twice, the schedule was replaced, not added)'
);
select is(
	(select string_agg(name, ' ' order by name) from vault.decrypted_secrets),
	'project_url reminders_secret',
	'one secret of each name in Vault'
);
select is(
	(select decrypted_secret from vault.decrypted_secrets where name = 'reminders_secret'),
	'second-reminders-secret-0123456789abcdef',
	'the second run updated the secret'
);
select ok(
	(select command from cron.job where jobname = 'send-reminders') !~ 'second-reminders-secret',
	'the job''s command holds no secret: it reads Vault when it runs'
);

delete from net.calls;
do $$ begin execute (select command from cron.job where jobname = 'send-reminders'); end $$;
select is((select count(*)::int from net.calls), 1, 'running the job''s command makes one call');
select is((select url from net.calls), 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/send-reminders', 'to the project''s send-reminders function');
select is(
	(select headers from net.calls),
	'{"Content-Type": "application/json", "Authorization": "Bearer second-reminders-secret-0123456789abcdef"}'::jsonb,
	'with the secret as its Bearer token'
);
select is((select body from net.calls), '{}'::jsonb, 'an empty JSON body');
select is((select timeout_milliseconds from net.calls), 150000, 'waiting up to the Edge Functions'' 150 s idle timeout');

select * from finish();
rollback;
