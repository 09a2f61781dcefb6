-- Who can reach what: nobody anonymous, no user another user's rows, every table under RLS.
begin;
select plan(82);

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

insert into auth.users (id, email) values
	('a0000000-0000-4000-8000-000000000001', 'ada@test.example'),
	('b0000000-0000-4000-8000-000000000002', 'bob@test.example');

-- Ada has one row in every table, written the way the app writes: through sync_push.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(public.sync_push('c0000000-0000-4000-8000-00000000000a', $$[
	{"mid": 1, "table": "events", "id": "e0000000-0000-4000-8000-000000000001", "fields": {"name": "Summit", "start_date": "2026-11-20", "end_date": "2026-11-21", "time_zone": "Europe/Lisbon"}},
	{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace", "email": "grace@x.example"}},
	{"mid": 3, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "event_id": "e0000000-0000-4000-8000-000000000001", "met_at": "2026-11-20T10:00:00Z", "note": "Compilers for COBOL"}},
	{"mid": 4, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "due_at": "2026-11-22T10:00:00Z", "queue_at": "2026-11-22T10:00:00Z"}},
	{"mid": 5, "table": "promises", "id": "30000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "follow_up_id": "20000000-0000-4000-8000-000000000001", "text": "Send the paper", "due_at": "2026-11-22T10:00:00Z"}}
]$$::jsonb) ->> 'last_mid', '5', 'the fixture rows were pushed');
-- A concurrent note edit from a second device, so there are note revisions too.
select is(public.sync_push('c0000000-0000-4000-8000-00000000000c', $$[
	{"mid": 1, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": 0, "fields": {"note": "A concurrent edit"}}
]$$::jsonb) -> 'results' -> 0 ->> 'status', 'conflict', 'a second device edited the note concurrently');
reset role;

create temporary table tables_under_test (name text, insert_sql text) on commit drop;
grant select on tables_under_test to anon, authenticated;
insert into tables_under_test values
	('sync_state', $$insert into public.sync_state (owner_id, seq) values ('a0000000-0000-4000-8000-000000000001', 99)$$),
	('events', $$insert into public.events (owner_id, id, name, start_date, end_date, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'x', '2026-01-01', '2026-01-01', 0)$$),
	('people', $$insert into public.people (owner_id, id, name, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'x', 0)$$),
	('encounters', $$insert into public.encounters (owner_id, id, person_id, met_at, note, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'f0000000-0000-4000-8000-000000000001', now(), 'x', 0)$$),
	('follow_ups', $$insert into public.follow_ups (owner_id, id, person_id, due_at, queue_at, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'f0000000-0000-4000-8000-000000000001', now(), now(), 0)$$),
	('promises', $$insert into public.promises (owner_id, id, person_id, encounter_id, follow_up_id, text, due_at, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'f0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'x', now(), 0)$$),
	('note_revisions', $$insert into public.note_revisions (owner_id, encounter_id, note, source, server_seq) values ('a0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'x', 'client', 0)$$),
	('sync_ledger', $$insert into public.sync_ledger (owner_id, client_id, mid, result) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 999, '{}')$$);

-- Every table: RLS enabled and forced, and Ada's rows exist.
select ok(
	(select bool_and(c.relrowsecurity and c.relforcerowsecurity) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r')
	and (select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r') = 8,
	'RLS is enabled and forced on all 8 tables'
);
select ok(exists (select 1 from public.note_revisions), 'the fixture created note revisions');
select is_empty(
	$$ select p.oid::regprocedure::text from pg_proc p
	   where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace)
	     and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) as c where c like 'search_path=%') $$,
	'no function in public or app_private has a mutable search_path'
);
select is_empty(
	$$ select p.oid::regprocedure::text from pg_proc p where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace) and p.prosecdef $$,
	'no function is security definer'
);

-- Anonymous: nothing at all.
select pg_temp.act_anon();
select throws_ok(format('select * from public.%I', name), '42501', null, format('anon cannot select %s', name)) from tables_under_test order by name;
select throws_ok(insert_sql, '42501', null, format('anon cannot insert into %s', name)) from tables_under_test order by name;
select throws_ok(format('update public.%I set owner_id = owner_id', name), '42501', null, format('anon cannot update %s', name)) from tables_under_test order by name;
select throws_ok(format('delete from public.%I', name), '42501', null, format('anon cannot delete from %s', name)) from tables_under_test order by name;
select throws_ok($$ select public.sync_push('c0000000-0000-4000-8000-00000000000b', '[]') $$, '42501', null, 'anon cannot call sync_push');
select throws_ok($$ select public.sync_pull(0, 10) $$, '42501', null, 'anon cannot call sync_pull');
select throws_ok($$ select app_private.apply_mutation(gen_random_uuid(), gen_random_uuid(), 1, '{}') $$, '42501', null, 'anon cannot reach app_private');
reset role;

-- Another signed-in user: sees none of Ada's rows, can neither add rows in her name, nor change
-- or delete hers, and the RPCs only ever touch his own.
select pg_temp.act_as('b0000000-0000-4000-8000-000000000002');
select is_empty(format('select 1 from public.%I', name), format('Bob sees none of Ada''s %s', name)) from tables_under_test order by name;
select throws_ok(insert_sql, '42501', null, format('Bob cannot insert into %s as Ada', name)) from tables_under_test order by name;
select is_empty(format('update public.%I set owner_id = owner_id returning 1', name), format('Bob changes none of Ada''s %s', name))
	from tables_under_test where name not in ('note_revisions', 'sync_ledger') order by name;
select throws_ok(format('update public.%I set owner_id = owner_id', name), '42501', null, format('%s is append-only', name))
	from tables_under_test where name in ('note_revisions', 'sync_ledger') order by name;
select throws_ok(format('delete from public.%I', name), '42501', null, format('Bob cannot delete from %s', name)) from tables_under_test order by name;
select is((public.sync_pull(0, 1000) -> 'rows'), '[]'::jsonb, 'sync_pull gives Bob none of Ada''s rows');
select is(
	public.sync_push('c0000000-0000-4000-8000-00000000000b', $$[{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Hijacked"}}]$$) -> 'results' -> 0 ->> 'status',
	'applied',
	'sync_push with Ada''s row id writes a row of Bob''s own'
);
reset role;
select is((select name from public.people where owner_id = 'a0000000-0000-4000-8000-000000000001' and id = 'f0000000-0000-4000-8000-000000000001'), 'Grace', 'Ada''s person is unchanged');
select is((select count(*)::int from public.people where id = 'f0000000-0000-4000-8000-000000000001'), 2, 'the two users'' rows are apart');
select is((select count(*)::int from public.sync_ledger where owner_id = 'a0000000-0000-4000-8000-000000000001'), 6, 'Ada''s push ledger is untouched');
select results_eq(
	$$ select owner_id from public.people where name = 'Hijacked' $$,
	$$ values ('b0000000-0000-4000-8000-000000000002'::uuid) $$,
	'the row Bob pushed is his'
);

-- Frozen columns: owner, id and sequence cannot be changed, even by the owner.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select throws_ok($$ update public.people set id = gen_random_uuid() where name = 'Grace' $$, '42501', null, 'a row''s id is frozen');
select throws_ok($$ update public.people set server_seq = 1 where name = 'Grace' $$, '42501', null, 'server_seq is frozen');
select throws_ok($$ update public.people set owner_id = 'b0000000-0000-4000-8000-000000000002' where name = 'Grace' $$, '42501', null, 'owner_id is frozen');
select * from finish();
rollback;
