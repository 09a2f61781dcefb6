-- Hostile pushes are rejected with a reason, and nothing else changes.
begin;
select plan(17);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
create function pg_temp.push(device uuid, mutation jsonb) returns jsonb language sql as $$
	select public.sync_push(device, jsonb_build_array(mutation)) -> 'results' -> 0;
$$;
-- Everything a user can see, to compare before and after.
create function pg_temp.snapshot() returns jsonb language sql as $$
	select jsonb_build_object(
		'people', (select coalesce(jsonb_agg(to_jsonb(p) order by id), '[]') from app_private.people p),
		'encounters', (select coalesce(jsonb_agg(to_jsonb(e) order by id), '[]') from app_private.encounters e),
		'seq', (select seq from app_private.sync_state)
	);
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace"}}');
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 2, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "met_at": "2026-11-20T10:00:00Z", "note": "COBOL"}}');
create temporary table before on commit drop as select pg_temp.snapshot() as state;

select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 3, "table": "users", "id": "f0000000-0000-4000-8000-000000000009", "fields": {}}') ->> 'reason', 'Unknown table ''users''.', 'an unknown table is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 4, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"password": "x"}}') ->> 'reason', 'Column ''password'' cannot be written in people.', 'an unknown column is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 5, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"owner_id": "b0000000-0000-4000-8000-000000000002"}}') ->> 'reason', 'Column ''owner_id'' cannot be written in people.', 'owner_id in the payload is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 6, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"server_seq": 1}}') ->> 'reason', 'Column ''server_seq'' cannot be written in people.', 'server_seq in the payload is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 7, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"__proto__": {"name": "x"}}}') ->> 'reason', 'Column ''__proto__'' cannot be written in people.', 'a __proto__ key is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 8, "table": "people", "id": "not-a-uuid", "fields": {"name": "x"}}') ->> 'reason', 'The id is not a UUID.', 'a bad UUID is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 9, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": 99, "fields": {"note": "x"}}' ::jsonb || jsonb_build_object('fields', jsonb_build_object('note', repeat('A', 1024 * 1024)))) ->> 'status', 'rejected', 'a 1 MB note is rejected');
-- (A push over 2,000,000 bytes is refused whole, before anything is recorded: 13_push_limits.sql.)
select throws_ok(
	format($$ select public.sync_push('d0000000-0000-4000-8000-000000000001', %L) $$, jsonb_build_array('{"mid": 10, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": 99}'::jsonb || jsonb_build_object('fields', jsonb_build_object('note', repeat('A', 10 * 1024 * 1024))))),
	'PT413', 'This push is 10485882 bytes; a push may be at most 2000000 bytes.', 'a 10 MB note is refused with its push, as too large'
);
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 10, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": 99, "fields": {"note": "   "}}') ->> 'code', '23514', 'an empty note is rejected by its CHECK');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 11, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "base_seq": 99, "fields": {"match_keys": "not an array"}}') ->> 'status', 'rejected', 'a value of the wrong type is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 12, "table": "encounters", "id": "10000000-0000-4000-8000-000000000002", "fields": {"person_id": "f0000000-0000-4000-8000-000000000077", "met_at": "2026-11-20T10:00:00Z", "note": "orphan"}}') ->> 'code', '23503', 'a row pointing at a missing person is rejected');
select is(pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 13, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "op": "drop"}') ->> 'reason', 'Unknown operation ''drop''.', 'an unknown operation is rejected');
select throws_ok(
	format($$ select public.sync_push('d0000000-0000-4000-8000-000000000001', %L) $$, (select jsonb_agg(jsonb_build_object('mid', 13 + n, 'table', 'people', 'id', gen_random_uuid(), 'fields', jsonb_build_object('name', 'x'))) from generate_series(1, 10000) n)),
	'22023', 'At most 100 mutations per push (got 10000).', 'a 10,000-mutation batch is refused as a whole'
);
select throws_ok($$ select public.sync_push('d0000000-0000-4000-8000-000000000001', '{"mid": 1}') $$, '22023', 'mutations must be an array.', 'mutations that are not an array are refused');
select is(public.sync_push('d0000000-0000-4000-8000-000000000001', '[{"mid": "14; drop table people"}]') -> 'results' -> 0 ->> 'status', 'rejected', 'a mid that is not a number is rejected');

-- Each rejection used its mid (so the device is not stuck), and nothing else changed.
select is((select max(mid) from app_private.sync_ledger), 13::bigint, 'rejected mutations are in the ledger with their reasons');
select is(pg_temp.snapshot(), (select state from before), 'no row and not the cursor changed');

select * from finish();
rollback;
