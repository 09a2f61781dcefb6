-- A person's draft language (people.language): one of the six the app drafts in, or none; it syncs
-- like the person's other fields, and anything else is refused with the CHECK's code.
begin;
select plan(6);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
create function pg_temp.push(device uuid, mutation jsonb) returns jsonb language sql as $$
	select public.sync_push(device, jsonb_build_array(mutation || jsonb_build_object('mid', (
		select coalesce(max(l.mid), 0) + 1 from app_private.sync_ledger as l where l.client_id = device
	)))) -> 'results' -> 0;
$$;
create function pg_temp.set_language(value jsonb) returns jsonb language sql as $$
	select pg_temp.push('d0000000-0000-4000-8000-000000000001', jsonb_build_object(
		'table', 'people', 'id', 'f0000000-0000-4000-8000-000000000001', 'base_seq', 1000,
		'fields', jsonb_build_object('language', value)));
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');

select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"table": "people", "id": "f0000000-0000-4000-8000-000000000001", "op": "create", "fields": {"name": "Katrin", "match_keys": ["email:k@h.example"]}}') ->> 'status',
	'applied',
	'a person without a language is taken'
);
select is((select language from app_private.people), null, 'with no language chosen');
select is(pg_temp.set_language('"de"') ->> 'status', 'applied', 'a draft language is taken');
select is((select language from app_private.people), 'de', 'and stored');
select is(pg_temp.set_language('"klingon"') ->> 'code', '23514', 'another value is refused');
select is(pg_temp.set_language('null') ->> 'status', 'applied', 'the choice can be taken back');

select * from finish();
rollback;
