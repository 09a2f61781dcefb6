-- The tables leave the schema the Data API serves. Every schema in `[api] schemas`
-- (supabase/config.toml: only `public`) is served by PostgREST at /rest/v1/<table> with the
-- caller's grants and RLS (https://docs.postgrest.org/en/stable/references/api/schemas.html), and
-- pg_graphql reflects the same schemas (supabase/pg_graphql docs/supabase.md, "Schema & Table
-- Visibility"). While the tables were in `public`, a signed-in user could write their own rows
-- there directly, around sync_push: forge push-ledger entries (their next real changes came back
-- "duplicate" and were dropped), overwrite a note without a revision, set erased_at, or push their
-- change counter to its maximum so every later push failed. In `app_private` they are reached only
-- through the three functions in `public`: sync_push, sync_pull and delete_my_data.
--
-- `alter table … set schema` carries indexes, constraints, triggers, policies and grants along,
-- but function bodies are text: every function that names a table is created again below, naming
-- `app_private.<table>`. The functions stay security invoker with an empty search_path, so the
-- signed-in role keeps the table privileges they need (granted again explicitly at the end).

alter table public.sync_state set schema app_private;
alter table public.events set schema app_private;
alter table public.people set schema app_private;
alter table public.encounters set schema app_private;
alter table public.follow_ups set schema app_private;
alter table public.promises set schema app_private;
alter table public.note_revisions set schema app_private;
alter table public.sync_ledger set schema app_private;

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

-- The bodies of before (20261123120100_triggers, 20261123120300_sync,
-- 20261123120400_delete_my_data) with the tables' new schema, except where said: push_batch and
-- push_new_rows keep each change's digest, and sync_push takes the erasure its device saw.

create or replace function app_private.next_seq(owner uuid)
returns bigint
language plpgsql
security invoker
set search_path = ''
as $$
declare
	next_value bigint;
begin
	-- Inside sync_push the counter, already locked, is kept in the transaction and written back
	-- once at the end (updating one row per change made every push slower the longer it was).
	if current_setting('app.seq_owner', true) = owner::text then
		next_value := current_setting('app.seq')::bigint + 1;
		perform set_config('app.seq', next_value::text, true);
		return next_value;
	end if;
	insert into app_private.sync_state as s (owner_id, seq)
	values (owner, 1)
	on conflict (owner_id) do update set seq = s.seq + 1
	returning s.seq into next_value;
	return next_value;
end;
$$;

-- Applies one mutation for `me` and returns its result: a malformed one is returned as rejected; a
-- write the database refuses (a CHECK, a missing parent) raises, and push_batch reports it.
create or replace function app_private.apply_mutation(me uuid, client uuid, mid bigint, m jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	tbl text := m ->> 'table';
	op text := coalesce(m ->> 'op', 'upsert');
	fields jsonb := coalesce(nullif(m -> 'fields', 'null'), '{}');
	base_seq bigint;
	row_id uuid;
	current_row jsonb;
	conflicts jsonb := '[]';
	k text;
	incoming jsonb;
	concurrent boolean;
	cols text;
	sets text;
	new_seq bigint;
	reviving boolean;
	problem text := app_private.mutation_problem(m);
begin
	if problem is not null then
		return app_private.rejected(mid, problem);
	end if;
	row_id := (m ->> 'id')::uuid;
	base_seq := (nullif(m -> 'base_seq', 'null') #>> '{}')::bigint;

	-- Static statements, one per table: their plans are kept, where a dynamic one is planned anew
	-- for every change.
	case tbl
		when 'people' then
			select to_jsonb(t) into current_row from app_private.people as t where t.owner_id = me and t.id = row_id for update;
		when 'encounters' then
			select to_jsonb(t) into current_row from app_private.encounters as t where t.owner_id = me and t.id = row_id for update;
		when 'follow_ups' then
			select to_jsonb(t) into current_row from app_private.follow_ups as t where t.owner_id = me and t.id = row_id for update;
		when 'promises' then
			select to_jsonb(t) into current_row from app_private.promises as t where t.owner_id = me and t.id = row_id for update;
		when 'events' then
			select to_jsonb(t) into current_row from app_private.events as t where t.owner_id = me and t.id = row_id for update;
	end case;

	if current_row is null then
		if op not in ('create', 'upsert') then
			return app_private.rejected(mid, format('There is no %s row %s to %s.', tbl, row_id, op));
		end if;
		select string_agg(format('%I', key), ', ') into cols from jsonb_object_keys(fields) as key;
		execute format(
			'insert into app_private.%1$I (owner_id, id%2$s) select $1, $2%3$s from jsonb_populate_record(null::app_private.%1$I, $3) as r returning server_seq',
			tbl,
			coalesce(', ' || cols, ''),
			coalesce(', ' || (select string_agg(format('r.%I', key), ', ') from jsonb_object_keys(fields) as key), '')
		) into new_seq using me, row_id, fields;
		return jsonb_build_object('mid', mid, 'status', 'applied', 'table', tbl, 'id', row_id, 'server_seq', new_seq);
	end if;

	if op = 'delete' then
		execute format('update app_private.%I set deleted_at = coalesce(deleted_at, now()) where owner_id = $1 and id = $2 returning server_seq', tbl)
		into new_seq using me, row_id;
		return jsonb_build_object('mid', mid, 'status', 'applied', 'table', tbl, 'id', row_id, 'server_seq', new_seq);
	end if;

	-- Field by field: an edit based on a version that already had a newer value of that field
	-- is concurrent. Notes are never overwritten; a follow-up done elsewhere stays done; any other
	-- field takes the value received last, and the value it replaced is reported, not lost.
	for k, incoming in select key, value from jsonb_each(fields) loop
		-- A device creating a row that exists (the same person scanned on two devices) adds
		-- what it knows and never blanks what the other device knew.
		if incoming is not distinct from current_row -> k
			or (op = 'create' and incoming in ('null', '""', '[]')) then
			fields := fields - k;
			continue;
		end if;
		-- Concurrent: changed after the edit's base, by another device (a device's own earlier
		-- edits, not yet pulled back, are its own sequence, not a conflict).
		concurrent := (base_seq is null or coalesce((current_row -> 'field_seq' ->> k)::bigint, 0) > base_seq)
			and (current_row -> 'field_client' ->> k) is distinct from client::text;
		if not concurrent then
			continue;
		end if;
		if tbl = 'encounters' and k = 'note' then
			insert into app_private.note_revisions (owner_id, encounter_id, note, source, client_id, mid, base_seq)
			values
				(me, row_id, current_row ->> 'note', 'server', null, null, null),
				(me, row_id, incoming #>> '{}', 'client', client, mid, base_seq);
			fields := (fields - 'note') || '{"note_conflict": true}';
			conflicts := conflicts || jsonb_build_object('field', 'note', 'kept', current_row -> 'note', 'yours', incoming, 'rule', 'both-kept');
		elsif tbl = 'follow_ups' and k = 'status' and current_row ->> 'status' = 'done' then
			fields := fields - 'status' - 'done_at' - 'channel';
			conflicts := conflicts || jsonb_build_object('field', 'status', 'kept', 'done', 'yours', incoming, 'rule', 'done-wins');
		elsif tbl = 'people' and k = 'match_keys' and jsonb_typeof(incoming) = 'array' then
			-- The keys a person is recognised by only ever grow.
			fields := jsonb_set(fields, '{match_keys}', (
				select coalesce(jsonb_agg(distinct v), '[]') from (
					select jsonb_array_elements(current_row -> 'match_keys') as v
					union select jsonb_array_elements(incoming)
				) as keys
			));
		else
			conflicts := conflicts || jsonb_build_object('field', k, 'kept', incoming, 'replaced', current_row -> k, 'rule', 'last-wins');
		end if;
	end loop;
	-- 'create' is a device making the row anew (say, a person scanned again after being deleted
	-- elsewhere): like 'restore', it brings the row back. Any other edit of a deleted row is kept
	-- in the row's history and the row stays deleted.
	reviving := op in ('create', 'restore') and current_row ->> 'deleted_at' is not null;
	if not reviving and current_row ->> 'deleted_at' is not null then
		conflicts := conflicts || jsonb_build_object('field', 'deleted_at', 'kept', current_row -> 'deleted_at', 'rule', 'delete-wins');
	end if;

	-- A write that lost a conflict still moves the row forward, so the device that sent it pulls
	-- the version that won (its cursor may already be past the winning change).
	if fields <> '{}' or conflicts <> '[]' or reviving then
		select string_agg(format('%1$I = r.%1$I', key), ', ') into sets from jsonb_object_keys(fields) as key;
		sets := concat_ws(', ', sets, case when reviving then 'deleted_at = null' else 'deleted_at = t.deleted_at' end);
		execute format(
			'update app_private.%1$I as t set %2$s from jsonb_populate_record(null::app_private.%1$I, $3) as r where t.owner_id = $1 and t.id = $2 returning t.server_seq',
			tbl,
			sets
		) into new_seq using me, row_id, fields;
	else
		new_seq := (current_row ->> 'server_seq')::bigint;
	end if;

	return jsonb_build_object(
		'mid', mid,
		'status', case when conflicts = '[]' then 'applied' else 'conflict' end,
		'table', tbl,
		'id', row_id,
		'server_seq', new_seq
	) || case when conflicts = '[]' then '{}'::jsonb else jsonb_build_object('conflicts', conflicts) end;
end;
$$;

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

-- Erasure is final. delete_my_data also deletes the push ledger, so before this migration a device that sent a
-- batch before the erasure (its answer lost) and sent it again afterwards, or renumbered its waiting
-- changes after the "gap" answer, wrote the erased rows back, and every device pulled them again.
--
-- Now every push says which erasure its device last heard of (`seen_erasure`: the `erased_at` of
-- its last sync_pull page, null for none). If the user's data was erased since, nothing of the push
-- is applied or recorded: the answer is `{"results": [], "erased": true, "erased_at": …}`, and the
-- device clears its copy, waiting changes included (they were all made before it heard of the
-- erasure), and pulls from the start. A change made after it heard is pushed with the new value and
-- applied. The comparison is of instants, not of text.

-- A client that still sends two arguments reaches this function too (PostgREST fills in parameters
-- with defaults: https://docs.postgrest.org/en/stable/references/api/functions.html), as a device
-- that heard of no erasure.
drop function public.sync_push(uuid, jsonb);

-- One push: the batch is applied whole first, with no subtransaction per change (a subtransaction
-- each made every change several times dearer: each one's row locks became multixacts). If the
-- database refuses one of its writes, that attempt is rolled back and the batch is applied again,
-- change by change, so only the refused ones are reported refused.
create function public.sync_push(client_id uuid, mutations jsonb, seen_erasure timestamptz default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	last_mid bigint;
	seq bigint;
	erased timestamptz;
	outcome jsonb;
begin
	if me is null then
		raise exception 'Sign in to sync.' using errcode = '42501';
	end if;
	if client_id is null then
		raise exception 'client_id is required.' using errcode = '22023';
	end if;
	if jsonb_typeof(mutations) is distinct from 'array' then
		raise exception 'mutations must be an array.' using errcode = '22023';
	end if;
	if jsonb_array_length(mutations) > 100 then
		raise exception 'At most 100 mutations per push (got %).', jsonb_array_length(mutations) using errcode = '22023';
	end if;

	-- One push per user at a time (the user's change counter, locked first, so two devices pushing
	-- rows in different orders queue instead of deadlocking); the stamping trigger records which
	-- device changed what, and takes its sequence numbers from the counter held in the transaction.
	-- delete_my_data takes the same lock, so a push waiting here behind an erasure reads its
	-- erased_at once it has committed.
	insert into app_private.sync_state (owner_id, seq) values (me, 0) on conflict (owner_id) do nothing;
	select s.seq, s.erased_at into seq, erased from app_private.sync_state as s where s.owner_id = me for update;
	if erased is distinct from seen_erasure then
		return jsonb_build_object('results', '[]'::jsonb, 'erased', true, 'erased_at', erased);
	end if;
	perform set_config('app.client_id', client_id::text, true);
	perform set_config('app.seq', seq::text, true);
	perform set_config('app.seq_owner', me::text, true);
	select coalesce(max(l.mid), 0) into last_mid
	from app_private.sync_ledger as l
	where l.owner_id = me and l.client_id = sync_push.client_id;

	begin
		outcome := app_private.push_new_rows(me, client_id, mutations, last_mid);
		if outcome is null then
			outcome := app_private.push_batch(me, client_id, mutations, last_mid, false);
		end if;
	exception
		when others then
			if sqlstate like '40%' or sqlstate in ('55P03', '57014') then
				raise;
			end if;
			-- Rolled back, counter included: again, change by change.
			outcome := app_private.push_batch(me, client_id, mutations, last_mid, true);
	end;
	perform set_config('app.seq_owner', '', true);
	update app_private.sync_state as s set seq = current_setting('app.seq')::bigint where s.owner_id = me;
	return outcome;
end;
$$;

-- Every change after `since` (the caller's own rows only, through RLS), in server_seq order,
-- tombstones included, one page at a time, read in one snapshot. Each table contributes at most
-- one page, read in order through its (owner_id, server_seq) index, so a page costs the same
-- however much there is.
create or replace function public.sync_pull(since bigint default 0, lim integer default 500)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	after bigint := greatest(coalesce(since, 0), 0);
	size integer := least(greatest(coalesce(lim, 500), 1), 1000);
	page jsonb;
begin
	with changed as (
		(select 'events' as tbl, t.server_seq, to_jsonb(t) - 'owner_id' - 'field_seq' - 'field_client' as row
			from app_private.events as t where t.server_seq > after order by t.server_seq limit size + 1)
		union all
		(select 'people', t.server_seq, to_jsonb(t) - 'owner_id' - 'field_seq' - 'field_client'
			from app_private.people as t where t.server_seq > after order by t.server_seq limit size + 1)
		union all
		(select 'encounters', t.server_seq, to_jsonb(t) - 'owner_id' - 'field_seq' - 'field_client'
			from app_private.encounters as t where t.server_seq > after order by t.server_seq limit size + 1)
		union all
		(select 'follow_ups', t.server_seq, to_jsonb(t) - 'owner_id' - 'field_seq' - 'field_client'
			from app_private.follow_ups as t where t.server_seq > after order by t.server_seq limit size + 1)
		union all
		(select 'promises', t.server_seq, to_jsonb(t) - 'owner_id' - 'field_seq' - 'field_client'
			from app_private.promises as t where t.server_seq > after order by t.server_seq limit size + 1)
		union all
		(select 'note_revisions', t.server_seq, to_jsonb(t) - 'owner_id'
			from app_private.note_revisions as t where t.server_seq > after order by t.server_seq limit size + 1)
	),
	ranked as (
		select changed.*, row_number() over (order by changed.server_seq) as n from changed
	)
	select jsonb_build_object(
		'rows', coalesce(jsonb_agg(jsonb_build_object('table', r.tbl, 'row', r.row) order by r.server_seq) filter (where r.n <= size), '[]'::jsonb),
		'next', coalesce(max(r.server_seq) filter (where r.n <= size), after),
		'has_more', count(*) > size,
		'erased_at', (select s.erased_at from app_private.sync_state as s where s.owner_id = (select auth.uid()))
	)
	into page
	from ranked as r;
	return page;
end;
$$;

-- Deletes every row the caller owns, children before parents, and returns how many. The caller's
-- sync_state row stays: its counter keeps growing, so a cursor another device holds never points
-- past rows written after this (a new push gets a server_seq above every one it had seen). The
-- ledger goes too: a device that pushes again starts its mids afresh, and one still holding
-- higher mids hears "gap" and renumbers its waiting changes.
create or replace function public.delete_my_data()
returns bigint
language plpgsql
security invoker
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	tbl text;
	deleted bigint;
	total bigint := 0;
begin
	if me is null then
		raise exception 'Sign in to delete your data.' using errcode = '42501';
	end if;
	-- The user's counter, locked as sync_push locks it: a push under way finishes first, and one
	-- arriving now waits until the erasure has committed, so no push lands half-erased.
	insert into app_private.sync_state (owner_id, seq) values (me, 0) on conflict (owner_id) do nothing;
	perform 1 from app_private.sync_state as s where s.owner_id = me for update;
	perform set_config('app.erasing', me::text, true);

	-- Children before parents, for the foreign keys.
	foreach tbl in array array['promises', 'follow_ups', 'note_revisions', 'encounters', 'people', 'events', 'sync_ledger'] loop
		execute format('delete from app_private.%I as t where t.owner_id = $1', tbl) using me;
		get diagnostics deleted = row_count;
		total := total + deleted;
	end loop;

	perform set_config('app.erasing', '', true);
	-- Every other device of the user's learns of it at its next pull, and clears its copy.
	update app_private.sync_state as s set erased_at = now() where s.owner_id = me;
	return total;
end;
$$;

-- Grants, explicit whatever the project's default privileges are: older Supabase projects grant
-- ALL on every new object in `public` to anon, authenticated and service_role
-- (supabase/postgres migrations/db/init-scripts/00000000000000-initial-schema.sql, "alter default
-- privileges in schema public"), newer ones nothing; and Postgres itself lets PUBLIC execute every
-- new function, in any schema.
revoke all on schema app_private from public, anon;
grant usage on schema app_private to authenticated;

-- Only the signed-in role gets anything (service_role too is left with nothing, under either kind
-- of default privileges).
revoke all on all tables in schema app_private from public, anon, authenticated, service_role;
-- What the security-invoker functions do as the caller: read and write their rows, and delete them
-- in delete_my_data (a statement trigger refuses any other delete). No TRUNCATE, REFERENCES or
-- TRIGGER.
grant select, insert, update on table
	app_private.sync_state, app_private.events, app_private.people, app_private.encounters,
	app_private.follow_ups, app_private.promises
	to authenticated;
grant select, insert on table app_private.note_revisions, app_private.sync_ledger to authenticated;
grant delete on table
	app_private.events, app_private.people, app_private.encounters, app_private.follow_ups,
	app_private.promises, app_private.note_revisions, app_private.sync_ledger
	to authenticated;

revoke all on all functions in schema app_private from public, anon, authenticated, service_role;
-- Called by the API functions or by the triggers' own code, as the caller. (A trigger function
-- itself needs no EXECUTE grant for the role whose write fires it.)
grant execute on function
	app_private.next_seq(uuid),
	app_private.writable_columns(text),
	app_private.rejected(bigint, text, text),
	app_private.mutation_problem(jsonb),
	app_private.apply_mutation(uuid, uuid, bigint, jsonb),
	app_private.push_batch(uuid, uuid, jsonb, bigint, boolean),
	app_private.push_new_rows(uuid, uuid, jsonb, bigint),
	app_private.erasing(uuid)
	to authenticated;

revoke all on function public.sync_push(uuid, jsonb, timestamptz), public.sync_pull(bigint, integer), public.delete_my_data()
	from public, anon, authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb, timestamptz), public.sync_pull(bigint, integer), public.delete_my_data()
	to authenticated;
