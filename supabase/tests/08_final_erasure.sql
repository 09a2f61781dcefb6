-- Erasure is final: after delete_my_data, a push from a device that has not heard of it applies and
-- records nothing — a batch sent again because its answer was lost, or renumbered after the "gap"
-- answer, cannot bring the erased rows back. A push saying it saw the erasure applies.
begin;
select plan(25);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
-- What a device typed before the erasure: a person and what was said, as mids `first` and on.
create function pg_temp.batch(first integer) returns jsonb language sql as $$
	select jsonb_build_array(
		jsonb_build_object('mid', first, 'op', 'create', 'table', 'people', 'id', 'f0000000-0000-4000-8000-000000000001',
			'fields', jsonb_build_object('name', 'Dorothy', 'match_keys', jsonb_build_array('email:dorothy@nasa.example'))),
		jsonb_build_object('mid', first + 1, 'op', 'create', 'table', 'encounters', 'id', '10000000-0000-4000-8000-000000000001',
			'fields', jsonb_build_object('person_id', 'f0000000-0000-4000-8000-000000000001', 'met_at', '2026-11-20T10:00:00Z', 'note', 'FORTRAN classes'))
	);
$$;
-- Every row Ada has (past RLS: call as the owner role) and her push ledger.
create function pg_temp.ada_rows() returns bigint language sql as $$
	select (select count(*) from app_private.people where owner_id = 'a0000000-0000-4000-8000-000000000001')
		+ (select count(*) from app_private.encounters where owner_id = 'a0000000-0000-4000-8000-000000000001')
		+ (select count(*) from app_private.sync_ledger where owner_id = 'a0000000-0000-4000-8000-000000000001');
$$;
create function pg_temp.erased_at() returns timestamptz language sql as $$
	select erased_at from app_private.sync_state where owner_id = 'a0000000-0000-4000-8000-000000000001';
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');

select has_function('public', 'sync_push', array['uuid', 'jsonb', 'timestamp with time zone'], 'sync_push takes the erasure its device last saw');
select hasnt_function('public', 'sync_push', array['uuid', 'jsonb'], 'the two-argument sync_push is gone');
select ok(not has_function_privilege('anon', 'public.sync_push(uuid, jsonb, timestamptz)', 'execute'), 'anon may not execute it');
select ok(has_function_privilege('authenticated', 'public.sync_push(uuid, jsonb, timestamptz)', 'execute'), 'signed-in users may');

-- Before any erasure: a device that heard of none pushes as always.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', pg_temp.batch(1)) ->> 'last_mid',
	'2',
	'the laptop''s capture is applied (its answer is lost on the way back)'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', '[]', '2026-01-01T00:00:00Z') -> 'erased',
	'true'::jsonb,
	'a device claiming an erasure that never happened is told there is none: erased, erased_at null'
);
reset role;

-- The phone erases everything.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(public.delete_my_data(), 4::bigint, 'delete_my_data erases the person, the encounter and their two ledger entries');
reset role;
create temporary table erasure on commit drop as select pg_temp.erased_at() as at, (select seq from app_private.sync_state) as seq;
grant select on erasure to authenticated;

-- The laptop, not having heard, sends its batch again.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
create temporary table replay on commit drop as
select public.sync_push('d0000000-0000-4000-8000-00000000000b', pg_temp.batch(1)) as outcome;
select is(
	(select outcome from replay),
	jsonb_build_object('results', '[]'::jsonb, 'erased', true, 'erased_at', (select at from erasure)),
	'a batch sent again after the erasure is answered "erased", with when'
);
reset role;
select is(pg_temp.ada_rows(), 0::bigint, 'and brings back nothing, not even a ledger entry');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
-- Before this, the same batch met the emptied ledger as a "gap" and the device renumbered it.
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', pg_temp.batch(3)) -> 'erased',
	'true'::jsonb,
	'the next mids, which met a gap before, are answered "erased" too'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', pg_temp.batch(1), null) -> 'erased',
	'true'::jsonb,
	'and so is the batch renumbered from 1'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', pg_temp.batch(1), '2026-01-01T00:00:00Z') -> 'erased',
	'true'::jsonb,
	'as is a device that saw an older erasure'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000c', pg_temp.batch(1)) -> 'erased',
	'true'::jsonb,
	'as is a device that never pushed (it has not pulled either)'
);
reset role;
select is(pg_temp.ada_rows(), 0::bigint, 'none of them re-created anything');
select is((select seq from app_private.sync_state), (select seq from erasure), 'nor moved the change counter');
select is(pg_temp.erased_at(), (select at from erasure), 'nor the erasure''s time');

-- Pulling, the laptop hears of the erasure; it clears its copy, and what it types next applies.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(
	(public.sync_pull(0, 10) ->> 'erased_at')::timestamptz,
	(select at from erasure),
	'every page says when the data was erased'
);
create temporary table after on commit drop as
select public.sync_push('d0000000-0000-4000-8000-00000000000b', $$[
	{"mid": 1, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "fields": {"name": "Mary"}}
]$$::jsonb, (public.sync_pull(0, 10) ->> 'erased_at')::timestamptz) as outcome;
select is((select outcome -> 'results' -> 0 ->> 'status' from after), 'applied', 'a change pushed with the erasure it saw is applied');
select ok((select not outcome ? 'erased' from after), 'and is not answered "erased"');
select cmp_ok(
	(select (outcome -> 'results' -> 0 ->> 'server_seq')::bigint from after),
	'>',
	(select seq from erasure),
	'after every server_seq given before'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', $$[
		{"mid": 2, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000003", "fields": {"name": "Katherine"}}
	]$$::jsonb, to_char((select at from erasure) at time zone 'Pacific/Kiritimati', 'YYYY-MM-DD"T"HH24:MI:SS.US"+14:00"')::timestamptz) -> 'results' -> 0 ->> 'status',
	'applied',
	'the same instant written in another time zone is the same erasure'
);
select is(
	(select jsonb_agg(r -> 'row' ->> 'name' order by r -> 'row' ->> 'name') from jsonb_array_elements(public.sync_pull(0, 10) -> 'rows') as r),
	'["Katherine", "Mary"]'::jsonb,
	'the server holds only what came after the erasure'
);
-- A second erasure: the laptop's value is old again. (now() is the same all through this test's
-- one transaction, so the later erasure's time is set by hand.)
select is(public.delete_my_data(), 4::bigint, 'erasing again');
reset role;
update app_private.sync_state set erased_at = erased_at + interval '1 hour';
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', pg_temp.batch(3), (select at from erasure)) -> 'erased',
	'true'::jsonb,
	'a push that saw only the first erasure is answered "erased"'
);
reset role;
select is(pg_temp.ada_rows(), 0::bigint, 'and re-creates nothing');

select * from finish();
rollback;
