-- Pruning the reminder ledger (supabase/migrations/20261210120000_reminder_pruning.sql): finished
-- reminders older than a week go, oldest first, with their targets and their summary key; what
-- keeps a follow-up's reminders from going twice stays; nothing unfinished is pruned; and runs
-- after a prune send nothing again. tests/functions/prune.test.ts runs it in the sender's passes.
begin;
select plan(23);

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

create function pg_temp.got(at timestamptz, who uuid) returns text language sql as $$
	select string_agg(c.kind || ' ' || coalesce((select string_agg(f ->> 'follow_up_id', ' ' order by n) from jsonb_array_elements(c.follow_ups) with ordinality as e (f, n)), ''), '; ')
	from claimed as c where c.at = got.at and c.user_id = who;
$$;
create function pg_temp.finish(at timestamptz, who uuid, outcome jsonb default '{"status": "sent"}') returns text language sql as $$
	select app_private.finish_reminder(pg_temp.claim_of(finish.at, who), outcome);
$$;
create function pg_temp.items(who uuid) returns text language sql as $$
	select string_agg(split_part(i.key, ':', 1) || ' ' || case when i.claim_id is null then 'kept' else 'claimed' end, ', ' order by i.key)
	from app_private.reminder_items as i where i.owner_id = who;
$$;

insert into auth.users (id, email) values
	('b1000000-0000-4000-8000-000000000001', 'vic@test.example'),
	('b2000000-0000-4000-8000-000000000002', 'wes@test.example');

-- Vic: the morning summary and the digest each day, and her follow-up's overdue reminder once.
select pg_temp.register('b1000000-0000-4000-8000-000000000001', 'https://push.example/vic');
select pg_temp.settings_of('b1000000-0000-4000-8000-000000000001', '{"digest": true, "quiet_start": "00:00", "quiet_end": "00:00"}');
select pg_temp.follow_up('b1000000-0000-4000-8000-000000000001', 'b1100000-0000-4000-8000-000000000001', 'Vic''s contact', '2026-10-01T12:00:00Z');
-- Wes: his reminder waits for a retry.
select pg_temp.register('b2000000-0000-4000-8000-000000000002', 'https://push.example/wes');
select pg_temp.settings_of('b2000000-0000-4000-8000-000000000002', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
select pg_temp.follow_up('b2000000-0000-4000-8000-000000000002', 'b2100000-0000-4000-8000-000000000001', 'Wes''s contact', '2026-10-01T12:00:00Z');

select pg_temp.run('2026-10-01T08:00:00Z');
select is(pg_temp.got('2026-10-01T08:00:00Z', 'b1000000-0000-4000-8000-000000000001'), 'summary b1100000-0000-4000-8000-000000000001', '1 October 08:00: Vic''s summary');
select is(pg_temp.finish('2026-10-01T08:00:00Z', 'b1000000-0000-4000-8000-000000000001'), 'sent', 'pushed and emailed');
select is(pg_temp.finish('2026-10-01T08:00:00Z', 'b2000000-0000-4000-8000-000000000002', '{"status": "retry", "retry_after": 86400}'), 'released', 'Wes''s waits a day for its retry');
select pg_temp.run('2026-10-01T12:05:00Z');
select is(pg_temp.got('2026-10-01T12:05:00Z', 'b1000000-0000-4000-8000-000000000001'), 'overdue b1100000-0000-4000-8000-000000000001', '12:05: overdue');
select is(pg_temp.finish('2026-10-01T12:05:00Z', 'b1000000-0000-4000-8000-000000000001'), 'sent', 'sent');
select pg_temp.run('2026-10-02T08:00:00Z');
select is(pg_temp.got('2026-10-02T08:00:00Z', 'b1000000-0000-4000-8000-000000000001'), 'summary b1100000-0000-4000-8000-000000000001', '2 October 08:00: her summary');
select is(pg_temp.finish('2026-10-02T08:00:00Z', 'b1000000-0000-4000-8000-000000000001'), 'sent', 'sent');
select is(pg_temp.items('b1000000-0000-4000-8000-000000000001'), 'due_soon claimed, overdue claimed, summary claimed, summary claimed', 'what Vic''s three reminders covered');

select is(app_private.prune_reminders('2026-10-05T12:00:00Z'), 0, '5 October: nothing is a week old');
select is(app_private.prune_reminders('2026-10-08T08:30:00Z', 1), 1, '8 October 08:30: one, the oldest');
select ok(not exists (select 1 from app_private.reminder_claims where id = pg_temp.claim_of('2026-10-01T08:00:00Z', 'b1000000-0000-4000-8000-000000000001')),
	'the 1 October summary is gone');
select is((select count(*)::int from app_private.reminder_targets where claim_id = pg_temp.claim_of('2026-10-01T08:00:00Z', 'b1000000-0000-4000-8000-000000000001')), 0,
	'with its targets');
select is(pg_temp.items('b1000000-0000-4000-8000-000000000001'), 'due_soon kept, overdue claimed, summary claimed',
	'and its summary key; what it said of the follow-up stays');
select is(app_private.prune_reminders('2026-10-09T12:10:00Z'), 2, '9 October 12:10: the overdue reminder and the 2 October summary');
select is(pg_temp.items('b1000000-0000-4000-8000-000000000001'), 'due_soon kept, overdue kept', 'Vic''s follow-up''s keys stay');
select is((select status from app_private.reminder_claims where owner_id = 'b2000000-0000-4000-8000-000000000002'), 'pending', 'Wes''s unfinished reminder (claimed again on 2 October, its run died) stays');
select is(app_private.prune_reminders('2026-12-01T00:00:00Z'), 0, 'and is never pruned');

-- After the prune: today's summary, and the overdue reminder not again.
select pg_temp.run('2026-10-10T08:00:00Z');
select is(pg_temp.got('2026-10-10T08:00:00Z', 'b1000000-0000-4000-8000-000000000001'), 'summary b1100000-0000-4000-8000-000000000001', '10 October 08:00: her summary');
select is(pg_temp.finish('2026-10-10T08:00:00Z', 'b1000000-0000-4000-8000-000000000001'), 'sent', 'sent');
select pg_temp.run('2026-10-10T12:05:00Z');
select is(pg_temp.got('2026-10-10T12:05:00Z', 'b1000000-0000-4000-8000-000000000001'), null, '12:05: nothing: the overdue reminder went on 1 October');
select is(pg_temp.items('b1000000-0000-4000-8000-000000000001'), 'due_soon kept, overdue kept, summary claimed', 'nothing of the follow-up was claimed again');

select throws_ok($$ select app_private.prune_reminders(now(), 0) $$, '22023', null, 'a limit below 1 is refused');
select ok(
	has_function_privilege('service_role', 'app_private.prune_reminders(timestamptz,integer)', 'execute')
	and not has_function_privilege('authenticated', 'app_private.prune_reminders(timestamptz,integer)', 'execute')
	and not has_function_privilege('anon', 'app_private.prune_reminders(timestamptz,integer)', 'execute'),
	'the sender may prune; signed-in users and anonymous visitors may not');

select * from finish();
rollback;
