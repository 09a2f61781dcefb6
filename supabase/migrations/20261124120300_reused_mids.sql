-- A mid used again for a different change. The ledger answered any mid it had seen "duplicate",
-- and the device dropped the change as done: a device that reused its mids (restored from an old
-- copy, or sharing a client id) lost every change made under them. Each ledger entry now keeps a
-- digest of the change it recorded; a mid seen before whose change differs is answered
-- `{"mid": m, "status": "reused", "expected": last_mid + 1, "reason": …}` and the batch stops there,
-- like a gap: the device renumbers its waiting changes from `expected` and sends them again.
--
-- The digest is md5 of the mutation's jsonb text, which is canonical: jsonb keeps one copy of each
-- key, in a fixed order, without the sender's spacing (https://www.postgresql.org/docs/15/datatype-json.html).
-- It tells a replay from another change; it is no defence against the user themselves (who can only
-- confuse their own ledger). Entries written before this migration have none and match any change.
alter table app_private.sync_ledger add column digest text;

-- Applies a client's mutations in order, once each, after `last_mid`. Per mutation: a mid already
-- seen for the same change returns the stored result ('duplicate'), for a different change stops
-- the batch ('reused'); a mid beyond the next one means one went missing, so the batch stops there
-- ('gap'); anything else is applied, or rejected with a reason, and recorded with its digest.
-- With `guarded`, each change runs in its own subtransaction, so a write the database refuses is
-- rolled back on its own and reported while the rest goes on; without, the first such write raises.
create or replace function app_private.push_batch(me uuid, client uuid, mutations jsonb, last_mid bigint, guarded boolean)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	m jsonb;
	this_mid bigint;
	result jsonb;
	stored text;
	results jsonb[] := '{}';
begin
	for m in select value from jsonb_array_elements(mutations) loop
		if jsonb_typeof(m) <> 'object' or jsonb_typeof(m -> 'mid') <> 'number' or (m ->> 'mid') !~ '^\d{1,18}$' or (m ->> 'mid')::bigint < 1 then
			results := results || app_private.rejected(null, 'Each mutation needs a positive whole-number mid; the push stopped here.');
			exit;
		end if;
		this_mid := (m ->> 'mid')::bigint;
		if this_mid <= last_mid then
			select l.result, l.digest into result, stored
			from app_private.sync_ledger as l
			where l.owner_id = me and l.client_id = client and l.mid = this_mid;
			-- (An entry with no digest was written before digests were kept: it matches.)
			if stored <> md5(m::text) then
				results := results || jsonb_build_object(
					'mid', this_mid,
					'status', 'reused',
					'expected', last_mid + 1,
					'reason', format('Mid %s was used before for a different change; send this and what follows again from mid %s.', this_mid, last_mid + 1)
				);
				exit;
			end if;
			results := results || jsonb_build_object('mid', this_mid, 'status', 'duplicate', 'original', coalesce(result, 'null'::jsonb));
			continue;
		end if;
		if this_mid > last_mid + 1 then
			results := results || jsonb_build_object('mid', this_mid, 'status', 'gap', 'expected', last_mid + 1);
			exit;
		end if;
		if guarded then
			begin
				result := app_private.apply_mutation(me, client, this_mid, m);
			exception
				when others then
					-- A deadlock, a lock or statement timeout is the moment's, not the change's: the
					-- whole push fails and is sent again, never recorded as refused.
					if sqlstate like '40%' or sqlstate in ('55P03', '57014') then
						raise;
					end if;
					result := app_private.rejected(this_mid, left(sqlerrm, 300), sqlstate)
						|| jsonb_build_object('table', m ->> 'table', 'id', m ->> 'id');
			end;
		else
			result := app_private.apply_mutation(me, client, this_mid, m);
		end if;
		insert into app_private.sync_ledger (owner_id, client_id, mid, result, digest)
		values (me, client, this_mid, result, md5(m::text));
		last_mid := this_mid;
		results := results || result;
	end loop;
	return jsonb_build_object('results', to_jsonb(results), 'last_mid', last_mid);
end;
$$;

-- A batch made only of rows new to the server (the usual push after a day offline: captures, each
-- a person, an encounter, a follow-up) is written with one insert per table and set of fields, not
-- row by row. Null when the batch is anything else (a change to a row the server has, a delete, a
-- mid out of sequence, a malformed change): push_batch takes those.
create or replace function app_private.push_new_rows(me uuid, client uuid, mutations jsonb, last_mid bigint)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	batch_size integer := jsonb_array_length(mutations);
	grp record;
	seqs jsonb := '{}';
	inserted jsonb;
	results jsonb;
begin
	if batch_size = 0 or exists (
		select 1 from jsonb_array_elements(mutations) with ordinality as e(m, n)
		where jsonb_typeof(e.m) <> 'object'
			or jsonb_typeof(e.m -> 'mid') is distinct from 'number'
			or (e.m ->> 'mid') is distinct from (last_mid + e.n)::text
			or coalesce(e.m ->> 'op', 'upsert') not in ('create', 'upsert')
			or app_private.mutation_problem(e.m) is not null
	) then
		return null;
	end if;
	if (select count(distinct (e.m ->> 'table', (e.m ->> 'id')::uuid)) from jsonb_array_elements(mutations) as e(m)) < batch_size
		or exists (
			select 1 from jsonb_array_elements(mutations) as e(m)
			where case e.m ->> 'table'
				when 'people' then exists (select 1 from app_private.people as t where t.owner_id = me and t.id = (e.m ->> 'id')::uuid)
				when 'encounters' then exists (select 1 from app_private.encounters as t where t.owner_id = me and t.id = (e.m ->> 'id')::uuid)
				when 'follow_ups' then exists (select 1 from app_private.follow_ups as t where t.owner_id = me and t.id = (e.m ->> 'id')::uuid)
				when 'promises' then exists (select 1 from app_private.promises as t where t.owner_id = me and t.id = (e.m ->> 'id')::uuid)
				when 'events' then exists (select 1 from app_private.events as t where t.owner_id = me and t.id = (e.m ->> 'id')::uuid)
			end
		) then
		return null;
	end if;

	-- Parents before children, so references within the batch hold.
	for grp in
		with shaped as (
			select e.n, e.m ->> 'table' as tbl, e.m,
				(select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(coalesce(nullif(e.m -> 'fields', 'null'), '{}')) as k) as cols
			from jsonb_array_elements(mutations) with ordinality as e(m, n)
		)
		select tbl, cols, jsonb_agg(m order by n) as rows
		from shaped
		group by tbl, cols
		order by array_position(array['events', 'people', 'encounters', 'follow_ups', 'promises'], tbl), min(n)
	loop
		execute format(
			'with inserted as (insert into app_private.%1$I (owner_id, id%2$s) select $1, (e.m ->> ''id'')::uuid%3$s from jsonb_array_elements($2) with ordinality as e(m, n) cross join lateral jsonb_populate_record(null::app_private.%1$I, coalesce(nullif(e.m -> ''fields'', ''null''), ''{}'')) as r order by e.n returning id, server_seq) select jsonb_object_agg(%4$L || id::text, server_seq) from inserted',
			grp.tbl,
			(select string_agg(format(', %I', c), '') from unnest(grp.cols) as c),
			(select string_agg(format(', r.%I', c), '') from unnest(grp.cols) as c),
			grp.tbl || ':'
		) into inserted using me, grp.rows;
		seqs := seqs || inserted;
	end loop;

	select jsonb_agg(jsonb_build_object(
		'mid', (e.m ->> 'mid')::bigint,
		'status', 'applied',
		'table', e.m ->> 'table',
		'id', (e.m ->> 'id')::uuid,
		'server_seq', (seqs ->> ((e.m ->> 'table') || ':' || (e.m ->> 'id')::uuid::text))::bigint
	) order by e.n)
	into results
	from jsonb_array_elements(mutations) with ordinality as e(m, n);
	insert into app_private.sync_ledger (owner_id, client_id, mid, result, digest)
	select me, client, (r ->> 'mid')::bigint, r, md5(e.m::text)
	from jsonb_array_elements(results) with ordinality as r(r, n)
	join jsonb_array_elements(mutations) with ordinality as e(m, n) using (n);
	return jsonb_build_object('results', results, 'last_mid', last_mid + batch_size);
end;
$$;

revoke all on function
	app_private.push_batch(uuid, uuid, jsonb, bigint, boolean),
	app_private.push_new_rows(uuid, uuid, jsonb, bigint)
	from public, anon, service_role;
grant execute on function
	app_private.push_batch(uuid, uuid, jsonb, bigint, boolean),
	app_private.push_new_rows(uuid, uuid, jsonb, bigint)
	to authenticated;
