-- delete_my_data: erases every row of the caller's and nobody else's; outside it, nobody deletes
-- anything, and the caller's change counter goes on growing.
begin;
select plan(47);

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
-- A day at an event, pushed from one device: a row in each synced table. Every user gets the same
-- row ids (keys are per owner), so an erasure that went by id would show.
create function pg_temp.capture(device uuid) returns text language sql as $$
	select public.sync_push(device, $j$[
		{"mid": 1, "table": "events", "id": "e0000000-0000-4000-8000-000000000001", "fields": {"name": "Summit", "start_date": "2026-11-20", "end_date": "2026-11-21"}},
		{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace", "email": "grace@x.example"}},
		{"mid": 3, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "event_id": "e0000000-0000-4000-8000-000000000001", "met_at": "2026-11-20T10:00:00Z", "note": "Compilers for COBOL"}},
		{"mid": 4, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "due_at": "2026-11-22T10:00:00Z", "queue_at": "2026-11-22T10:00:00Z"}},
		{"mid": 5, "table": "promises", "id": "30000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "follow_up_id": "20000000-0000-4000-8000-000000000001", "text": "Send the paper", "due_at": "2026-11-22T10:00:00Z"}}
	]$j$::jsonb) ->> 'last_mid';
$$;
-- The note edited on a second device at the same time: two note revisions.
create function pg_temp.edit_note_elsewhere(device uuid) returns text language sql as $$
	select public.sync_push(device, $j$[
		{"mid": 1, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": 0, "fields": {"note": "A concurrent edit"}}
	]$j$::jsonb) -> 'results' -> 0 ->> 'status';
$$;
-- How many rows `who` has in each table delete_my_data erases (read past RLS: call it as postgres).
create function pg_temp.counts(who uuid) returns jsonb language sql as $$
	select jsonb_build_object(
		'events', (select count(*) from app_private.events where owner_id = who),
		'people', (select count(*) from app_private.people where owner_id = who),
		'encounters', (select count(*) from app_private.encounters where owner_id = who),
		'follow_ups', (select count(*) from app_private.follow_ups where owner_id = who),
		'promises', (select count(*) from app_private.promises where owner_id = who),
		'note_revisions', (select count(*) from app_private.note_revisions where owner_id = who),
		'sync_ledger', (select count(*) from app_private.sync_ledger where owner_id = who)
	);
$$;

-- What a client could do with SQL of its own (PostgREST gives it no way to set this).
create function pg_temp.set_erasing(who text) returns void language sql as $$
	select null from set_config('app.erasing', who, true);
$$;

create temporary table erased_tables (name text) on commit drop;
grant select on erased_tables to anon, authenticated;
insert into erased_tables values
	('events'), ('people'), ('encounters'), ('follow_ups'), ('promises'), ('note_revisions'), ('sync_ledger');

insert into auth.users (id, email) values
	('a0000000-0000-4000-8000-000000000001', 'ada@test.example'),
	('b0000000-0000-4000-8000-000000000002', 'bob@test.example'),
	('c0000000-0000-4000-8000-000000000003', 'cy@test.example');

-- The function: there, for signed-in users only.
select has_function('public', 'delete_my_data', '{}'::name[], 'delete_my_data() exists');
select function_returns('public', 'delete_my_data', '{}'::name[], 'bigint', 'it returns how many rows it deleted');
select ok(not has_function_privilege('anon', 'public.delete_my_data()', 'execute'), 'anon may not execute delete_my_data');
select ok(has_function_privilege('authenticated', 'public.delete_my_data()', 'execute'), 'signed-in users may');
select is(
	(select prosecdef from pg_proc where oid = 'public.delete_my_data()'::regprocedure),
	false,
	'it runs as the caller (security invoker)'
);

-- Ada, Bob and Cy each have a row in every table.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(pg_temp.capture('d0000000-0000-4000-8000-00000000000a'), '5', 'Ada''s rows were pushed');
select is(pg_temp.edit_note_elsewhere('d0000000-0000-4000-8000-00000000000b'), 'conflict', 'and her note edited on two devices');
reset role;
select pg_temp.act_as('b0000000-0000-4000-8000-000000000002');
select is(pg_temp.capture('d0000000-0000-4000-8000-00000000000c'), '5', 'Bob''s rows were pushed');
select is(pg_temp.edit_note_elsewhere('d0000000-0000-4000-8000-00000000000d'), 'conflict', 'and his note edited on two devices');
reset role;
select pg_temp.act_as('c0000000-0000-4000-8000-000000000003');
select is(pg_temp.capture('d0000000-0000-4000-8000-00000000000e'), '5', 'Cy''s rows were pushed');
select is(pg_temp.edit_note_elsewhere('d0000000-0000-4000-8000-00000000000f'), 'conflict', 'and his note edited on two devices');
reset role;

create temporary table before_erasure on commit drop as
select
	pg_temp.counts('a0000000-0000-4000-8000-000000000001') as ada,
	pg_temp.counts('b0000000-0000-4000-8000-000000000002') as bob,
	(select seq from app_private.sync_state where owner_id = 'a0000000-0000-4000-8000-000000000001') as ada_seq;
grant select on before_erasure to authenticated;
select is(
	(select ada from before_erasure),
	'{"events": 1, "people": 1, "encounters": 1, "follow_ups": 1, "promises": 1, "note_revisions": 2, "sync_ledger": 6}'::jsonb,
	'Ada has rows in every table'
);

-- Anonymous: cannot call it.
select pg_temp.act_anon();
select throws_ok($$ select public.delete_my_data() $$, '42501', null, 'anon cannot call delete_my_data');
reset role;

-- Outside delete_my_data, even the owner deletes nothing: refused, not silently zero rows.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select throws_ok(
	format('delete from app_private.%I where owner_id = auth.uid()', name),
	'42501',
	null,
	format('Ada cannot delete her own %s directly', name)
) from erased_tables order by name;
select throws_ok($$ update app_private.note_revisions set note = 'Rewritten' $$, '42501', null, 'Ada cannot rewrite a note revision');
-- Naming someone else in app.erasing opens nothing.
select pg_temp.set_erasing('b0000000-0000-4000-8000-000000000002');
select throws_ok($$ delete from app_private.people $$, '42501', null, 'app.erasing naming Bob does not let Ada delete');
-- Naming herself lets a delete through the trigger, but the policies still hold it to her own rows.
select pg_temp.set_erasing('a0000000-0000-4000-8000-000000000001');
select is_empty(
	$$ delete from app_private.people where owner_id = 'b0000000-0000-4000-8000-000000000002' returning 1 $$,
	'even while erasing, a delete reaches none of Bob''s rows'
);
select pg_temp.set_erasing('');
reset role;

-- Nor can the database's owner role delete a note revision or rewrite one outside an erasure.
select throws_ok($$ delete from app_private.note_revisions $$, '42501', null, 'a note revision is not deleted outside an erasure');
select throws_ok($$ update app_private.note_revisions set note = 'Rewritten' $$, '42501', null, 'nor rewritten');
select is(pg_temp.counts('b0000000-0000-4000-8000-000000000002'), (select bob from before_erasure), 'Bob''s rows are all there');

-- The erasure.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(public.delete_my_data(), 13::bigint, 'delete_my_data deletes Ada''s 13 rows (7 records, 6 ledger entries)');
select is(current_setting('app.erasing', true), '', 'and leaves no erasure open');
select throws_ok(
	$$ delete from app_private.people where owner_id = auth.uid() $$,
	'42501',
	null,
	'after it, a plain delete is refused again'
);
select is((public.sync_pull(0, 1000) -> 'rows'), '[]'::jsonb, 'Ada pulls nothing');
select ok(
	(public.sync_pull(0, 1000) ->> 'erased_at')::timestamptz is not null,
	'and every page tells her devices when she erased it, so they clear their copies'
);
reset role;
select is(
	pg_temp.counts('a0000000-0000-4000-8000-000000000001'),
	'{"events": 0, "people": 0, "encounters": 0, "follow_ups": 0, "promises": 0, "note_revisions": 0, "sync_ledger": 0}'::jsonb,
	'Ada has no rows left in any table'
);
select is(pg_temp.counts('b0000000-0000-4000-8000-000000000002'), (select bob from before_erasure), 'Bob''s rows are untouched');
select is(
	pg_temp.counts('c0000000-0000-4000-8000-000000000003') ->> 'note_revisions',
	'2',
	'so are Cy''s'
);
select is(
	(select seq from app_private.sync_state where owner_id = 'a0000000-0000-4000-8000-000000000001'),
	(select ada_seq from before_erasure),
	'Ada''s change counter is kept where it was'
);

-- Afterwards: a device that heard of the erasure (supabase/tests/08_final_erasure.sql has those
-- that did not) starts its mids afresh (its ledger is gone) and the new rows come after every
-- server_seq seen before, so no device's cursor skips them.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
create temporary table after_push on commit drop as
select public.sync_push('d0000000-0000-4000-8000-00000000000a', $$[
	{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Katherine"}}
]$$::jsonb, (public.sync_pull(0, 1) ->> 'erased_at')::timestamptz) -> 'results' -> 0 as result;
select is((select result ->> 'status' from after_push), 'applied', 'a push after the erasure is applied');
select cmp_ok(
	(select (result ->> 'server_seq')::bigint from after_push),
	'>',
	(select ada_seq from before_erasure),
	'with a server_seq above every one given before'
);
select is(
	(select jsonb_agg(r -> 'row' ->> 'name') from jsonb_array_elements(public.sync_pull(0, 1000) -> 'rows') as r),
	'["Katherine"]'::jsonb,
	'and it is all Ada pulls'
);
-- A device that heard of it, still holding higher mids, hears of the gap and renumbers.
select is(
	public.sync_push('d0000000-0000-4000-8000-00000000000b', $$[
		{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "fields": {"name": "Dorothy"}}
	]$$::jsonb, (public.sync_pull(0, 1) ->> 'erased_at')::timestamptz) -> 'results' -> 0,
	'{"mid": 2, "status": "gap", "expected": 1}'::jsonb,
	'another device of Ada''s pushing its next mid is told to start again at 1'
);
select is(public.delete_my_data(), 2::bigint, 'erasing again deletes what came since (a person and its ledger entry)');
reset role;

-- Bob erases his: Ada's and Cy's stay.
select pg_temp.act_as('b0000000-0000-4000-8000-000000000002');
select ok((public.sync_pull(0, 1) -> 'erased_at') = 'null'::jsonb, 'before Bob erases anything, his pages say so');
select is(public.delete_my_data(), 13::bigint, 'Bob erases his 13 rows');
select is(public.delete_my_data(), 0::bigint, 'and a second call finds nothing to delete');
reset role;
select is(
	(select sum(value::int) from jsonb_each_text(pg_temp.counts('b0000000-0000-4000-8000-000000000002'))),
	0::bigint,
	'Bob has nothing left'
);
select is(
	(select sum(value::int) from jsonb_each_text(pg_temp.counts('c0000000-0000-4000-8000-000000000003'))),
	13::bigint,
	'Cy still has all his rows'
);

-- Deleting a user account (Supabase's dashboard or admin API) still cascades, note revisions too.
select lives_ok(
	$$ delete from auth.users where id = 'c0000000-0000-4000-8000-000000000003' $$,
	'deleting a user from auth.users cascades through the guards'
);
select is(
	(select sum(value::int) from jsonb_each_text(pg_temp.counts('c0000000-0000-4000-8000-000000000003'))),
	0::bigint,
	'and takes all of that user''s rows'
);

select * from finish();
rollback;
