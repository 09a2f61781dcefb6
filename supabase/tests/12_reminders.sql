-- Reminders: who can reach the devices, settings and ledger; what the app's four functions accept;
-- and what claim_reminders picks, run by run, with the clock given (p_now): due soon, overdue once,
-- the morning summary, quiet hours, the daily cap, time zones from UTC−11 to UTC+14 and DST
-- changes, the ledger, leases and retries. Two runs at once: tests/db/reminders-concurrency.test.ts.
begin;
select plan(168);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
create function pg_temp.act_anon() returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', '{"role":"anon"}', true);
	perform set_config('role', 'anon', true);
end;
$$;
-- A signed-in call, then back to postgres.
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
create function pg_temp.register(who uuid, endpoint text, zone text) returns uuid language plpgsql as $$
declare
	id uuid;
begin
	perform pg_temp.act_as(who);
	id := public.save_push_subscription(pg_temp.sub(endpoint), zone);
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
-- PushSubscription.toJSON() of a device (a real P-256 public key and auth secret).
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
-- A person met, with a note and a follow-up due at `due` (extra: more follow-up fields), written
-- the way the app writes: through sync_push. The person and the encounter share the follow-up's id.
create function pg_temp.follow_up(who uuid, id uuid, name text, due timestamptz, extra jsonb default '{}')
returns text language sql as $$
	select pg_temp.push_as(who, jsonb_build_array(
		jsonb_build_object('mid', 1, 'table', 'people', 'id', id, 'fields', jsonb_build_object('name', name)),
		jsonb_build_object('mid', 2, 'table', 'encounters', 'id', id, 'fields', jsonb_build_object(
			'person_id', id, 'met_at', '2026-01-01T10:00:00Z', 'note', 'Talked with ' || name || E' about rust\nsecond line')),
		jsonb_build_object('mid', 3, 'table', 'follow_ups', 'id', id, 'fields', jsonb_build_object(
			'person_id', id, 'encounter_id', id, 'due_at', due, 'queue_at', due) || extra)
	)) ->> 'last_mid';
$$;
create function pg_temp.change(who uuid, tbl text, id uuid, fields jsonb, op text default 'upsert') returns text language sql as $$
	-- Based on what the device last saw (a base past every change): an edit, not a concurrent one.
	select pg_temp.push_as(who, jsonb_build_array(jsonb_build_object('mid', 1, 'table', tbl, 'id', id, 'op', op, 'base_seq', 1000000000, 'fields', fields)))
		-> 'results' -> 0 ->> 'status';
$$;

-- Every claim made, by the run's time: a run claims for every user, so each is made once and read back.
create temporary table claimed (
	at timestamptz, claim_id uuid, tag text, user_id uuid, kind text, follow_ups jsonb, open_count integer,
	hide_names boolean, subscriptions jsonb, email text, time_zone text, local_day date, attempt integer
) on commit drop;
create function pg_temp.run(at timestamptz, batch integer default 100) returns bigint language sql as $$
	insert into claimed select at, c.* from app_private.claim_reminders(at, batch) as c;
	select count(*) from claimed as c where c.at = run.at;
$$;
-- The run's claim for `who` (kind, the follow-ups' ids in order), or null.
create function pg_temp.got(at timestamptz, who uuid) returns text language sql as $$
	select string_agg(c.kind || ' ' || coalesce((select string_agg(f ->> 'follow_up_id', ' ' order by n) from jsonb_array_elements(c.follow_ups) with ordinality as e (f, n)), ''), '; ')
	from claimed as c where c.at = got.at and c.user_id = who;
$$;
create function pg_temp.finish_all(at timestamptz) returns bigint language sql as $$
	select count(*) from claimed as c where c.at = finish_all.at and app_private.finish_reminder(c.claim_id, '{"status": "sent"}') = 'sent';
$$;
-- A user stops taking part (so later runs, at other times, are only about the next users).
create function pg_temp.retire(who uuid) returns void language sql as $$
	delete from app_private.push_subscriptions where owner_id = who;
	delete from app_private.reminder_settings where owner_id = who;
$$;

insert into auth.users (id, email) values
	('a0000000-0000-4000-8000-000000000001', 'ada@test.example'),
	('b0000000-0000-4000-8000-000000000002', 'bob@test.example'),
	('c0000000-0000-4000-8000-000000000003', 'carol@test.example'),
	('d0000000-0000-4000-8000-000000000004', 'pago@test.example'),
	('e0000000-0000-4000-8000-000000000005', 'kiri@test.example'),
	('f0000000-0000-4000-8000-000000000006', 'dana@test.example'),
	('10000000-0000-4000-8000-000000000007', 'nina@test.example'),
	('11000000-0000-4000-8000-000000000008', 'erin@test.example'),
	('12000000-0000-4000-8000-000000000009', 'fred@test.example'),
	('13000000-0000-4000-8000-00000000000a', 'gina@test.example'),
	('14000000-0000-4000-8000-00000000000b', 'hugo@test.example'),
	('15000000-0000-4000-8000-00000000000c', 'ivy@test.example'),
	('16000000-0000-4000-8000-00000000000d', 'jack@test.example'),
	('18000000-0000-4000-8000-00000000000f', 'kim@test.example'),
	('19000000-0000-4000-8000-000000000010', 'leo@test.example'),
	('1a000000-0000-4000-8000-000000000011', 'mia@test.example');

-- ---------------------------------------------------------------------------------------------
-- Who can reach what
-- ---------------------------------------------------------------------------------------------
select isa_ok(pg_temp.register('15000000-0000-4000-8000-00000000000c', 'https://push.example/ivy-phone', 'Europe/Lisbon'), 'uuid', 'Ivy registers her phone');
select isa_ok(pg_temp.register('15000000-0000-4000-8000-00000000000c', 'https://push.example/ivy-laptop', 'Europe/Lisbon'), 'uuid', 'and her laptop');
select pg_temp.settings_of('15000000-0000-4000-8000-00000000000c', '{"digest": true}');

select ok(
	(select bool_and(c.relrowsecurity and c.relforcerowsecurity) from pg_class c
	 where c.oid in ('app_private.push_subscriptions'::regclass, 'app_private.reminder_settings'::regclass,
	                 'app_private.reminder_claims'::regclass, 'app_private.reminder_items'::regclass)),
	'RLS is enabled and forced on the four reminder tables'
);
select is_empty(
	$$ select format('%s %s', r, f) from (values ('anon'), ('authenticated')) as roles (r)
	   cross join (values ('app_private.claim_reminders(timestamptz,integer)'), ('app_private.finish_reminder(uuid,jsonb)'), ('app_private.stop_digest(uuid)')) as fns (f)
	   where has_function_privilege(r, f::regprocedure, 'execute') $$,
	'neither anon nor authenticated may execute the sender''s functions'
);
select ok(
	has_function_privilege('service_role', 'app_private.claim_reminders(timestamptz,integer)', 'execute')
	and has_function_privilege('service_role', 'app_private.finish_reminder(uuid,jsonb)', 'execute')
	and has_function_privilege('service_role', 'app_private.stop_digest(uuid)', 'execute'),
	'service_role may execute them'
);
select is_empty(
	$$ select f from (values ('public.save_push_subscription(jsonb,text)'), ('public.forget_push_subscription(text)'),
	                         ('public.get_reminder_settings()'), ('public.save_reminder_settings(jsonb)')) as fns (f)
	   where has_function_privilege('anon', f::regprocedure, 'execute') or not has_function_privilege('authenticated', f::regprocedure, 'execute') $$,
	'the app''s four are for signed-in users only'
);
select is_empty(
	$$ select c.relname from pg_class c where c.relnamespace = 'app_private'::regnamespace and c.relname like any (array['push_subscriptions', 'reminder_%'])
	   and (has_table_privilege('service_role', c.oid, 'select, insert, update, delete') or has_table_privilege('anon', c.oid, 'select, insert, update, delete')
	        or has_table_privilege('authenticated', c.oid, 'insert, update') and c.relname in ('reminder_claims', 'reminder_items')) $$,
	'the ledger is written by the sender''s functions only; service_role and anon hold no table privilege'
);

select pg_temp.act_anon();
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/x'), 'UTC') $$, '42501', null, 'anon cannot register a device');
select throws_ok($$ select public.forget_push_subscription('https://push.example/ivy-phone') $$, '42501', null, 'anon cannot forget a device');
select throws_ok($$ select public.get_reminder_settings() $$, '42501', null, 'anon cannot read reminder settings');
select throws_ok($$ select public.save_reminder_settings('{"digest": false}') $$, '42501', null, 'anon cannot change them');
select throws_ok($$ select * from app_private.push_subscriptions $$, '42501', null, 'anon cannot read devices');
select throws_ok($$ select * from app_private.reminder_claims $$, '42501', null, 'anon cannot read the ledger');
select throws_ok($$ select * from app_private.claim_reminders(now(), 10) $$, '42501', null, 'anon cannot claim reminders');
reset role;

select pg_temp.act_as('16000000-0000-4000-8000-00000000000d');
select throws_ok($$ select * from app_private.claim_reminders(now(), 10) $$, '42501', null, 'a signed-in user cannot claim reminders');
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "sent"}') $$, '42501', null, 'nor finish one');
select throws_ok($$ select app_private.stop_digest('15000000-0000-4000-8000-00000000000c') $$, '42501', null, 'nor turn off another user''s digest');
select is_empty($$ select 1 from app_private.push_subscriptions $$, 'Jack sees none of Ivy''s devices');
select is_empty($$ select 1 from app_private.reminder_settings $$, 'nor her settings');
select throws_ok(
	$$ insert into app_private.push_subscriptions (owner_id, endpoint, p256dh, auth, time_zone)
	   values ('15000000-0000-4000-8000-00000000000c', 'https://push.example/forged', repeat('B', 87), repeat('A', 22), 'UTC') $$,
	'42501', null, 'Jack cannot add a device in Ivy''s name'
);
select is_empty($$ update app_private.push_subscriptions set endpoint = endpoint || 'x' returning 1 $$, 'Jack changes none of Ivy''s devices');
select is_empty($$ delete from app_private.push_subscriptions returning 1 $$, 'Jack deletes none of Ivy''s devices');
select is_empty($$ update app_private.reminder_settings set digest = false returning 1 $$, 'Jack cannot turn off Ivy''s digest');
select throws_ok(
	$$ insert into app_private.reminder_claims (owner_id, kind, local_day, claimed_at) values ('16000000-0000-4000-8000-00000000000d', 'summary', '2026-01-01', now()) $$,
	'42501', null, 'a user cannot write the ledger, even for themselves'
);
select throws_ok(
	$$ update app_private.reminder_settings set last_claim_at = now() $$,
	'42501', null, 'nor the sender''s own column of the settings'
);
select lives_ok($$ select public.forget_push_subscription('https://push.example/ivy-laptop') $$, 'Jack "forgets" Ivy''s laptop');
-- Jack signs in on Ivy's phone and turns reminders on there: the phone is his now.
select isa_ok(public.save_push_subscription(pg_temp.sub('https://push.example/ivy-phone'), 'Europe/Lisbon'), 'uuid', 'Jack registers the phone Ivy registered before');
reset role;
select results_eq(
	$$ select owner_id, endpoint from app_private.push_subscriptions where owner_id in ('15000000-0000-4000-8000-00000000000c', '16000000-0000-4000-8000-00000000000d') order by endpoint $$,
	$$ values ('15000000-0000-4000-8000-00000000000c'::uuid, 'https://push.example/ivy-laptop'), ('16000000-0000-4000-8000-00000000000d'::uuid, 'https://push.example/ivy-phone') $$,
	'the phone moved to Jack; Ivy''s laptop stayed hers, and Jack could neither forget nor silence it'
);
select is((select digest from app_private.reminder_settings where owner_id = '15000000-0000-4000-8000-00000000000c'), true, 'Ivy''s digest is still on');

-- ---------------------------------------------------------------------------------------------
-- What save_push_subscription and the settings accept
-- ---------------------------------------------------------------------------------------------
select pg_temp.act_as('15000000-0000-4000-8000-00000000000c');
select is(
	public.save_push_subscription(pg_temp.sub('https://push.example/ivy-laptop'), 'Asia/Tokyo'),
	(select id from app_private.push_subscriptions where endpoint = 'https://push.example/ivy-laptop'),
	'registering a device again keeps its id'
);
select is(public.get_reminder_settings() ->> 'time_zone', 'Asia/Tokyo', 'and the zone it reports becomes the account''s');
select is(
	public.save_push_subscription(pg_temp.sub('https://push.example/ivy-tablet') || '{"keys": {"p256dh": "BP4nI6EdbrsfbIXLYZepg3XrWDsfsUcxEwQuZlsvJA4mE4CLe9BeBd7aqEfDiEiv8chShHQwjoQT-qtUKUjn3Fo=", "auth": "z02yjyFKAg_nW2wyZT1_og=="}, "expirationTime": 1798761600000}', 'Asia/Tokyo') is not null,
	true,
	'padded keys and an expiration time are accepted'
);
select is(
	(select expires_at from app_private.push_subscriptions where endpoint = 'https://push.example/ivy-tablet'),
	'2027-01-01T00:00:00Z'::timestamptz,
	'the expiration time is kept'
);
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('http://push.example/plain'), 'UTC') $$, '22023',
	'The subscription''s endpoint must be an https:// URL of at most 2048 characters.', 'an http endpoint is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://user@push.example/x'), 'UTC') $$, '22023', null, 'an endpoint with credentials is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/' || repeat('a', 2040)), 'UTC') $$, '22023', null, 'an endpoint over 2048 characters is refused');
select throws_ok($$ select public.save_push_subscription('{"endpoint": "https://push.example/nokeys"}', 'UTC') $$, '22023',
	'The subscription has no keys (p256dh and auth).', 'a subscription without keys is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/k') || '{"keys": {"p256dh": "BF5d7-9R", "auth": "2z9UdGXVPtMTomb-vhR-Yg"}}', 'UTC') $$, '22023',
	'The subscription''s keys.p256dh must be 65 bytes (an uncompressed P-256 public key).', 'a short p256dh is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/k') || '{"keys": {"p256dh": "AF5d7-9RCx579d3PjmOBhc11fiD_YTUJeFIvQ2uF0tUazYBtxLyR3gbI_Xwuyb2AH-ajmDU-HJZdcxxEe5i7RFA", "auth": "2z9UdGXVPtMTomb-vhR-Yg"}}', 'UTC') $$, '22023',
	null, 'a p256dh that is no uncompressed point is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/k') || '{"keys": {"p256dh": "BF5d7-9RCx579d3PjmOBhc11fiD_YTUJeFIvQ2uF0tUazYBtxLyR3gbI_Xwuyb2AH-ajmDU-HJZdcxxEe5i7RFA", "auth": "2z9U+GXVPtMTomb/vhR-Yg"}}', 'UTC') $$, '22023',
	'The subscription''s keys.auth must be base64url text.', 'an auth secret in plain base64 is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/k') || '{"expirationTime": "soon"}', 'UTC') $$, '22023', null, 'an expiration time that is no number is refused');
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/k'), 'Mars/Olympus_Mons') $$, '22023',
	'Unknown time zone ''Mars/Olympus_Mons''; give an IANA name such as Europe/Berlin.', 'an unknown time zone is refused');
select throws_ok($$ select public.save_push_subscription('"https://push.example/k"', 'UTC') $$, '22023', null, 'a subscription sent as a JSON string is refused');
select is((select count(*)::int from app_private.push_subscriptions where endpoint like 'https://push.example/k%'), 0, 'nothing refused was stored');
select lives_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/many-' || n), 'UTC') from generate_series(1, 21) as n $$, '21 more devices');
reset role;
select is((select count(*)::int from app_private.push_subscriptions where owner_id = '15000000-0000-4000-8000-00000000000c'), 20, 'an account keeps at most 20 devices');
select pg_temp.act_as('15000000-0000-4000-8000-00000000000c');
select is(
	public.save_reminder_settings('{"quiet_start": "22:30", "hide_names": true}'),
	'{"digest": true, "digest_time": "08:00", "quiet_start": "22:30", "quiet_end": "08:00", "time_zone": "UTC", "hide_names": true}'::jsonb,
	'saving settings changes only those given, and returns them all'
);
select throws_ok($$ select public.save_reminder_settings('{"digest": true, "email": "x@y.example"}') $$, '22023',
	'Unknown reminder setting "email"; the settings are digest, digest_time, quiet_start, quiet_end, time_zone and hide_names.', 'an unknown setting is refused');
select throws_ok($$ select public.save_reminder_settings('{"digest_time": "25:00"}') $$, '22023',
	'digest_time must be a time of day as "HH:MM" (00:00 to 23:59), not "25:00".', 'a time past 23:59 is refused');
select throws_ok($$ select public.save_reminder_settings('{"quiet_end": "8:00"}') $$, '22023', null, 'a time not written HH:MM is refused');
select throws_ok($$ select public.save_reminder_settings('{"digest": "yes"}') $$, '22023', 'digest must be true or false.', 'a digest that is no boolean is refused');
select throws_ok($$ select public.save_reminder_settings('{"time_zone": "CEST+2"}') $$, '22023', null, 'a zone that is no IANA name is refused');
select throws_ok($$ select public.save_reminder_settings('[]') $$, '22023', null, 'settings that are no object are refused');
select is(public.get_reminder_settings() ->> 'quiet_start', '22:30', 'the refused saves changed nothing');
select pg_temp.act_as('16000000-0000-4000-8000-00000000000d');
select lives_ok($$ select public.forget_push_subscription('https://push.example/ivy-phone') $$, 'Jack turns reminders off on the phone');
select is(
	public.get_reminder_settings(),
	'{"digest": false, "digest_time": "08:00", "quiet_start": "21:00", "quiet_end": "08:00", "time_zone": "Europe/Lisbon", "hide_names": false}'::jsonb,
	'settings never saved are the defaults (the zone: the one his device reported)'
);
select pg_temp.act_as('17000000-0000-4000-8000-00000000000e');
select is(public.get_reminder_settings() ->> 'time_zone', 'UTC', 'an account that never reported a zone is in UTC');
select set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok($$ select public.save_push_subscription(pg_temp.sub('https://push.example/x'), 'UTC') $$, '42501', 'Sign in to get reminders on this device.', 'a call without a user is refused');
reset role;
select is((select count(*)::int from app_private.push_subscriptions where owner_id = '16000000-0000-4000-8000-00000000000d'), 0, 'the phone is forgotten');
select pg_temp.retire('15000000-0000-4000-8000-00000000000c');
select pg_temp.retire('16000000-0000-4000-8000-00000000000d');

-- ---------------------------------------------------------------------------------------------
-- What is due: one day of Ada's (UTC, no quiet hours, digest time 23:59 so no summary that day)
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('a0000000-0000-4000-8000-000000000001', 'https://push.example/ada-phone', 'UTC');
select pg_temp.settings_of('a0000000-0000-4000-8000-000000000001', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
-- Bob has settings, but no device and no digest; his follow-up is due first.
select pg_temp.settings_of('b0000000-0000-4000-8000-000000000002', '{"hide_names": true}');
select pg_temp.follow_up('b0000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000001', 'Bob''s contact', '2026-06-10T12:30:00Z');
select is(pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 'Priya Raman', '2026-06-10T15:00:00Z'), '3', 'F1 is due at 15:00');
select pg_temp.push_as('a0000000-0000-4000-8000-000000000001', $$[{"mid": 1, "table": "promises", "id": "a1100000-0000-4000-8000-000000000001", "fields": {
	"person_id": "a1000000-0000-4000-8000-000000000001", "encounter_id": "a1000000-0000-4000-8000-000000000001",
	"follow_up_id": "a1000000-0000-4000-8000-000000000001", "text": "Send the Kafka migration deck", "due_at": "2026-06-10T15:00:00Z"}}]$$);
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000001', 'Quentin', '2026-06-10T22:00:00Z');
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a3000000-0000-4000-8000-000000000001', 'Rosa (done)', '2026-06-10T13:00:00Z');
select is(pg_temp.change('a0000000-0000-4000-8000-000000000001', 'follow_ups', 'a3000000-0000-4000-8000-000000000001', '{"status": "done", "done_at": "2026-06-10T09:00:00Z", "channel": "email"}'), 'applied', 'F3 is done');
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a4000000-0000-4000-8000-000000000001', 'Sam (snoozed)', '2026-06-10T14:00:00Z', '{"snoozed_until": "2026-06-10T14:00:00Z"}');
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000001', 'Tara (deleted person)', '2026-06-10T13:00:00Z');
select is(pg_temp.change('a0000000-0000-4000-8000-000000000001', 'people', 'a5000000-0000-4000-8000-000000000001', '{}', 'delete'), 'applied', 'Tara is deleted');
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001', 'Uma (not a fit)', '2026-06-10T13:00:00Z', '{"status": "not-a-fit", "closed_reason": "recruiter"}');
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a7000000-0000-4000-8000-000000000001', 'Vic (deleted follow-up)', '2026-06-10T13:00:00Z');
select is(pg_temp.change('a0000000-0000-4000-8000-000000000001', 'follow_ups', 'a7000000-0000-4000-8000-000000000001', '{}', 'delete'), 'applied', 'Vic''s follow-up is deleted');
select pg_temp.follow_up('a0000000-0000-4000-8000-000000000001', 'a8000000-0000-4000-8000-000000000001', 'Wes (check-in)', '2026-06-10T17:00:00Z', '{"kind": "check-in", "due_at": "2026-09-10T17:00:00Z"}');

select is(pg_temp.run('2026-06-10T12:00:00Z'), 1::bigint, '12:00: one reminder');
select is(pg_temp.got('2026-06-10T12:00:00Z', 'a0000000-0000-4000-8000-000000000001'),
	'due_soon a1000000-0000-4000-8000-000000000001 a8000000-0000-4000-8000-000000000001',
	'due soon: Priya (15:00) and Wes''s check-in (17:00); not the done, snoozed, not-a-fit or deleted ones, nor Quentin (22:00)');
select is(
	(select follow_ups -> 0 from claimed where at = '2026-06-10T12:00:00Z'),
	jsonb_build_object('follow_up_id', 'a1000000-0000-4000-8000-000000000001', 'person_id', 'a1000000-0000-4000-8000-000000000001',
		'person_name', 'Priya Raman', 'topic', 'Send the Kafka migration deck', 'kind', 'follow-up', 'due_at', '2026-06-10T15:00:00+00:00', 'overdue', false),
	'each follow-up comes with the person''s name, the promise made as its topic, and when it is due'
);
select is((select follow_ups -> 1 ->> 'topic' from claimed where at = '2026-06-10T12:00:00Z'), 'Talked with Wes (check-in) about rust', 'without a promise, the topic is the note''s first line');
select is(
	(select jsonb_build_object('open', open_count, 'hide', hide_names, 'email', email, 'zone', time_zone, 'day', local_day, 'attempt', attempt, 'tag', tag = replace(claim_id::text, '-', ''),
		'devices', jsonb_path_query_array(subscriptions, '$[*].endpoint'))
	 from claimed where at = '2026-06-10T12:00:00Z'),
	'{"open": 3, "hide": false, "email": null, "zone": "UTC", "day": "2026-06-10", "attempt": 1, "tag": true, "devices": ["https://push.example/ada-phone"]}'::jsonb,
	'with the open count (Priya, Quentin, Wes), the device, no email (digest off), and a tag of the claim id''s 32 hex digits'
);
select is((select subscriptions -> 0 ->> 'p256dh' from claimed where at = '2026-06-10T12:00:00Z'), 'BF5d7-9RCx579d3PjmOBhc11fiD_YTUJeFIvQ2uF0tUazYBtxLyR3gbI_Xwuyb2AH-ajmDU-HJZdcxxEe5i7RFA', 'and the device''s keys');
select is(pg_temp.finish_all('2026-06-10T12:00:00Z'), 1::bigint, 'sent');
select is(pg_temp.run('2026-06-10T12:05:00Z'), 0::bigint, '12:05: nothing (the ledger: what was sent is not sent again)');
select is(pg_temp.run('2026-06-10T14:05:00Z'), 1::bigint, '14:05: one reminder');
select is(pg_temp.got('2026-06-10T14:05:00Z', 'a0000000-0000-4000-8000-000000000001'), 'overdue a4000000-0000-4000-8000-000000000001',
	'Sam''s snooze ended at 14:00, when he also became overdue');
select pg_temp.finish_all('2026-06-10T14:05:00Z');
select is(pg_temp.run('2026-06-10T15:05:00Z'), 1::bigint, '15:05: one reminder');
select is(pg_temp.got('2026-06-10T15:05:00Z', 'a0000000-0000-4000-8000-000000000001'), 'overdue a1000000-0000-4000-8000-000000000001', 'Priya is overdue, once');
select is((select follow_ups -> 0 ->> 'overdue' from claimed where at = '2026-06-10T15:05:00Z'), 'true', 'and marked overdue');
select pg_temp.finish_all('2026-06-10T15:05:00Z');
select is(pg_temp.run('2026-06-10T16:05:00Z'), 1::bigint, '16:05: one reminder');
select is(pg_temp.got('2026-06-10T16:05:00Z', 'a0000000-0000-4000-8000-000000000001'), 'due_soon a2000000-0000-4000-8000-000000000001', 'Quentin is due within 6 hours');
select pg_temp.finish_all('2026-06-10T16:05:00Z');
select is(pg_temp.run('2026-06-10T22:05:00Z'), 0::bigint, '22:05: Quentin is overdue, but Ada had her 4 reminders today');
select is(pg_temp.run('2026-06-11T00:05:00Z'), 1::bigint, '00:05 the next day: one reminder');
select is(pg_temp.got('2026-06-11T00:05:00Z', 'a0000000-0000-4000-8000-000000000001'), 'overdue a2000000-0000-4000-8000-000000000001',
	'Quentin''s overdue reminder, held back by the cap; Wes''s check-in is never overdue');
select is((select local_day from claimed where at = '2026-06-11T00:05:00Z'), '2026-06-11'::date, 'counted on the new day');
select pg_temp.finish_all('2026-06-11T00:05:00Z');
select is((select count(*)::int from claimed where user_id = 'b0000000-0000-4000-8000-000000000002'), 0, 'Bob, with no device and no digest, got nothing all day');
select pg_temp.retire('a0000000-0000-4000-8000-000000000001');
select pg_temp.retire('b0000000-0000-4000-8000-000000000002');

-- ---------------------------------------------------------------------------------------------
-- Quiet hours (Carol, UTC, the default 21:00–08:00, digest off)
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('c0000000-0000-4000-8000-000000000003', 'https://push.example/carol', 'UTC');
select pg_temp.follow_up('c0000000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'Night owl', '2026-06-12T03:00:00Z');
select is(pg_temp.run('2026-06-11T21:30:00Z'), 0::bigint, '21:30: due within 6 hours, but quiet hours');
select is(pg_temp.run('2026-06-12T02:00:00Z'), 0::bigint, '02:00: still quiet');
select is(pg_temp.run('2026-06-12T07:55:00Z'), 0::bigint, '07:55: still quiet, though overdue since 03:00');
select is(pg_temp.run('2026-06-12T08:00:00Z'), 1::bigint, '08:00: quiet hours end');
select is(pg_temp.got('2026-06-12T08:00:00Z', 'c0000000-0000-4000-8000-000000000003'), 'summary c1000000-0000-4000-8000-000000000001',
	'one notification: the morning summary, which carries what fell overdue in the night');
select is((select (follow_ups -> 0 ->> 'overdue') || ' ' || coalesce(email, 'no email') from claimed where at = '2026-06-12T08:00:00Z'), 'true no email',
	'overdue, and no email with the digest off');
select pg_temp.finish_all('2026-06-12T08:00:00Z');
select is(pg_temp.run('2026-06-12T08:05:00Z'), 0::bigint, '08:05: the overdue reminder went with the summary');
select pg_temp.retire('c0000000-0000-4000-8000-000000000003');

-- ---------------------------------------------------------------------------------------------
-- The digest time: Kim's (09:30) is kept; Leo's (22:00) falls in his quiet hours, so his summary
-- comes when they end, at 08:00
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('18000000-0000-4000-8000-00000000000f', 'https://push.example/kim', 'UTC');
select pg_temp.settings_of('18000000-0000-4000-8000-00000000000f', '{"digest_time": "09:30"}');
select pg_temp.register('19000000-0000-4000-8000-000000000010', 'https://push.example/leo', 'UTC');
select pg_temp.settings_of('19000000-0000-4000-8000-000000000010', '{"digest_time": "22:00"}');
select pg_temp.follow_up('18000000-0000-4000-8000-00000000000f', '18100000-0000-4000-8000-000000000001', 'Kim''s contact', '2026-09-01T16:00:00Z');
select pg_temp.follow_up('19000000-0000-4000-8000-000000000010', '19100000-0000-4000-8000-000000000001', 'Leo''s contact', '2026-09-01T16:00:00Z');
select is(pg_temp.run('2026-09-01T08:00:00Z'), 1::bigint, '08:00: one summary');
select is(pg_temp.got('2026-09-01T08:00:00Z', '19000000-0000-4000-8000-000000000010'), 'summary 19100000-0000-4000-8000-000000000001', 'Leo''s, at the end of his quiet hours');
select pg_temp.finish_all('2026-09-01T08:00:00Z');
select is(pg_temp.run('2026-09-01T09:25:00Z'), 0::bigint, '09:25: nothing for Kim yet');
select is(pg_temp.run('2026-09-01T09:30:00Z'), 1::bigint, '09:30: one summary');
select is(pg_temp.got('2026-09-01T09:30:00Z', '18000000-0000-4000-8000-00000000000f'), 'summary 18100000-0000-4000-8000-000000000001', 'Kim''s, at her digest time');
select pg_temp.finish_all('2026-09-01T09:30:00Z');
select is(pg_temp.run('2026-09-01T22:00:00Z'), 0::bigint, '22:00: Leo''s digest time passes in quiet hours with nothing more');
select pg_temp.retire('18000000-0000-4000-8000-00000000000f');
select pg_temp.retire('19000000-0000-4000-8000-000000000010');

-- ---------------------------------------------------------------------------------------------
-- UTC−11 and UTC+14: Pago Pago and Kiritimati, 25 hours apart, each at their own 08:00
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('d0000000-0000-4000-8000-000000000004', 'https://push.example/pago', 'Pacific/Pago_Pago');
select pg_temp.register('e0000000-0000-4000-8000-000000000005', 'https://push.example/kiri', 'Pacific/Kiritimati');
-- Both due at 17:00 local: Pago Pago's 10 June, Kiritimati's 11 June.
select pg_temp.follow_up('d0000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000001', 'Pago contact', '2026-06-11T04:00:00Z');
select pg_temp.follow_up('e0000000-0000-4000-8000-000000000005', 'e1000000-0000-4000-8000-000000000001', 'Kiri contact', '2026-06-11T03:00:00Z');
select is(pg_temp.run('2026-06-10T17:55:00Z'), 0::bigint, '17:55 UTC: 07:55 in Kiritimati, 06:55 in Pago Pago: quiet in both');
select is(pg_temp.run('2026-06-10T18:00:00Z'), 1::bigint, '18:00 UTC: one summary');
select is(
	(select user_id::text || ' ' || kind || ' ' || local_day || ' ' || time_zone from claimed where at = '2026-06-10T18:00:00Z'),
	'e0000000-0000-4000-8000-000000000005 summary 2026-06-11 Pacific/Kiritimati',
	'Kiritimati''s, for its 11 June'
);
select pg_temp.finish_all('2026-06-10T18:00:00Z');
select is(pg_temp.run('2026-06-10T18:55:00Z'), 0::bigint, '18:55 UTC: 07:55 in Pago Pago');
select is(pg_temp.run('2026-06-10T19:00:00Z'), 1::bigint, '19:00 UTC: one summary');
select is(
	(select user_id::text || ' ' || kind || ' ' || local_day || ' ' || time_zone from claimed where at = '2026-06-10T19:00:00Z'),
	'd0000000-0000-4000-8000-000000000004 summary 2026-06-10 Pacific/Pago_Pago',
	'Pago Pago''s, for its 10 June'
);
select pg_temp.retire('d0000000-0000-4000-8000-000000000004');
select pg_temp.retire('e0000000-0000-4000-8000-000000000005');

-- ---------------------------------------------------------------------------------------------
-- DST: Europe/Berlin (29 March and 25 October 2026), America/New_York (8 March 2026)
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('f0000000-0000-4000-8000-000000000006', 'https://push.example/dana', 'Europe/Berlin');
select pg_temp.follow_up('f0000000-0000-4000-8000-000000000006', 'f1000000-0000-4000-8000-000000000001', 'Berlin one', '2026-03-28T12:00:00Z');
select pg_temp.follow_up('f0000000-0000-4000-8000-000000000006', 'f2000000-0000-4000-8000-000000000001', 'Berlin two', '2026-03-29T12:00:00Z');
select pg_temp.follow_up('f0000000-0000-4000-8000-000000000006', 'f3000000-0000-4000-8000-000000000001', 'Berlin three', '2026-10-25T12:00:00Z');
select is(pg_temp.run('2026-03-28T06:55:00Z'), 0::bigint, 'Saturday 28 March, 06:55 UTC = 07:55 CET: quiet');
select is(pg_temp.run('2026-03-28T07:00:00Z'), 1::bigint, '07:00 UTC = 08:00 CET: the summary');
select is((select kind || ' ' || local_day from claimed where at = '2026-03-28T07:00:00Z'), 'summary 2026-03-28', 'for 28 March');
select pg_temp.finish_all('2026-03-28T07:00:00Z');
select is(pg_temp.run('2026-03-29T05:55:00Z'), 0::bigint, 'Sunday 29 March (clocks went forward), 05:55 UTC = 07:55 CEST: quiet');
select is(pg_temp.run('2026-03-29T06:00:00Z'), 1::bigint, '06:00 UTC = 08:00 CEST: the summary, an hour earlier in UTC, at the same 08:00 on the wall');
select is(pg_temp.got('2026-03-29T06:00:00Z', 'f0000000-0000-4000-8000-000000000006'),
	'summary f1000000-0000-4000-8000-000000000001 f2000000-0000-4000-8000-000000000001', 'with yesterday''s, now overdue, and today''s');
select pg_temp.finish_all('2026-03-29T06:00:00Z');
select is(pg_temp.run('2026-10-24T05:55:00Z'), 0::bigint, 'Saturday 24 October, 05:55 UTC = 07:55 CEST: quiet');
select is(pg_temp.run('2026-10-24T06:00:00Z'), 1::bigint, '06:00 UTC = 08:00 CEST: a summary (one follow-up is still overdue)');
select pg_temp.finish_all('2026-10-24T06:00:00Z');
select is(pg_temp.run('2026-10-25T06:00:00Z'), 0::bigint, 'Sunday 25 October (clocks went back), 06:00 UTC = 07:00 CET: quiet');
select is(pg_temp.run('2026-10-25T06:55:00Z'), 0::bigint, '06:55 UTC = 07:55 CET: quiet');
select is(pg_temp.run('2026-10-25T07:00:00Z'), 1::bigint, '07:00 UTC = 08:00 CET: the summary');
select is((select kind || ' ' || local_day from claimed where at = '2026-10-25T07:00:00Z'), 'summary 2026-10-25', 'for 25 October');
select is((select count(*)::int from claimed where user_id = 'f0000000-0000-4000-8000-000000000006'), 4, 'one summary a day, at 08:00 Berlin time, through both changes');
select pg_temp.retire('f0000000-0000-4000-8000-000000000006');

select pg_temp.register('10000000-0000-4000-8000-000000000007', 'https://push.example/nina', 'America/New_York');
select pg_temp.follow_up('10000000-0000-4000-8000-000000000007', '10100000-0000-4000-8000-000000000001', 'New York one', '2026-03-08T20:00:00Z');
select pg_temp.follow_up('10000000-0000-4000-8000-000000000007', '10200000-0000-4000-8000-000000000001', 'New York two', '2026-03-09T05:00:00Z');
select is(pg_temp.run('2026-03-08T11:55:00Z'), 0::bigint, 'Sunday 8 March (clocks went forward), 11:55 UTC = 07:55 EDT: quiet');
select is(pg_temp.run('2026-03-08T12:00:00Z'), 1::bigint, '12:00 UTC = 08:00 EDT: the summary');
select is(pg_temp.got('2026-03-08T12:00:00Z', '10000000-0000-4000-8000-000000000007'), 'summary 10100000-0000-4000-8000-000000000001', 'about today''s follow-up only');
select pg_temp.finish_all('2026-03-08T12:00:00Z');
select is(pg_temp.run('2026-03-09T01:00:00Z'), 0::bigint, '01:00 UTC = 21:00 EDT (20:00 by the old offset): quiet, though one is overdue and one due soon');
select is(pg_temp.run('2026-03-09T00:55:00Z'), 1::bigint, '00:55 UTC = 20:55 EDT: not quiet yet');
select is(pg_temp.got('2026-03-09T00:55:00Z', '10000000-0000-4000-8000-000000000007'),
	'overdue 10100000-0000-4000-8000-000000000001 10200000-0000-4000-8000-000000000001', 'both in one notification (overdue first)');
select pg_temp.finish_all('2026-03-09T00:55:00Z');
select pg_temp.retire('10000000-0000-4000-8000-000000000007');

-- ---------------------------------------------------------------------------------------------
-- A time-zone change (Erin flies from Tokyo to Los Angeles): nothing twice, nothing an hour off
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('11000000-0000-4000-8000-000000000008', 'https://push.example/erin', 'Asia/Tokyo');
select pg_temp.follow_up('11000000-0000-4000-8000-000000000008', '11100000-0000-4000-8000-000000000001', 'Tokyo contact', '2026-06-10T05:00:00Z');
select pg_temp.follow_up('11000000-0000-4000-8000-000000000008', '11200000-0000-4000-8000-000000000001', 'Los Angeles contact', '2026-06-11T03:00:00Z');
select is(pg_temp.run('2026-06-09T23:00:00Z'), 1::bigint, '23:00 UTC = 08:00 in Tokyo, 10 June: the summary');
select is(pg_temp.got('2026-06-09T23:00:00Z', '11000000-0000-4000-8000-000000000008'), 'summary 11100000-0000-4000-8000-000000000001', 'about the Tokyo contact');
select pg_temp.finish_all('2026-06-09T23:00:00Z');
select pg_temp.change('11000000-0000-4000-8000-000000000008', 'follow_ups', '11100000-0000-4000-8000-000000000001', '{"status": "done"}');
select pg_temp.register('11000000-0000-4000-8000-000000000008', 'https://push.example/erin', 'America/Los_Angeles');
select is(pg_temp.run('2026-06-10T15:00:00Z'), 0::bigint, 'in Los Angeles, 08:00 on 10 June again: no second summary for 10 June');
select is(pg_temp.run('2026-06-10T22:00:00Z'), 1::bigint, '15:00 PDT: one reminder');
select is(pg_temp.got('2026-06-10T22:00:00Z', '11000000-0000-4000-8000-000000000008'), 'due_soon 11200000-0000-4000-8000-000000000001', 'the Los Angeles contact is due at 20:00');
select pg_temp.finish_all('2026-06-10T22:00:00Z');
select is(pg_temp.run('2026-06-11T04:30:00Z'), 0::bigint, '21:30 PDT: overdue, but quiet hours in Los Angeles');
select is(pg_temp.run('2026-06-11T15:00:00Z'), 1::bigint, '08:00 PDT on 11 June: one reminder');
select is((select kind || ' ' || local_day || ' ' || time_zone from claimed where at = '2026-06-11T15:00:00Z'), 'summary 2026-06-11 America/Los_Angeles',
	'the summary of the Los Angeles day, with the overdue one');
select pg_temp.retire('11000000-0000-4000-8000-000000000008');

-- ---------------------------------------------------------------------------------------------
-- The ledger: a run that died, a retry, devices gone, late outcomes, a reminder no longer needed
-- ---------------------------------------------------------------------------------------------
select pg_temp.register('12000000-0000-4000-8000-000000000009', 'https://push.example/fred-phone', 'UTC');
select pg_temp.register('12000000-0000-4000-8000-000000000009', 'https://push.example/fred-laptop', 'UTC');
select pg_temp.settings_of('12000000-0000-4000-8000-000000000009', '{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
select pg_temp.follow_up('12000000-0000-4000-8000-000000000009', '12100000-0000-4000-8000-000000000001', 'Fred''s contact', '2026-07-01T12:00:00Z');
-- Bob has a device now too, and a follow-up due at the same time.
select pg_temp.register('b0000000-0000-4000-8000-000000000002', 'https://push.example/bob', 'UTC');
select pg_temp.follow_up('b0000000-0000-4000-8000-000000000002', 'b2000000-0000-4000-8000-000000000001', 'Bob''s other contact', '2026-07-01T12:00:00Z');
select is(pg_temp.run('2026-07-01T08:00:00Z'), 2::bigint, '08:00: Fred''s reminder and Bob''s');
select is_empty(
	$$ select 1 from claimed as c, jsonb_array_elements(c.follow_ups) as f
	   where not exists (select 1 from app_private.follow_ups as x where x.owner_id = c.user_id and x.id = (f ->> 'follow_up_id')::uuid)
	   union all
	   select 1 from claimed as c, jsonb_array_elements(c.subscriptions) as s
	   where not exists (select 1 from app_private.push_subscriptions as x where x.owner_id = c.user_id and x.id = (s ->> 'id')::uuid)
	      and c.at = '2026-07-01T08:00:00Z' $$,
	'every claim so far is about its own user''s follow-ups, sent to that user''s devices only'
);
select app_private.finish_reminder(claim_id, '{"status": "sent"}') from claimed where at = '2026-07-01T08:00:00Z' and user_id = 'b0000000-0000-4000-8000-000000000002';
-- Fred's run dies before finish_reminder.
select is(pg_temp.run('2026-07-01T08:01:00Z'), 0::bigint, '08:01: nothing: Fred''s reminder is in flight');
select is(pg_temp.run('2026-07-01T08:05:00Z'), 1::bigint, '08:05: the lease ran out, it is claimed again');
select is(
	(select claim_id from claimed where at = '2026-07-01T08:05:00Z'),
	(select claim_id from claimed where at = '2026-07-01T08:00:00Z' and user_id = '12000000-0000-4000-8000-000000000009'),
	'as the same claim (the same tag: a resend replaces the notification)'
);
select is((select attempt from claimed where at = '2026-07-01T08:05:00Z'), 2, 'attempt 2');
select is(
	app_private.finish_reminder((select claim_id from claimed where at = '2026-07-01T08:05:00Z'), '{"status": "retry", "retry_after": 600, "error": "429 Too Many Requests"}'),
	'released', 'a 429 releases it'
);
select is(pg_temp.run('2026-07-01T08:10:00Z'), 0::bigint, '08:10: not before the push service''s Retry-After (600 s)');
select is(pg_temp.run('2026-07-01T08:15:00Z'), 1::bigint, '08:15: claimed again');
select is((select attempt from claimed where at = '2026-07-01T08:15:00Z'), 3, 'attempt 3, same claim');
select is(
	app_private.finish_reminder(
		(select claim_id from claimed where at = '2026-07-01T08:15:00Z'),
		jsonb_build_object('status', 'sent', 'gone', jsonb_build_array(
			(select id from app_private.push_subscriptions where endpoint = 'https://push.example/fred-phone'),
			(select id from app_private.push_subscriptions where endpoint = 'https://push.example/bob')))
	),
	'sent', 'sent to the laptop; the phone answered 410'
);
select results_eq(
	$$ select endpoint from app_private.push_subscriptions where owner_id in ('12000000-0000-4000-8000-000000000009', 'b0000000-0000-4000-8000-000000000002') order by 1 $$,
	$$ values ('https://push.example/bob'), ('https://push.example/fred-laptop') $$,
	'the phone is deleted; Bob''s device, named in Fred''s outcome, is not'
);
select is(app_private.finish_reminder((select claim_id from claimed where at = '2026-07-01T08:15:00Z'), '{"status": "retry"}'), 'sent', 'a late retry changes a sent reminder in nothing');
select is(app_private.finish_reminder((select claim_id from claimed where at = '2026-07-01T08:05:00Z'), '{"status": "retry", "attempt": 2}'), 'sent', 'nor does an outcome of an earlier attempt');
select is(pg_temp.run('2026-07-01T08:20:00Z'), 0::bigint, '08:20: nothing more');
select is(app_private.finish_reminder(gen_random_uuid(), '{"status": "sent"}'), 'unknown', 'a claim that does not exist is unknown');
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "maybe"}') $$, '22023', 'outcome.status must be "sent", "retry" or "failed".', 'an unknown status is refused');
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "sent", "code": 201}') $$, '22023', null, 'an unknown outcome key is refused');
select throws_ok($$ select app_private.finish_reminder(gen_random_uuid(), '{"status": "sent", "gone": ["not-a-uuid"]}') $$, '22023', null, 'gone must hold subscription ids');
select throws_ok($$ select * from app_private.claim_reminders(now(), 0) $$, '22023', null, 'a limit below 1 is refused');
select pg_temp.retire('b0000000-0000-4000-8000-000000000002');
select pg_temp.change('12000000-0000-4000-8000-000000000009', 'follow_ups', '12100000-0000-4000-8000-000000000001', '{"status": "done"}');
-- A reminder released, and done before it is claimed again: dropped.
select pg_temp.follow_up('12000000-0000-4000-8000-000000000009', '12200000-0000-4000-8000-000000000001', 'Fred''s second', '2026-07-02T12:00:00Z');
select is(pg_temp.run('2026-07-02T08:00:00Z'), 1::bigint, '2 July 08:00: Fred''s reminder');
select app_private.finish_reminder((select claim_id from claimed where at = '2026-07-02T08:00:00Z'), '{"status": "retry"}');
select pg_temp.change('12000000-0000-4000-8000-000000000009', 'follow_ups', '12200000-0000-4000-8000-000000000001', '{"status": "done"}');
-- Mia joins, with a follow-up due soon: a batch of one has room for her only if Fred's dropped
-- reminder does not take the place.
select pg_temp.register('1a000000-0000-4000-8000-000000000011', 'https://push.example/mia', 'UTC');
select pg_temp.follow_up('1a000000-0000-4000-8000-000000000011', '1a100000-0000-4000-8000-000000000001', 'Mia''s contact', '2026-07-02T10:00:00Z');
select is(pg_temp.run('2026-07-02T08:05:00Z', 1), 1::bigint, '08:05, a batch of one: one reminder');
select is(pg_temp.got('2026-07-02T08:05:00Z', '1a000000-0000-4000-8000-000000000011'), 'summary 1a100000-0000-4000-8000-000000000001',
	'Mia''s; Fred''s was done meanwhile, so it is not sent');
select pg_temp.finish_all('2026-07-02T08:05:00Z');
select pg_temp.retire('1a000000-0000-4000-8000-000000000011');
select is((select status from app_private.reminder_claims where id = (select claim_id from claimed where at = '2026-07-02T08:00:00Z')), 'dropped', 'the claim is dropped');
-- A snoozed follow-up's reminder comes when the snooze ends.
select pg_temp.follow_up('12000000-0000-4000-8000-000000000009', '12300000-0000-4000-8000-000000000001', 'Fred''s third', '2026-07-03T12:00:00Z', '{"snoozed_until": "2026-07-04T09:00:00Z"}');
select is(pg_temp.run('2026-07-03T13:00:00Z'), 0::bigint, '3 July 13:00: overdue, but snoozed until tomorrow 09:00');
select is(pg_temp.run('2026-07-04T09:00:00Z'), 1::bigint, '4 July 09:00: the snooze ended');
select is(pg_temp.got('2026-07-04T09:00:00Z', '12000000-0000-4000-8000-000000000009'), 'overdue 12300000-0000-4000-8000-000000000001', 'it is overdue, once');
select pg_temp.finish_all('2026-07-04T09:00:00Z');
select pg_temp.retire('12000000-0000-4000-8000-000000000009');

-- ---------------------------------------------------------------------------------------------
-- The digest without a device (Gina), hidden names, and "Delete all my data" (Hugo)
-- ---------------------------------------------------------------------------------------------
select pg_temp.settings_of('13000000-0000-4000-8000-00000000000a', '{"digest": true}');
select pg_temp.follow_up('13000000-0000-4000-8000-00000000000a', '13100000-0000-4000-8000-000000000001', 'Gina''s contact', '2026-08-01T10:00:00Z');
select pg_temp.register('14000000-0000-4000-8000-00000000000b', 'https://push.example/hugo', 'UTC');
select pg_temp.settings_of('14000000-0000-4000-8000-00000000000b', '{"hide_names": true}');
-- An old subscription of his, past its expirationTime (1 January 2026).
select pg_temp.act_as('14000000-0000-4000-8000-00000000000b');
select public.save_push_subscription(pg_temp.sub('https://push.example/hugo-old') || '{"expirationTime": 1767225600000}', 'UTC');
reset role;
select pg_temp.follow_up('14000000-0000-4000-8000-00000000000b', '14100000-0000-4000-8000-000000000001', 'Hugo''s contact', '2026-08-01T10:00:00Z');
select is(pg_temp.run('2026-08-01T07:00:00Z'), 0::bigint, '1 August 07:00: quiet for both');
select is(pg_temp.run('2026-08-01T08:00:00Z'), 2::bigint, '08:00: two summaries');
select is(
	(select jsonb_build_object('kind', kind, 'email', email, 'devices', subscriptions) from claimed where at = '2026-08-01T08:00:00Z' and user_id = '13000000-0000-4000-8000-00000000000a'),
	'{"kind": "summary", "email": "gina@test.example", "devices": []}'::jsonb,
	'Gina''s, with her address and no device'
);
select is(
	(select jsonb_build_object('kind', kind, 'email', email, 'hide', hide_names, 'devices', jsonb_path_query_array(subscriptions, '$[*].endpoint'))
	 from claimed where at = '2026-08-01T08:00:00Z' and user_id = '14000000-0000-4000-8000-00000000000b'),
	'{"kind": "summary", "email": null, "hide": true, "devices": ["https://push.example/hugo"]}'::jsonb,
	'Hugo''s, names hidden, to his device whose subscription has not expired'
);
select app_private.finish_reminder(claim_id, '{"status": "sent"}') from claimed where at = '2026-08-01T08:00:00Z' and user_id = '13000000-0000-4000-8000-00000000000a';
select pg_temp.run('2026-08-01T11:00:00Z');
select is(pg_temp.got('2026-08-01T11:00:00Z', '13000000-0000-4000-8000-00000000000a'), null, '11:00: Gina''s follow-up is overdue, but with no device only the summary reaches her');
select is(app_private.stop_digest('13000000-0000-4000-8000-00000000000a'), true, 'the email''s unsubscribe turns her digest off');
select pg_temp.run('2026-08-02T08:00:00Z');
select is(pg_temp.got('2026-08-02T08:00:00Z', '13000000-0000-4000-8000-00000000000a'), null, '2 August 08:00: with neither a device nor the digest, Gina gets nothing');

select pg_temp.act_as('14000000-0000-4000-8000-00000000000b');
select ok(public.delete_my_data() > 0, 'Hugo deletes all his data, with a reminder in flight');
reset role;
select is(
	(select count(*)::int from app_private.push_subscriptions where owner_id = '14000000-0000-4000-8000-00000000000b')
	+ (select count(*)::int from app_private.reminder_settings where owner_id = '14000000-0000-4000-8000-00000000000b')
	+ (select count(*)::int from app_private.reminder_claims where owner_id = '14000000-0000-4000-8000-00000000000b')
	+ (select count(*)::int from app_private.reminder_items where owner_id = '14000000-0000-4000-8000-00000000000b'),
	0, 'his devices, settings and reminder ledger are gone'
);
select ok(
	exists (select 1 from app_private.reminder_claims where owner_id = '13000000-0000-4000-8000-00000000000a')
	and exists (select 1 from app_private.reminder_settings where owner_id = '13000000-0000-4000-8000-00000000000a'),
	'Gina''s are not'
);
select is(
	app_private.finish_reminder((select claim_id from claimed where at = '2026-08-01T08:00:00Z' and user_id = '14000000-0000-4000-8000-00000000000b'), '{"status": "sent"}'),
	'unknown', 'the sender''s late outcome for his erased reminder is told "unknown"'
);
select is(pg_temp.run('2026-08-02T08:05:00Z'), 0::bigint, 'and nothing is claimed for him again');

select * from finish();
rollback;
