-- A mid used again for a different change is not a duplicate: it is answered "reused", with the mid
-- to start again from, and the batch stops there. The ledger keeps each change's digest (md5 of its
-- canonical jsonb text) to tell the two apart; an identical replay is still a duplicate.
begin;
select plan(15);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
create function pg_temp.person(mid integer, id text, name text) returns jsonb language sql as $$
	select jsonb_build_object('mid', mid, 'op', 'create', 'table', 'people', 'id', id, 'fields', jsonb_build_object('name', name));
$$;
create function pg_temp.statuses(outcome jsonb) returns jsonb language sql as $$
	select coalesce(jsonb_agg(r ->> 'status'), '[]') from jsonb_array_elements(outcome -> 'results') as r;
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');

select has_column('app_private', 'sync_ledger', 'digest', 'the ledger keeps each change''s digest');
select is(
	pg_temp.statuses(public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(
		pg_temp.person(1, 'f0000000-0000-4000-8000-000000000001', 'Grace'),
		pg_temp.person(2, 'f0000000-0000-4000-8000-000000000002', 'Alan')))),
	'["applied", "applied"]'::jsonb,
	'two new people (the new-rows path)'
);
select is(
	pg_temp.statuses(public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(
		jsonb_build_object('mid', 3, 'table', 'people', 'id', 'f0000000-0000-4000-8000-000000000001', 'base_seq', 1, 'fields', jsonb_build_object('title', 'Rear Admiral'))))),
	'["applied"]'::jsonb,
	'an edit (the change-by-change path)'
);
select is(
	(select count(*)::int from app_private.sync_ledger where digest is not null),
	3,
	'both paths record the digest'
);
select is(
	(select digest from app_private.sync_ledger where mid = 2),
	md5(pg_temp.person(2, 'f0000000-0000-4000-8000-000000000002', 'Alan')::text),
	'the md5 of the mutation''s jsonb text'
);

-- The same change again: a duplicate, whatever the key order or spacing of its JSON.
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000001',
		'[{"fields": {"name": "Alan"}, "table": "people", "id": "f0000000-0000-4000-8000-000000000002",   "op": "create", "mid": 2}]') -> 'results' -> 0 ->> 'status',
	'duplicate',
	'an identical replay is a duplicate'
);

-- Mid 2 again, for someone else: reported, and nothing from there on is applied.
create temporary table reused on commit drop as
select public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(
	pg_temp.person(1, 'f0000000-0000-4000-8000-000000000001', 'Grace'),
	pg_temp.person(2, 'f0000000-0000-4000-8000-000000000003', 'Hedy'),
	pg_temp.person(3, 'f0000000-0000-4000-8000-000000000004', 'Katherine'))) as outcome;
select is(pg_temp.statuses((select outcome from reused)), '["duplicate", "reused"]'::jsonb, 'mid 1 is a duplicate; mid 2 was used for another change');
select is(
	(select (outcome -> 'results' -> 1) - 'reason' from reused),
	'{"mid": 2, "status": "reused", "expected": 4}'::jsonb,
	'"reused" says where to start again: after the last mid applied'
);
select ok((select outcome -> 'results' -> 1 ->> 'reason' ilike 'mid 2 was used before%' from reused), 'with a reason');
select is(
	(select array_agg(name order by name) from app_private.people),
	array['Alan', 'Grace'],
	'neither Hedy nor Katherine after her was written'
);
select is((select max(mid) from app_private.sync_ledger), 3::bigint, 'nor recorded');

-- The device renumbers from 4, as after a gap, and both go through.
select is(
	pg_temp.statuses(public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(
		pg_temp.person(4, 'f0000000-0000-4000-8000-000000000003', 'Hedy'),
		pg_temp.person(5, 'f0000000-0000-4000-8000-000000000004', 'Katherine')))),
	'["applied", "applied"]'::jsonb,
	'renumbered from the mid it was given, the changes are applied'
);
select is(
	(select array_agg(name order by name) from app_private.people),
	array['Alan', 'Grace', 'Hedy', 'Katherine'],
	'and nobody is lost'
);

-- Ledger entries written before the digest existed match any change with their mid.
reset role;
update app_private.sync_ledger set digest = null where mid = 1;
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(pg_temp.person(1, 'f0000000-0000-4000-8000-000000000009', 'Someone else'))) -> 'results' -> 0 ->> 'status',
	'duplicate',
	'an entry with no digest answers as before: duplicate'
);
-- Another device's mids are its own.
select is(
	pg_temp.statuses(public.sync_push('d0000000-0000-4000-8000-000000000002', jsonb_build_array(pg_temp.person(1, 'f0000000-0000-4000-8000-000000000005', 'Mary')))),
	'["applied"]'::jsonb,
	'mid 1 of another device is a change of its own'
);

select * from finish();
rollback;
