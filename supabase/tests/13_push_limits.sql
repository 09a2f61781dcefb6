-- Shared limits (20261208120000_push_limits): what one account can make the project store.
begin;
select plan(17);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
-- What a push raised: its SQLSTATE, DETAIL and HINT (PostgREST's code, details and hint), or null.
create function pg_temp.refusal(device uuid, mutations jsonb) returns jsonb language plpgsql as $$
declare
	state text;
	detail text;
	hint text;
	message text;
begin
	perform public.sync_push(device, mutations);
	return null;
exception when others then
	get stacked diagnostics state = returned_sqlstate, detail = pg_exception_detail, hint = pg_exception_hint, message = message_text;
	return jsonb_build_object('code', state, 'details', detail, 'hint', hint, 'message', message);
end;
$$;
create function pg_temp.person(mid bigint, id uuid, name text) returns jsonb language sql as $$
	select jsonb_build_object('mid', mid, 'table', 'people', 'id', id, 'op', 'create', 'fields', jsonb_build_object('name', name));
$$;

insert into auth.users (id, email) values
	('a0000000-0000-4000-8000-000000000001', 'ada@test.example'),
	('b0000000-0000-4000-8000-000000000002', 'grace@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');

-- 12. A rejection records at most a bounded reason, whatever the client sent.
select ok(
	public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(jsonb_build_object('mid', 1, 'table', repeat('x', 1000000), 'id', gen_random_uuid()))) -> 'results' -> 0 ->> 'reason'
		= format('Unknown table %L.', repeat('x', 64)),
	'an unknown table is quoted cut to 64 characters'
);
select ok(
	public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(jsonb_build_object('mid', 2, 'table', 'people', 'id', gen_random_uuid(), 'op', repeat('y', 1000000)))) -> 'results' -> 0 ->> 'reason'
		= format('Unknown operation %L.', repeat('y', 64)),
	'an unknown operation is quoted cut to 64 characters'
);
select cmp_ok(
	(select max(octet_length(result::text)) from app_private.sync_ledger),
	'<', 300::integer,
	'each rejection of a 1 MB name stored fewer than 300 bytes in the ledger'
);
-- The whole push at its size limit, every change rejected: what the ledger keeps.
select is(
	jsonb_array_length(public.sync_push('d0000000-0000-4000-8000-000000000001', (
		select jsonb_agg(jsonb_build_object('mid', 2 + n, 'table', repeat('z', 19000), 'id', gen_random_uuid()) order by n) from generate_series(1, 100) as n
	)) -> 'results'),
	100,
	'a push of 100 changes naming 19 KB tables is answered change by change'
);
select cmp_ok(
	(select sum(octet_length(result::text))::integer from app_private.sync_ledger where mid > 2),
	'<', 30000,
	'and its 1.9 MB left under 30 KB in the ledger'
);

-- 12. One push is at most 2,000,000 bytes: 413, nothing applied or recorded.
create temporary table before on commit drop as
	select (select count(*) from app_private.sync_ledger) as ledger, (select seq from app_private.sync_state) as seq;
select is(
	pg_temp.refusal('d0000000-0000-4000-8000-000000000001', jsonb_build_array(jsonb_build_object('mid', 103, 'table', repeat('x', 2000000), 'id', gen_random_uuid()))) - 'message',
	'{"code": "PT413", "details": "sync_push_too_large", "hint": "Send fewer changes at a time."}'::jsonb,
	'a push over 2,000,000 bytes is refused as too large (HTTP 413)'
);
select is(
	(select count(*) from app_private.sync_ledger), (select ledger from before),
	'the refused push recorded nothing'
);

-- 13. The day's bytes are counted, once per change.
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(pg_temp.person(103, 'f0000000-0000-4000-8000-000000000001', 'Grace'))) -> 'results' -> 0 ->> 'status',
	'applied', 'a person is pushed'
);
create temporary table counted on commit drop as select pushed_bytes from app_private.sync_state;
select ok(
	(select pushed_day = (now() at time zone 'utc')::date and pushed_bytes > 0 from app_private.sync_state),
	'the push counts toward today''s bytes'
);
select public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(pg_temp.person(103, 'f0000000-0000-4000-8000-000000000001', 'Grace')));
select is(
	(select pushed_bytes from app_private.sync_state), (select pushed_bytes from counted),
	'the same change sent again (its answer lost) is not counted again'
);

-- 13. At the day's limit: 429, nothing of the push applied; the next day it goes through.
reset role;
update app_private.sync_state set pushed_bytes = 25000000 - 10 where owner_id = 'a0000000-0000-4000-8000-000000000001';
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(
	pg_temp.refusal('d0000000-0000-4000-8000-000000000001', jsonb_build_array(pg_temp.person(104, 'f0000000-0000-4000-8000-000000000002', 'Tomasz'))) - 'message' - 'hint',
	'{"code": "PT429", "details": "sync_quota_bytes_per_day"}'::jsonb,
	'a push past 25,000,000 bytes in a day is refused (HTTP 429, sync_quota_bytes_per_day)'
);
select is(
	(select count(*) from app_private.people where id = 'f0000000-0000-4000-8000-000000000002'), 0::bigint,
	'and nothing of it was applied'
);
reset role;
update app_private.sync_state set pushed_day = pushed_day - 1 where owner_id = 'a0000000-0000-4000-8000-000000000001';
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000001', jsonb_build_array(pg_temp.person(104, 'f0000000-0000-4000-8000-000000000002', 'Tomasz'))) -> 'results' -> 0 ->> 'status',
	'applied', 'the next UTC day the same push is applied'
);

-- 13. At 20,000 people a new person is refused (429, sync_quota_rows); an edit still goes through.
select pg_temp.act_as('b0000000-0000-4000-8000-000000000002');
select public.sync_push('d0000000-0000-4000-8000-000000000002', jsonb_build_array(pg_temp.person(1, 'f0000000-0000-4000-8000-000000000003', 'Linus')));
-- (The counter as sync_push keeps it, so the stamping trigger does not update it 19,999 times.)
select set_config('app.seq_owner', 'b0000000-0000-4000-8000-000000000002', true), set_config('app.seq', '100', true);
insert into app_private.people (owner_id, id, name)
	select 'b0000000-0000-4000-8000-000000000002', gen_random_uuid(), 'Someone ' || n from generate_series(1, 19999) as n;
select set_config('app.seq_owner', '', true);
reset role;
update app_private.sync_state set seq = 20100 where owner_id = 'b0000000-0000-4000-8000-000000000002';
select pg_temp.act_as('b0000000-0000-4000-8000-000000000002');
select is(
	pg_temp.refusal('d0000000-0000-4000-8000-000000000002', jsonb_build_array(pg_temp.person(2, 'f0000000-0000-4000-8000-000000000004', 'Margaret'))) - 'message',
	'{"code": "PT429", "details": "sync_quota_rows", "hint": "people"}'::jsonb,
	'the 20,001st person is refused (HTTP 429, sync_quota_rows)'
);
select is(
	(select count(*) from app_private.people), 20000::bigint,
	'and not stored'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000002', '[{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000003", "op": "upsert", "base_seq": 1, "fields": {"org": "Kernel"}}]') -> 'results' -> 0 ->> 'status',
	'applied', 'an edit of a person held is applied at the limit'
);
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000002', jsonb_build_array(jsonb_build_object('mid', 3, 'table', 'events', 'id', gen_random_uuid(), 'op', 'create', 'fields', jsonb_build_object('name', 'Conf', 'start_date', '2026-12-01', 'end_date', '2026-12-02')))) -> 'results' -> 0 ->> 'status',
	'applied', 'other tables have their own limits'
);

select * from finish();
rollback;
