-- sync_pull pages: every row exactly once, in server_seq order, at page sizes 1, 7 and 500,
-- over 10,000 rows written in one transaction.
begin;
select plan(7);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
-- Pulls everything at one page size; returns the server_seqs seen, in order, and the page count.
create function pg_temp.pull_all(lim integer) returns table (seqs bigint[], pages integer) language plpgsql as $$
declare
	cursor_at bigint := 0;
	page jsonb;
	seen bigint[] := '{}';
	count integer := 0;
begin
	loop
		page := public.sync_pull(cursor_at, lim);
		count := count + 1;
		seen := seen || array(select (r -> 'row' ->> 'server_seq')::bigint from jsonb_array_elements(page -> 'rows') as r);
		cursor_at := (page ->> 'next')::bigint;
		exit when not (page ->> 'has_more')::boolean;
	end loop;
	return query select seen, count;
end;
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');
insert into app_private.people (id, name, server_seq)
select gen_random_uuid(), 'Person ' || n, 0 from generate_series(1, 10000) as n;

select is((select cardinality(seqs) from pg_temp.pull_all(500)), 10000, 'page size 500: all 10,000 rows');
select is((select seqs from pg_temp.pull_all(500)), (select array_agg(n::bigint order by n) from generate_series(1, 10000) as n), 'page size 500: each once, in order');
select is((select pages from pg_temp.pull_all(500)), 20, 'page size 500: 20 pages');
select is((select seqs from pg_temp.pull_all(7)), (select array_agg(n::bigint order by n) from generate_series(1, 10000) as n), 'page size 7: each once, in order');
select is((select seqs from pg_temp.pull_all(1)), (select array_agg(n::bigint order by n) from generate_series(1, 10000) as n), 'page size 1: each once, in order');
select is(public.sync_pull(10000, 50) -> 'rows', '[]'::jsonb, 'nothing after the last row');
select is(public.sync_pull(9990, 0) ->> 'has_more', 'true', 'a page size below 1 still makes progress (one row at a time)');

select * from finish();
rollback;
