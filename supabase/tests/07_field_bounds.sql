-- What a single field may hold: match keys present, at most 2,057 characters, at most 20; every
-- date and time a client writes finite and within 1900-01-01 ≤ v < 2200-01-01 (UTC). A push beyond
-- them is rejected with the CHECK's code, and nothing else changes.
begin;
select plan(36);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
-- Pushes one mutation as the device's next mid and returns its result.
create function pg_temp.push(device uuid, mutation jsonb) returns jsonb language sql as $$
	select public.sync_push(device, jsonb_build_array(mutation || jsonb_build_object('mid', (
		select coalesce(max(l.mid), 0) + 1 from app_private.sync_ledger as l where l.client_id = device
	)))) -> 'results' -> 0;
$$;
-- A new person with these match keys.
create function pg_temp.person_with(keys jsonb) returns jsonb language sql as $$
	select pg_temp.push('d0000000-0000-4000-8000-000000000001',
		jsonb_build_object('table', 'people', 'id', gen_random_uuid(), 'op', 'create', 'fields', jsonb_build_object('name', 'Keyed', 'match_keys', keys)));
$$;
-- An edit of the fixture row of `tbl` setting one field.
create function pg_temp.edit(tbl text, id uuid, field text, value jsonb) returns jsonb language sql as $$
	select pg_temp.push('d0000000-0000-4000-8000-000000000001',
		jsonb_build_object('table', tbl, 'id', id, 'base_seq', 1000, 'fields', jsonb_build_object(field, value)));
$$;
create function pg_temp.new_encounter(met_at text) returns jsonb language sql as $$
	select pg_temp.push('d0000000-0000-4000-8000-000000000001', jsonb_build_object(
		'table', 'encounters', 'id', gen_random_uuid(), 'op', 'create',
		'fields', jsonb_build_object('person_id', 'f0000000-0000-4000-8000-000000000001', 'met_at', met_at, 'note', 'Met')));
$$;
create function pg_temp.snapshot() returns jsonb language sql as $$
	select jsonb_build_object(
		'events', (select coalesce(jsonb_agg(to_jsonb(t) order by id), '[]') from app_private.events t),
		'people', (select coalesce(jsonb_agg(to_jsonb(t) order by id), '[]') from app_private.people t),
		'encounters', (select coalesce(jsonb_agg(to_jsonb(t) order by id), '[]') from app_private.encounters t),
		'follow_ups', (select coalesce(jsonb_agg(to_jsonb(t) order by id), '[]') from app_private.follow_ups t),
		'promises', (select coalesce(jsonb_agg(to_jsonb(t) order by id), '[]') from app_private.promises t),
		'seq', (select seq from app_private.sync_state)
	);
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');

-- A day at an event: one row in each table, at the edges of the range.
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000001', $$[
		{"mid": 1, "table": "events", "id": "e0000000-0000-4000-8000-000000000001", "fields": {"name": "Summit", "start_date": "1900-01-01", "end_date": "2199-12-31"}},
		{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace", "match_keys": ["email:grace@navy.example"]}},
		{"mid": 3, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "met_at": "1900-01-01T00:00:00Z", "note": "Compilers"}},
		{"mid": 4, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "due_at": "2199-12-31T23:59:59.999999Z", "queue_at": "2199-12-31T23:59:59Z"}},
		{"mid": 5, "table": "promises", "id": "30000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "follow_up_id": "20000000-0000-4000-8000-000000000001", "text": "Send the paper", "due_at": "2026-11-22T10:00:00Z"}}
	]$$::jsonb) -> 'results' @? '$[*] ? (@.status != "applied")',
	false,
	'the first and last day and instant of the range are taken'
);
select is(pg_temp.person_with(jsonb_build_array('linkedin:' || repeat('x', 2048))) ->> 'status', 'applied', 'a key of 2,057 characters is taken');
select is(pg_temp.person_with((select jsonb_agg('badge:' || n) from generate_series(1, 20) as n)) ->> 'status', 'applied', '20 keys are taken');

create temporary table before_bounds on commit drop as select pg_temp.snapshot() as state;
grant select on before_bounds to authenticated;

-- Match keys.
select is(pg_temp.person_with('[""]') ->> 'code', '23514', 'an empty match key is refused');
select is(pg_temp.person_with('["email:a@x.example", null]') ->> 'code', '23514', 'a null match key is refused');
select is(pg_temp.person_with(jsonb_build_array('linkedin:' || repeat('x', 2049))) ->> 'code', '23514', 'a key of 2,058 characters is refused');
select is(pg_temp.person_with(jsonb_build_array(repeat('k', 1000000))) ->> 'code', '23514', 'a key of a million characters is refused');
select is(pg_temp.person_with((select jsonb_agg('badge:' || n) from generate_series(1, 21) as n)) ->> 'code', '23514', '21 keys are refused');
select is(
	pg_temp.edit('people', 'f0000000-0000-4000-8000-000000000001', 'match_keys', '["email:grace@navy.example", ""]') ->> 'code',
	'23514',
	'an empty key added to a person''s keys is refused'
);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', jsonb_build_object('table', 'people', 'id', (select id from app_private.people where cardinality(match_keys) = 20), 'op', 'create', 'fields', '{"match_keys": ["phone:+1"]}'::jsonb)) ->> 'code',
	'23514',
	'keys merged from another device beyond 20 are refused'
);

-- Dates and times, on the new-row path and on the edit path, in every column a client writes.
select is(pg_temp.new_encounter('infinity') ->> 'code', '23514', 'met_at infinity is refused');
select is(pg_temp.new_encounter('-infinity') ->> 'code', '23514', 'met_at -infinity is refused');
select is(pg_temp.new_encounter('1899-12-31T23:59:59.999999Z') ->> 'code', '23514', 'met_at before 1900 is refused');
select is(pg_temp.new_encounter('2200-01-01T00:00:00Z') ->> 'code', '23514', 'met_at in 2200 is refused');
select is(pg_temp.new_encounter('2199-12-31T23:30:00-01:00') ->> 'code', '23514', 'the range is in UTC: 23:30 at -01:00 on 2199-12-31 is 2200');
select is(pg_temp.new_encounter('294276-12-31T23:59:59Z') ->> 'status', 'rejected', 'the largest timestamptz is refused');
select is(pg_temp.edit('encounters', '10000000-0000-4000-8000-000000000001', 'met_at', '"1066-10-14T09:00:00Z"') ->> 'code', '23514', 'an encounter moved to 1066 is refused');
select is(pg_temp.edit('events', 'e0000000-0000-4000-8000-000000000001', 'start_date', '"1899-12-31"') ->> 'code', '23514', 'an event starting in 1899 is refused');
select is(pg_temp.edit('events', 'e0000000-0000-4000-8000-000000000001', 'end_date', '"2200-01-01"') ->> 'code', '23514', 'an event ending in 2200 is refused');
select is(pg_temp.edit('events', 'e0000000-0000-4000-8000-000000000001', 'end_date', '"infinity"') ->> 'code', '23514', 'an event ending at infinity is refused');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"table": "events", "id": "e0000000-0000-4000-8000-000000000002", "op": "create", "fields": {"name": "Far", "start_date": "3000-01-01", "end_date": "3000-01-02"}}') ->> 'code',
	'23514',
	'a new event in the year 3000 is refused'
);
select is(pg_temp.edit('follow_ups', '20000000-0000-4000-8000-000000000001', 'due_at', '"2200-01-01T00:00:00Z"') ->> 'code', '23514', 'due_at in 2200 is refused');
select is(pg_temp.edit('follow_ups', '20000000-0000-4000-8000-000000000001', 'queue_at', '"infinity"') ->> 'code', '23514', 'queue_at infinity is refused');
select is(pg_temp.edit('follow_ups', '20000000-0000-4000-8000-000000000001', 'snoozed_until', '"9999-12-31T00:00:00Z"') ->> 'code', '23514', 'snoozed_until in 9999 is refused');
select is(pg_temp.edit('follow_ups', '20000000-0000-4000-8000-000000000001', 'done_at', '"-infinity"') ->> 'code', '23514', 'done_at -infinity is refused');
select is(pg_temp.edit('promises', '30000000-0000-4000-8000-000000000001', 'due_at', '"1800-01-01T00:00:00Z"') ->> 'code', '23514', 'a promise due in 1800 is refused');
select is(pg_temp.edit('promises', '30000000-0000-4000-8000-000000000001', 'settled_at', '"2500-01-01T00:00:00Z"') ->> 'code', '23514', 'a promise settled in 2500 is refused');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"table": "follow_ups", "id": "20000000-0000-4000-8000-000000000009", "op": "create", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "due_at": "2026-11-22T10:00:00Z", "queue_at": "2026-11-22T10:00:00Z", "snoozed_until": "infinity"}}') ->> 'code',
	'23514',
	'a new follow-up snoozed until infinity is refused'
);

-- In a batch, only the change beyond the bounds is refused.
select is(
	(select jsonb_agg(r ->> 'status') from jsonb_array_elements(public.sync_push('d0000000-0000-4000-8000-000000000003', $$[
		{"mid": 1, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000031", "fields": {"name": "Dorothy", "match_keys": ["email:dorothy@nasa.example"]}},
		{"mid": 2, "op": "create", "table": "encounters", "id": "10000000-0000-4000-8000-000000000031", "fields": {"person_id": "f0000000-0000-4000-8000-000000000031", "met_at": "infinity", "note": "Orbits"}},
		{"mid": 3, "op": "create", "table": "encounters", "id": "10000000-0000-4000-8000-000000000032", "fields": {"person_id": "f0000000-0000-4000-8000-000000000031", "met_at": "2026-11-20T10:00:00Z", "note": "FORTRAN"}}
	]$$::jsonb) -> 'results') as r),
	'["applied", "rejected", "applied"]'::jsonb,
	'a batch of new rows with one out of range: that one is refused, the rest applied'
);
select is(
	(select array_agg(note order by note) from app_private.encounters where person_id = 'f0000000-0000-4000-8000-000000000031'),
	array['FORTRAN'],
	'and only the rest is there'
);

-- Each refusal used its mid, and changed nothing.
select is(
	(select count(*)::int from app_private.sync_ledger where client_id = 'd0000000-0000-4000-8000-000000000001' and result ->> 'status' = 'rejected'),
	24,
	'every refusal is in the ledger with its reason'
);
select ok(
	(select bool_and(result ->> 'reason' like '%violates check constraint%') from app_private.sync_ledger where result ->> 'code' = '23514'),
	'each says which check it failed'
);
select is(
	pg_temp.snapshot() - 'seq' - 'people' - 'encounters',
	(select state from before_bounds) - 'seq' - 'people' - 'encounters',
	'no event, follow-up or promise changed'
);
select is(
	(select count(*)::int from app_private.people where name = 'Keyed'),
	2,
	'no person with refused keys was made'
);
select is(
	(select match_keys from app_private.people where id = 'f0000000-0000-4000-8000-000000000001'),
	array['email:grace@navy.example'],
	'Grace''s keys are as they were'
);
select is(
	(select met_at from app_private.encounters where id = '10000000-0000-4000-8000-000000000001'),
	'1900-01-01T00:00:00Z'::timestamptz,
	'and so is when she was met'
);

select * from finish();
rollback;
