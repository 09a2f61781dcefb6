-- sync_push of a batch made only of new rows (written table by table, not row by row) gives the
-- same results, ledger, stamps and refusals as the row-by-row path.
begin;
select plan(18);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');

-- A capture: a follow-up, its encounter and its person, children first in the batch.
create temporary table first_batch as select $$[
	{"mid": 1, "op": "create", "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001",
	 "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "due_at": "2026-11-22T10:00:00Z", "queue_at": "2026-11-22T10:00:00Z"}},
	{"mid": 2, "op": "create", "table": "encounters", "id": "10000000-0000-4000-8000-000000000001",
	 "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "met_at": "2026-11-20T10:00:00Z", "note": "Compilers"}},
	{"mid": 3, "op": "create", "table": "people", "id": "F0000000-0000-4000-8000-000000000001",
	 "fields": {"name": "Grace", "org": "Navy", "match_keys": ["email:grace@navy.example"]}},
	{"mid": 4, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000002",
	 "fields": {"name": "Alan"}}
]$$::jsonb as batch;
create temporary table first_push as
select public.sync_push('d0000000-0000-4000-8000-000000000001', (select batch from first_batch)) as outcome;

select is(
	(select jsonb_agg(r ->> 'status') from first_push, jsonb_array_elements(outcome -> 'results') as r),
	'["applied", "applied", "applied", "applied"]'::jsonb,
	'every new row is applied, references within the batch included'
);
select is((select (outcome ->> 'last_mid')::bigint from first_push), 4::bigint, 'last_mid is the last one');
select is(
	(select r ->> 'id' from first_push, jsonb_array_elements(outcome -> 'results') as r where r ->> 'mid' = '3'),
	'f0000000-0000-4000-8000-000000000001',
	'an id in capitals comes back in its canonical form'
);
select results_eq(
	$$select (r ->> 'mid')::bigint, r ->> 'table', (r ->> 'server_seq')::bigint
	  from first_push, jsonb_array_elements(outcome -> 'results') as r order by 1$$,
	$$select 1::bigint, 'follow_ups', (select server_seq from app_private.follow_ups)
	  union all select 2, 'encounters', (select server_seq from app_private.encounters)
	  union all select 3, 'people', (select server_seq from app_private.people where name = 'Grace')
	  union all select 4, 'people', (select server_seq from app_private.people where name = 'Alan')$$,
	'each result carries the server_seq its row was given'
);
select is((select seq from app_private.sync_state), 4::bigint, 'the counter moved once per row');
select is(
	(select array_agg(server_seq order by server_seq) from (
		select server_seq from app_private.people union all select server_seq from app_private.encounters
		union all select server_seq from app_private.follow_ups) as s),
	array[1, 2, 3, 4]::bigint[],
	'the rows hold the sequence numbers 1 to 4, each once'
);
select results_eq(
	$$select mid, result from app_private.sync_ledger order by mid$$,
	$$select (r ->> 'mid')::bigint, r from first_push, jsonb_array_elements(outcome -> 'results') as r order by 1$$,
	'the ledger keeps each result'
);
select is(
	(select field_client ->> 'org' from app_private.people where name = 'Grace'),
	'd0000000-0000-4000-8000-000000000001',
	'the rows are stamped with the device that wrote them'
);
select is(
	(select array[org, title, badge_id] from app_private.people where name = 'Alan'),
	array['', '', ''],
	'fields not sent take the column defaults'
);

-- The same batch again (its response was lost): duplicates, the stored results, no new rows.
select is(
	(select jsonb_agg(r -> 'original') from jsonb_array_elements(
		public.sync_push('d0000000-0000-4000-8000-000000000001', (select batch from first_batch)) -> 'results'
	) as r),
	(select outcome -> 'results' from first_push),
	'sent again, the batch is four duplicates with the stored results'
);
select is((select seq from app_private.sync_state), 4::bigint, 'and writes nothing');

-- A batch of new rows where the database refuses one write: that one is rejected with the
-- reason, the others are applied.
create temporary table refused_push as
select public.sync_push('d0000000-0000-4000-8000-000000000001', $$[
	{"mid": 5, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000005", "fields": {"name": "Katherine"}},
	{"mid": 6, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000006", "fields": {"name": "   "}},
	{"mid": 7, "op": "create", "table": "encounters", "id": "10000000-0000-4000-8000-000000000007",
	 "fields": {"person_id": "f0000000-0000-4000-8000-0000000000ff", "met_at": "2026-11-20T10:00:00Z", "note": "Orbits"}},
	{"mid": 8, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000008", "fields": {"name": "Dorothy"}}
]$$::jsonb) as outcome;
select is(
	(select jsonb_agg(jsonb_build_array(r ->> 'status', r ->> 'code')) from refused_push, jsonb_array_elements(outcome -> 'results') as r),
	'[["applied", null], ["rejected", "23514"], ["rejected", "23503"], ["applied", null]]'::jsonb,
	'a blank name (a CHECK) and a missing person (a reference) are refused; the rest is applied'
);
select is(
	(select array_agg(name order by name) from app_private.people),
	array['Alan', 'Dorothy', 'Grace', 'Katherine'],
	'only the refused rows are missing'
);
select is((select count(*)::int from app_private.sync_ledger), 8, 'every mid is in the ledger, refused ones too');

-- A batch that also touches a row the server has takes the row-by-row path: a second device
-- creating Grace again adds what it knows and blanks nothing.
select is(
	(select jsonb_agg(r ->> 'status') from jsonb_array_elements(public.sync_push('d0000000-0000-4000-8000-000000000002', $$[
		{"mid": 1, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000009", "fields": {"name": "Hedy"}},
		{"mid": 2, "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace", "org": "", "title": "Rear Admiral"}}
	]$$::jsonb) -> 'results') as r),
	'["applied", "conflict"]'::jsonb,
	'a new row next to an existing one: the new one applied, the existing one merged by the conflict rules'
);
select is(
	(select array[org, title] from app_private.people where name = 'Grace'),
	array['Navy', 'Rear Admiral'],
	'the existing person keeps her organisation and gains the title'
);

-- A mid that is not a number stops the push, on this path as on the other.
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000003', $$[
		{"mid": "1", "op": "create", "table": "people", "id": "f0000000-0000-4000-8000-00000000000a", "fields": {"name": "Mary"}}
	]$$) -> 'results' -> 0 ->> 'status',
	'rejected',
	'a mid written as a string is refused, not applied'
);

-- The counter the new rows take their numbers from only moves forward.
select throws_ok(
	$$update app_private.sync_state set seq = 1$$,
	'42501',
	'The change counter only moves forward.',
	'a client cannot turn its counter back'
);

select * from finish();
rollback;
