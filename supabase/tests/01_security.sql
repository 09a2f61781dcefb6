-- Who can reach what: nobody anonymous, no user another user's rows, every table under RLS.
begin;
select plan(89);

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
	('sync_state', $$insert into app_private.sync_state (owner_id, seq) values ('a0000000-0000-4000-8000-000000000001', 99)$$),
	('events', $$insert into app_private.events (owner_id, id, name, start_date, end_date, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'x', '2026-01-01', '2026-01-01', 0)$$),
	('people', $$insert into app_private.people (owner_id, id, name, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'x', 0)$$),
	('encounters', $$insert into app_private.encounters (owner_id, id, person_id, met_at, note, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'f0000000-0000-4000-8000-000000000001', now(), 'x', 0)$$),
	('follow_ups', $$insert into app_private.follow_ups (owner_id, id, person_id, due_at, queue_at, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'f0000000-0000-4000-8000-000000000001', now(), now(), 0)$$),
	('promises', $$insert into app_private.promises (owner_id, id, person_id, encounter_id, follow_up_id, text, due_at, server_seq) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 'f0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'x', now(), 0)$$),
	('note_revisions', $$insert into app_private.note_revisions (owner_id, encounter_id, note, source, server_seq) values ('a0000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'x', 'client', 0)$$),
	('sync_ledger', $$insert into app_private.sync_ledger (owner_id, client_id, mid, result) values ('a0000000-0000-4000-8000-000000000001', gen_random_uuid(), 999, '{}')$$);

-- Every table: RLS enabled and forced, and Ada's rows exist.
select ok(
	(select bool_and(c.relrowsecurity and c.relforcerowsecurity) from pg_class c where c.relnamespace = 'app_private'::regnamespace and c.relkind = 'r')
	and (select count(*) from pg_class c where c.relnamespace = 'app_private'::regnamespace and c.relkind = 'r') = 13,
	'RLS is enabled and forced on all 13 tables'
);
select ok(exists (select 1 from app_private.note_revisions), 'the fixture created note revisions');
select is_empty(
	$$ select p.oid::regprocedure::text from pg_proc p
	   where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace)
	     and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) as c where c like 'search_path=%') $$,
	'no function in public or app_private has a mutable search_path'
);
-- The written exceptions (supabase/migrations/20261207120000_reminders.sql says why; the pruning:
-- 20261210120000_reminder_pruning.sql), none of them in public.
select results_eq(
	$$ select p.oid::regprocedure::text from pg_proc p where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace) and p.prosecdef order by 1 $$,
	$$ values ('app_private.claim_reminders(timestamp with time zone,integer)'), ('app_private.finish_reminder(uuid,jsonb)'),
	          ('app_private.prune_reminders(timestamp with time zone,integer)'),
	          ('app_private.release_push_endpoint(text)'), ('app_private.stop_digest(uuid)') $$,
	'the only security definer functions are the reminders'' five, in app_private'
);

-- The HTTP surface. PostgREST serves every table, view and function of the schemas in
-- supabase/config.toml `[api] schemas` — there, only `public` (tests/db/migrations.test.ts reads the
-- file and holds it to this) — with the caller's grants
-- (https://docs.postgrest.org/en/stable/references/api/schemas.html). `graphql_public` is listed
-- too: the Supabase CLI's default config serves it (supabase/cli pkg/config/templates/config.toml).
select is_empty(
	$$ select c.oid::regclass::text from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f') $$,
	'no table or view is in public'
);
select results_eq(
	$$ select p.oid::regprocedure::text from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1 $$,
	$$ values ('delete_my_data()'), ('forget_push_subscription(text)'), ('get_reminder_settings()'),
	          ('save_push_subscription(jsonb,text)'), ('save_reminder_settings(jsonb)'),
	          ('sync_pull(bigint,integer)'), ('sync_push(uuid,jsonb,timestamp with time zone)') $$,
	'the functions in public are exactly sync_push, sync_pull, delete_my_data and the four of reminders'
);
select is_empty(
	$$ select format('%s on %s', r.rolname, c.oid::regclass) from pg_class c
	   cross join (values ('authenticated'), ('anon')) as r(rolname)
	   where c.relnamespace in (select oid from pg_namespace where nspname in ('public', 'graphql_public'))
	     and c.relkind in ('r', 'p', 'v', 'm', 'f')
	     and (has_table_privilege(r.rolname, c.oid, 'select, insert, update, delete, truncate, references, trigger')
	          or has_any_column_privilege(r.rolname, c.oid, 'select, insert, update, references')) $$,
	'neither authenticated nor anon can reach a table in a schema PostgREST serves'
);
select is_empty(
	$$ select p.oid::regprocedure::text from pg_proc p
	   where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace)
	     and has_function_privilege('anon', p.oid, 'execute') $$,
	'anon can execute no function of ours'
);
select ok(
	not has_schema_privilege('anon', 'app_private', 'usage'),
	'anon cannot even look into app_private'
);
select is_empty(
	$$ select format('%s on %s', r.rolname, c.oid::regclass) from pg_class c
	   cross join (values ('anon'), ('service_role'), ('public')) as r(rolname)
	   where c.relnamespace = 'app_private'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
	     and has_table_privilege(r.rolname, c.oid, 'select, insert, update, delete, truncate, references, trigger') $$,
	'only authenticated is granted anything on the tables'
);
select is_empty(
	$$ select c.oid::regclass::text from pg_class c
	   where c.relnamespace = 'app_private'::regnamespace and c.relkind = 'r'
	     and has_table_privilege('authenticated', c.oid, 'truncate, references, trigger') $$,
	'authenticated may not truncate, reference or add triggers to any table'
);

-- Anonymous: nothing at all.
select pg_temp.act_anon();
select throws_ok(format('select * from app_private.%I', name), '42501', null, format('anon cannot select %s', name)) from tables_under_test order by name;
select throws_ok(insert_sql, '42501', null, format('anon cannot insert into %s', name)) from tables_under_test order by name;
select throws_ok(format('update app_private.%I set owner_id = owner_id', name), '42501', null, format('anon cannot update %s', name)) from tables_under_test order by name;
select throws_ok(format('delete from app_private.%I', name), '42501', null, format('anon cannot delete from %s', name)) from tables_under_test order by name;
select throws_ok($$ select public.sync_push('c0000000-0000-4000-8000-00000000000b', '[]') $$, '42501', null, 'anon cannot call sync_push');
select throws_ok($$ select public.sync_pull(0, 10) $$, '42501', null, 'anon cannot call sync_pull');
select throws_ok($$ select app_private.apply_mutation(gen_random_uuid(), gen_random_uuid(), 1, '{}') $$, '42501', null, 'anon cannot reach app_private');
reset role;

-- Another signed-in user: sees none of Ada's rows, can neither add rows in her name, nor change
-- or delete hers, and the RPCs only ever touch his own.
select pg_temp.act_as('b0000000-0000-4000-8000-000000000002');
select is_empty(format('select 1 from app_private.%I', name), format('Bob sees none of Ada''s %s', name)) from tables_under_test order by name;
select throws_ok(insert_sql, '42501', null, format('Bob cannot insert into %s as Ada', name)) from tables_under_test order by name;
select is_empty(format('update app_private.%I set owner_id = owner_id returning 1', name), format('Bob changes none of Ada''s %s', name))
	from tables_under_test where name not in ('note_revisions', 'sync_ledger') order by name;
select throws_ok(format('update app_private.%I set owner_id = owner_id', name), '42501', null, format('%s is append-only', name))
	from tables_under_test where name in ('note_revisions', 'sync_ledger') order by name;
select throws_ok(format('delete from app_private.%I', name), '42501', null, format('Bob cannot delete from %s', name)) from tables_under_test order by name;
select is((public.sync_pull(0, 1000) -> 'rows'), '[]'::jsonb, 'sync_pull gives Bob none of Ada''s rows');
select is(
	public.sync_push('c0000000-0000-4000-8000-00000000000b', $$[{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Hijacked"}}]$$) -> 'results' -> 0 ->> 'status',
	'applied',
	'sync_push with Ada''s row id writes a row of Bob''s own'
);
reset role;
select is((select name from app_private.people where owner_id = 'a0000000-0000-4000-8000-000000000001' and id = 'f0000000-0000-4000-8000-000000000001'), 'Grace', 'Ada''s person is unchanged');
select is((select count(*)::int from app_private.people where id = 'f0000000-0000-4000-8000-000000000001'), 2, 'the two users'' rows are apart');
select is((select count(*)::int from app_private.sync_ledger where owner_id = 'a0000000-0000-4000-8000-000000000001'), 6, 'Ada''s push ledger is untouched');
select results_eq(
	$$ select owner_id from app_private.people where name = 'Hijacked' $$,
	$$ values ('b0000000-0000-4000-8000-000000000002'::uuid) $$,
	'the row Bob pushed is his'
);

-- Frozen columns: owner, id and sequence cannot be changed, even by the owner.
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select throws_ok($$ update app_private.people set id = gen_random_uuid() where name = 'Grace' $$, '42501', null, 'a row''s id is frozen');
select throws_ok($$ update app_private.people set server_seq = 1 where name = 'Grace' $$, '42501', null, 'server_seq is frozen');
select throws_ok($$ update app_private.people set owner_id = 'b0000000-0000-4000-8000-000000000002' where name = 'Grace' $$, '42501', null, 'owner_id is frozen');
select * from finish();
rollback;
