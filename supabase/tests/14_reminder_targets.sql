-- One outcome per target (supabase/migrations/20261209120000_reminder_targets.sql): what
-- claim_reminders returns when a reminder is claimed again after some of its targets got it (only
-- the devices and the email still to send to), how finish_reminder settles each target, and when a
-- target is given up: the digest turned off, a device taken by another account, a partly sent
-- reminder past its TTL. The function tests (tests/functions/targets.test.ts) send them for real.
begin;
select plan(56);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
create function pg_temp.push_as(who uuid, mutations jsonb) returns jsonb language plpgsql as $$
declare
	result jsonb;
begin
	perform pg_temp.act_as(who);
	result := public.sync_push(gen_random_uuid(), mutations);
	perform set_config('role', 'none', true);
	return result;
end;
$$;
create function pg_temp.sub(endpoint text) returns jsonb language sql as $$
	select jsonb_build_object(
		'endpoint', endpoint,
		'expirationTime', null,
		'keys', jsonb_build_object(
			'p256dh', 'BF5d7-9RCx579d3PjmOBhc11fiD_YTUJeFIvQ2uF0tUazYBtxLyR3gbI_Xwuyb2AH-ajmDU-HJZdcxxEe5i7RFA',
			'auth', '2z9UdGXVPtMTomb-vhR-Yg'
		)
	);
$$;
create function pg_temp.register(who uuid, endpoint text) returns uuid language plpgsql as $$
declare
	id uuid;
begin
	perform pg_temp.act_as(who);
	id := public.save_push_subscription(pg_temp.sub(endpoint), 'UTC');
	perform set_config('role', 'none', true);
	return id;
end;
$$;
create function pg_temp.settings_of(who uuid, settings jsonb) returns jsonb language plpgsql as $$
declare
	result jsonb;
begin
	perform pg_temp.act_as(who);
	result := public.save_reminder_settings(settings);
	perform set_config('role', 'none', true);
	return result;
end;
$$;
create function pg_temp.follow_up(who uuid, id uuid, name text, due timestamptz) returns text language sql as $$
	select pg_temp.push_as(who, jsonb_build_array(
		jsonb_build_object('mid', 1, 'table', 'people', 'id', id, 'fields', jsonb_build_object('name', name)),
		jsonb_build_object('mid', 2, 'table', 'encounters', 'id', id, 'fields', jsonb_build_object(
			'person_id', id, 'met_at', '2026-01-01T10:00:00Z', 'note', 'Talked with ' || name)),
		jsonb_build_object('mid', 3, 'table', 'follow_ups', 'id', id, 'fields', jsonb_build_object(
			'person_id', id, 'encounter_id', id, 'due_at', due, 'queue_at', due))
	)) ->> 'last_mid';
$$;
create function pg_temp.done(who uuid, id uuid) returns text language sql as $$
	select pg_temp.push_as(who, jsonb_build_array(jsonb_build_object('mid', 1, 'table', 'follow_ups', 'id', id, 'base_seq', 1000000000, 'fields', '{"status": "done"}'::jsonb)))
		-> 'results' -> 0 ->> 'status';
$$;
create function pg_temp.reopen(who uuid, id uuid) returns text language sql as $$
	select pg_temp.push_as(who, jsonb_build_array(jsonb_build_object('mid', 1, 'table', 'follow_ups', 'id', id, 'base_seq', 1000000000, 'fields', '{"status": "open"}'::jsonb)))
		-> 'results' -> 0 ->> 'status';
$$;
create function pg_temp.device(endpoint text) returns uuid language sql as $$
	select id from app_private.push_subscriptions where push_subscriptions.endpoint = device.endpoint;
$$;

create temporary table claimed (
	at timestamptz, claim_id uuid, tag text, user_id uuid, kind text, follow_ups jsonb, open_count integer,
	hide_names boolean, subscriptions jsonb, email text, time_zone text, local_day date, attempt integer
) on commit drop;
create function pg_temp.run(at timestamptz) returns bigint language sql as $$
	insert into claimed select at, c.* from app_private.claim_reminders(at, 100) as c;
	select count(*) from claimed as c where c.at = run.at;
$$;
-- The endpoints a run's claim for `who` sends to, in order, and its email.
create function pg_temp.sends(at timestamptz, who uuid) returns text language sql as $$
	select coalesce((select string_agg(ps.endpoint, ' ' order by ps.endpoint)
		from jsonb_array_elements(c.subscriptions) as s join app_private.push_subscriptions as ps on ps.id = (s ->> 'id')::uuid), '-')
		|| ' / ' || coalesce(c.email, '-')
	from claimed as c where c.at = sends.at and c.user_id = who;
$$;
create function pg_temp.claim_of(at timestamptz, who uuid) returns uuid language sql as $$
	select claim_id from claimed where claimed.at = claim_of.at and user_id = who;
$$;
-- The targets of `claim`: channel, endpoint, status and attempts, in order.
create function pg_temp.targets(claim uuid) returns text language sql as $$
	select string_agg(t.channel || ' ' || coalesce(ps.endpoint, '-') || ' ' || t.status || ' ' || t.attempts, '; '
		order by t.channel, ps.endpoint)
	from app_private.reminder_targets as t left join app_private.push_subscriptions as ps on ps.id = t.subscription_id
	where t.claim_id = claim;
$$;

insert into auth.users (id, email) values
	('a1000000-0000-4000-8000-000000000001', 'pia@test.example'),
	('a2000000-0000-4000-8000-000000000002', 'quinn@test.example'),
	('a3000000-0000-4000-8000-000000000003', 'rae@test.example'),
	('a4000000-0000-4000-8000-000000000004', 'sam@test.example'),
	('a5000000-0000-4000-8000-000000000005', 'tom@test.example'),
	('a6000000-0000-4000-8000-000000000006', 'uma@test.example');

-- ---------------------------------------------------------------------------------------------
-- Pia: three devices; the phone gets it, the laptop answers 429, the watch refuses it for good
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('a1000000-0000-4000-8000-000000000001', 'https://push.example/pia-phone');
select pg_temp.register('a1000000-0000-4000-8000-000000000001', 'https://push.example/pia-laptop');
select pg_temp.register('a1000000-0000-4000-8000-000000000001', 'https://push.example/pia-watch');
select pg_temp.settings_of('a1000000-0000-4000-8000-000000000001', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
select pg_temp.follow_up('a1000000-0000-4000-8000-000000000001', 'a1100000-0000-4000-8000-000000000001', 'Pia''s contact', '2026-09-01T12:00:00Z');
select is(pg_temp.run('2026-09-01T08:00:00Z'), 1::bigint, '08:00: Pia''s reminder');
select is(pg_temp.sends('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001'),
	'https://push.example/pia-laptop https://push.example/pia-phone https://push.example/pia-watch / -', 'to her three devices');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001')),
	'push https://push.example/pia-laptop pending 1; push https://push.example/pia-phone pending 1; push https://push.example/pia-watch pending 1',
	'one target per device, each on its first attempt');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001'), jsonb_build_object(
		'status', 'sent', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/pia-phone'), 'status', 'sent'),
			jsonb_build_object('target', pg_temp.device('https://push.example/pia-laptop'), 'status', 'retry'),
			jsonb_build_object('target', upper(pg_temp.device('https://push.example/pia-watch')::text), 'status', 'failed')))),
	'released', 'the laptop''s 429 releases the reminder, though the phone got it');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001')),
	'push https://push.example/pia-laptop pending 1; push https://push.example/pia-phone sent 1; push https://push.example/pia-watch failed 1',
	'each device has its own outcome');
select is(pg_temp.run('2026-09-01T08:01:00Z'), 0::bigint, '08:01: not before the lease');
select is(pg_temp.run('2026-09-01T08:05:00Z'), 1::bigint, '08:05: claimed again');
select is(pg_temp.claim_of('2026-09-01T08:05:00Z', 'a1000000-0000-4000-8000-000000000001'),
	pg_temp.claim_of('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001'), 'the same reminder (the same tag)');
select is(pg_temp.sends('2026-09-01T08:05:00Z', 'a1000000-0000-4000-8000-000000000001'), 'https://push.example/pia-laptop / -',
	'to the laptop only: not to the phone that got it, nor the watch that refused it');
select is((select attempt from claimed where at = '2026-09-01T08:05:00Z'), 2, 'attempt 2');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-01T08:05:00Z', 'a1000000-0000-4000-8000-000000000001'), jsonb_build_object(
		'status', 'sent', 'attempt', 2, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/pia-laptop'), 'status', 'sent')))),
	'sent', 'the laptop got it: the reminder is sent');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001')),
	'push https://push.example/pia-laptop sent 2; push https://push.example/pia-phone sent 1; push https://push.example/pia-watch failed 1',
	'the laptop on its second attempt, the others on their first');
select is(pg_temp.run('2026-09-01T08:10:00Z'), 0::bigint, '08:10: nothing more');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-01T08:00:00Z', 'a1000000-0000-4000-8000-000000000001'), jsonb_build_object(
		'status', 'retry', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/pia-phone'), 'status', 'retry')))),
	'sent', 'a late outcome changes a sent reminder in nothing');

-- An outcome of an earlier attempt settles what it names, and releases nothing.
select pg_temp.follow_up('a1000000-0000-4000-8000-000000000001', 'a1200000-0000-4000-8000-000000000001', 'Pia''s second', '2026-09-02T12:00:00Z');
select is(pg_temp.run('2026-09-02T08:00:00Z'), 1::bigint, '2 September 08:00: Pia''s next reminder');
select is(pg_temp.sends('2026-09-02T08:00:00Z', 'a1000000-0000-4000-8000-000000000001'),
	'https://push.example/pia-laptop https://push.example/pia-phone https://push.example/pia-watch / -', 'to every device again: a new reminder');
-- Its run dies; the next one claims it again after the lease, and the first run's outcome arrives late.
select is(pg_temp.run('2026-09-02T08:05:00Z'), 1::bigint, '08:05: claimed again after the lease');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-02T08:00:00Z', 'a1000000-0000-4000-8000-000000000001'), jsonb_build_object(
		'status', 'retry', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/pia-phone'), 'status', 'sent')))),
	'pending', 'attempt 1''s late outcome: the phone got it; the reminder stays with attempt 2');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-02T08:05:00Z', 'a1000000-0000-4000-8000-000000000001'), '{"status": "sent", "attempt": 2}'),
	'sent', 'attempt 2 sent to the rest: an outcome naming no target settles every pending one');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-02T08:00:00Z', 'a1000000-0000-4000-8000-000000000001')),
	'push https://push.example/pia-laptop sent 2; push https://push.example/pia-phone sent 2; push https://push.example/pia-watch sent 2',
	'every device got it');
select pg_temp.done('a1000000-0000-4000-8000-000000000001', 'a1100000-0000-4000-8000-000000000001');
select pg_temp.done('a1000000-0000-4000-8000-000000000001', 'a1200000-0000-4000-8000-000000000001');

-- ---------------------------------------------------------------------------------------------
-- Quinn: the morning summary, pushed and emailed; the mail server is down, then she unsubscribes
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('a2000000-0000-4000-8000-000000000002', 'https://push.example/quinn');
select pg_temp.settings_of('a2000000-0000-4000-8000-000000000002', '{"digest": true}');
select pg_temp.follow_up('a2000000-0000-4000-8000-000000000002', 'a2100000-0000-4000-8000-000000000001', 'Quinn''s contact', '2026-09-10T15:00:00Z');
select pg_temp.follow_up('a2000000-0000-4000-8000-000000000002', 'a2200000-0000-4000-8000-000000000001', 'Quinn''s later', '2026-09-11T15:00:00Z');
select is(pg_temp.run('2026-09-10T08:00:00Z'), 1::bigint, '10 September 08:00: Quinn''s summary');
select is(pg_temp.sends('2026-09-10T08:00:00Z', 'a2000000-0000-4000-8000-000000000002'), 'https://push.example/quinn / quinn@test.example',
	'pushed to her device and emailed');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-10T08:00:00Z', 'a2000000-0000-4000-8000-000000000002'), jsonb_build_object(
		'status', 'sent', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/quinn'), 'status', 'sent'),
			jsonb_build_object('target', 'email', 'status', 'retry')))),
	'released', 'the push went out, the email did not: released for the email');
select is(pg_temp.run('2026-09-10T08:05:00Z'), 1::bigint, '08:05: claimed again');
select is(pg_temp.sends('2026-09-10T08:05:00Z', 'a2000000-0000-4000-8000-000000000002'), '- / quinn@test.example',
	'for the email only: the push is not sent again');
select is((select jsonb_array_length(follow_ups) from claimed where at = '2026-09-10T08:05:00Z'), 1, 'about the same follow-up');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-10T08:05:00Z', 'a2000000-0000-4000-8000-000000000002'),
		'{"status": "retry", "attempt": 2, "targets": [{"target": "email", "status": "retry"}]}'),
	'released', 'the mail server is still down');
select ok(app_private.stop_digest('a2000000-0000-4000-8000-000000000002'), 'Quinn turns the digest off (the one-click unsubscribe)');
select is(pg_temp.run('2026-09-10T08:10:00Z'), 0::bigint, '08:10: nothing to send: the email is not wanted any more');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-10T08:00:00Z', 'a2000000-0000-4000-8000-000000000002')),
	'email - cancelled 2; push https://push.example/quinn sent 1', 'the email is cancelled');
select is((select status from app_private.reminder_claims where id = pg_temp.claim_of('2026-09-10T08:00:00Z', 'a2000000-0000-4000-8000-000000000002')),
	'sent', 'and the reminder is sent (her device got it): what it covered is not reminded again');
select pg_temp.done('a2000000-0000-4000-8000-000000000002', 'a2100000-0000-4000-8000-000000000001');
select pg_temp.done('a2000000-0000-4000-8000-000000000002', 'a2200000-0000-4000-8000-000000000001');

-- ---------------------------------------------------------------------------------------------
-- Rae: the second device fails for longer than the message's TTL (6 hours for due_soon)
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('a3000000-0000-4000-8000-000000000003', 'https://push.example/rae-a');
select pg_temp.register('a3000000-0000-4000-8000-000000000003', 'https://push.example/rae-b');
select pg_temp.settings_of('a3000000-0000-4000-8000-000000000003', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
select pg_temp.follow_up('a3000000-0000-4000-8000-000000000003', 'a3100000-0000-4000-8000-000000000001', 'Rae''s contact', '2026-09-20T12:00:00Z');
select is(pg_temp.run('2026-09-20T08:00:00Z'), 1::bigint, '20 September 08:00: Rae''s reminder');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-20T08:00:00Z', 'a3000000-0000-4000-8000-000000000003'), jsonb_build_object(
		'status', 'sent', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/rae-a'), 'status', 'sent'),
			jsonb_build_object('target', pg_temp.device('https://push.example/rae-b'), 'status', 'retry')))),
	'released', 'device B answered 500');
select is(pg_temp.run('2026-09-20T08:05:00Z'), 1::bigint, '08:05: claimed again, for B');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-20T08:05:00Z', 'a3000000-0000-4000-8000-000000000003'),
		jsonb_build_object('status', 'retry', 'attempt', 2, 'retry_after', 86400, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/rae-b'), 'status', 'retry')))),
	'released', 'B answers 503 with a Retry-After of a day');
select is(pg_temp.run('2026-09-20T14:05:00Z'), 1::bigint, '14:05 (her follow-up overdue): one reminder');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-20T08:00:00Z', 'a3000000-0000-4000-8000-000000000003')),
	'push https://push.example/rae-a sent 1; push https://push.example/rae-b expired 2',
	'B was given up when the reminder''s 6 hours were over');
select is(
	(select kind || ' ' || (claim_id <> pg_temp.claim_of('2026-09-20T08:00:00Z', 'a3000000-0000-4000-8000-000000000003'))::text from claimed where at = '2026-09-20T14:05:00Z' and user_id = 'a3000000-0000-4000-8000-000000000003'),
	'overdue true', 'the claim is sent, and her overdue reminder, a new one, goes out');
select is(pg_temp.sends('2026-09-20T14:05:00Z', 'a3000000-0000-4000-8000-000000000003'),
	'https://push.example/rae-a https://push.example/rae-b / -', 'to both devices');
select pg_temp.done('a3000000-0000-4000-8000-000000000003', 'a3100000-0000-4000-8000-000000000001');

-- ---------------------------------------------------------------------------------------------
-- Sam's tablet fails; before the retry, Tom registers that device: the retry never reaches Tom
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('a4000000-0000-4000-8000-000000000004', 'https://push.example/sam-phone');
select pg_temp.register('a4000000-0000-4000-8000-000000000004', 'https://push.example/shared-tablet');
select pg_temp.settings_of('a4000000-0000-4000-8000-000000000004', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
select pg_temp.follow_up('a4000000-0000-4000-8000-000000000004', 'a4100000-0000-4000-8000-000000000001', 'Sam''s contact', '2026-09-25T12:00:00Z');
select is(pg_temp.run('2026-09-25T08:00:00Z'), 1::bigint, '25 September 08:00: Sam''s reminder');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-25T08:00:00Z', 'a4000000-0000-4000-8000-000000000004'), jsonb_build_object(
		'status', 'sent', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/sam-phone'), 'status', 'sent'),
			jsonb_build_object('target', pg_temp.device('https://push.example/shared-tablet'), 'status', 'retry')))),
	'released', 'the tablet timed out');
select pg_temp.register('a5000000-0000-4000-8000-000000000005', 'https://push.example/shared-tablet');
select is(pg_temp.run('2026-09-25T08:05:00Z'), 0::bigint, '08:05: nothing is sent: the tablet is Tom''s now');
select is((select status from app_private.reminder_claims where id = pg_temp.claim_of('2026-09-25T08:00:00Z', 'a4000000-0000-4000-8000-000000000004')),
	'sent', 'Sam''s reminder is sent (his phone got it)');
select pg_temp.done('a4000000-0000-4000-8000-000000000004', 'a4100000-0000-4000-8000-000000000001');

-- ---------------------------------------------------------------------------------------------
-- Uma's second device fails; she marks the follow-up done before the retry, then reopens it
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('a6000000-0000-4000-8000-000000000006', 'https://push.example/uma-a');
select pg_temp.register('a6000000-0000-4000-8000-000000000006', 'https://push.example/uma-b');
select pg_temp.settings_of('a6000000-0000-4000-8000-000000000006', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
select pg_temp.follow_up('a6000000-0000-4000-8000-000000000006', 'a6100000-0000-4000-8000-000000000001', 'Uma''s contact', '2026-09-27T12:00:00Z');
select is(pg_temp.run('2026-09-27T08:00:00Z'), 1::bigint, '27 September 08:00: Uma''s reminder');
select is(
	app_private.finish_reminder(pg_temp.claim_of('2026-09-27T08:00:00Z', 'a6000000-0000-4000-8000-000000000006'), jsonb_build_object(
		'status', 'sent', 'attempt', 1, 'targets', jsonb_build_array(
			jsonb_build_object('target', pg_temp.device('https://push.example/uma-a'), 'status', 'sent'),
			jsonb_build_object('target', pg_temp.device('https://push.example/uma-b'), 'status', 'retry')))),
	'released', 'device B answered 502');
select pg_temp.done('a6000000-0000-4000-8000-000000000006', 'a6100000-0000-4000-8000-000000000001');
select is(pg_temp.run('2026-09-27T08:05:00Z'), 0::bigint, '08:05: done meanwhile: B is not sent it');
select is(pg_temp.targets(pg_temp.claim_of('2026-09-27T08:00:00Z', 'a6000000-0000-4000-8000-000000000006')),
	'push https://push.example/uma-a sent 1; push https://push.example/uma-b cancelled 1', 'B is cancelled, and the reminder is sent');
select pg_temp.reopen('a6000000-0000-4000-8000-000000000006', 'a6100000-0000-4000-8000-000000000001');
select is(pg_temp.run('2026-09-27T08:10:00Z'), 0::bigint, 'reopened, it is not reminded again: device A got that reminder');
select pg_temp.done('a6000000-0000-4000-8000-000000000006', 'a6100000-0000-4000-8000-000000000001');

-- ---------------------------------------------------------------------------------------------
-- The outcome's form, who reads the targets, and "Delete all my data"
-- ---------------------------------------------------------------------------------------------
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "sent", "targets": [{"target": "sms", "status": "sent"}]}') $$,
	'22023', null, 'a target is a subscription id or "email"');
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "sent", "targets": [{"target": "email", "status": "gone"}]}') $$,
	'22023', null, 'a target''s status is sent, retry or failed');
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "sent", "targets": {"email": "sent"}}') $$,
	'22023', null, 'targets is a list');
select pg_temp.act_as('a1000000-0000-4000-8000-000000000001');
select is((select count(*)::int from app_private.reminder_targets), 6, 'Pia reads her own reminders'' targets');
select is((select count(*)::int from app_private.reminder_targets where owner_id <> 'a1000000-0000-4000-8000-000000000001'), 0, 'and no one else''s');
select throws_ok($$ update app_private.reminder_targets set status = 'pending' $$, '42501', null, 'she cannot change them');
select ok(public.delete_my_data() > 0, 'Pia deletes all her data');
reset role;
select is((select count(*)::int from app_private.reminder_targets where owner_id = 'a1000000-0000-4000-8000-000000000001'), 0, 'her reminders'' targets are gone with it');

select * from finish();
rollback;
