-- Shared limits: what one account can make the project store. A Free-plan database holds 500 MB,
-- and when it is full the project goes read-only for everyone (docs: guides/platform/database-size),
-- while sign-up is open. Before this migration:
-- - a rejected change's reason repeated the client's text uncut ("Unknown table '<anything>'."),
--   into the push ledger, which is kept for good: one push of 100 such changes stored 9.8 MB;
-- - nothing bounded one push's size (only its count, 100 changes), nor what one user stored.
--
-- Now:
-- - a rejection quotes at most 64 characters of what the client sent, and no recorded reason is
--   longer than 300 characters (the length sqlerrm was already cut to);
-- - one push is at most 2,000,000 bytes (its jsonb text): HTTP 413, `PT413`;
-- - one user may push at most 25,000,000 bytes of new changes per UTC day: HTTP 429, `PT429`,
--   detail `sync_quota_bytes_per_day`, nothing of the push applied;
-- - one user may hold at most 20,000 people (and the rows below): HTTP 429, `PT429`, detail
--   `sync_quota_rows`, nothing of the push applied.
-- PostgREST answers a SQLSTATE `PTxyz` with HTTP status xyz and the body {code, message, details,
-- hint} (https://docs.postgrest.org/en/stable/references/errors.html, "Raise errors with HTTP Status
-- Codes"); the app tells these apart by `details` (src/lib/adapters/supabase/gateway.ts).
--
-- Why these numbers (none is reached by a real attendee):
-- - A push: the app sends at most 100 changes and at most 1,000,000 bytes of them
--   (src/lib/domain/sync/engine.ts); the largest single change the field bounds allow (an
--   encounter with a 20,000-character note, a 2,000-character offer and a 16 KB scanned payload,
--   up to 4 bytes a character) is under 160 KB, so any change fits alone with room to spare.
-- - A day: a busy conference day is a few hundred people met, each a person, a conversation and a
--   follow-up of 1 to 4 KB, about 2 MB; importing a phone's 5,000 contacts is about 5 MB. 25 MB is
--   several times the heaviest day, and caps one account at 5 % of a Free database a day, where
--   before one account filled it in about 50 pushes.
-- - Rows: 20,000 people is a person met every working hour for ten years; events 2,000 (three a week
--   for a dozen years); conversations, follow-ups, promises and note revisions 50,000 each (two or
--   three per person). Rows a person deleted count: they are kept as tombstones for other devices.

-- The day's pushed bytes, kept with the user's change counter (locked by every push anyway). The
-- row stays when the user deletes all their data, so erasing does not refill the day's allowance.
alter table app_private.sync_state
	add column pushed_day date,
	add column pushed_bytes bigint not null default 0;

-- The limits in one place (sync_push reads them; the tests name them).
create function app_private.sync_limits()
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object(
		'push_bytes', 2000000,
		'bytes_per_day', 25000000,
		'rows', jsonb_build_object(
			'events', 2000,
			'people', 20000,
			'encounters', 50000,
			'follow_ups', 50000,
			'promises', 50000,
			'note_revisions', 50000
		)
	);
$$;

create or replace function app_private.rejected(mid bigint, reason text, code text default null)
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_strip_nulls(jsonb_build_object('mid', mid, 'status', 'rejected', 'reason', left(reason, 300), 'code', left(code, 5)));
$$;

-- As in 20261123120300_sync, except that the table and operation a client named are quoted cut to
-- 64 characters (the longest real one is 10).
create or replace function app_private.mutation_problem(m jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	tbl text := m ->> 'table';
	allowed text[] := app_private.writable_columns(m ->> 'table');
	k text;
begin
	if tbl is null or allowed is null then
		return format('Unknown table %L.', left(coalesce(tbl, 'null'), 64));
	end if;
	if coalesce(m ->> 'id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
		return 'The id is not a UUID.';
	end if;
	if coalesce(m ->> 'op', 'upsert') not in ('create', 'upsert', 'delete', 'restore') then
		return format('Unknown operation %L.', left(m ->> 'op', 64));
	end if;
	if jsonb_typeof(m -> 'fields') not in ('object', 'null') then
		return 'fields must be an object.';
	end if;
	if jsonb_typeof(m -> 'base_seq') <> 'null' and (jsonb_typeof(m -> 'base_seq') <> 'number' or (m ->> 'base_seq') !~ '^\d{1,18}$') then
		return 'base_seq must be a whole number.';
	end if;
	if jsonb_typeof(m -> 'fields') = 'object' then
		select key into k from jsonb_object_keys(m -> 'fields') as key where key <> all (allowed) limit 1;
		if k is not null then
			return format('Column %L cannot be written in %s.', left(k, 64), tbl);
		end if;
	end if;
	return null;
end;
$$;

-- The push body of 20261124120000_private_tables, with the limits: the push's size before
-- anything else, the day's bytes once the user's counter is locked, and the rows held after the
-- changes are applied (counted only for the tables the push may have added to, and never past the
-- limit, so the count costs a real user a few hundred index entries).
create or replace function public.sync_push(client_id uuid, mutations jsonb, seen_erasure timestamptz default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	limits jsonb := app_private.sync_limits();
	push_bytes bigint;
	new_bytes bigint;
	today date := (now() at time zone 'utc')::date;
	used bigint;
	last_mid bigint;
	seq bigint;
	erased timestamptz;
	outcome jsonb;
	tbl text;
	cap bigint;
	held bigint;
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
	push_bytes := octet_length(mutations::text);
	if push_bytes > (limits ->> 'push_bytes')::bigint then
		raise exception 'This push is % bytes; a push may be at most % bytes.', push_bytes, limits ->> 'push_bytes'
			using errcode = 'PT413', detail = 'sync_push_too_large', hint = 'Send fewer changes at a time.';
	end if;

	-- One push per user at a time (the user's change counter, locked first, so two devices pushing
	-- rows in different orders queue instead of deadlocking); the stamping trigger records which
	-- device changed what, and takes its sequence numbers from the counter held in the transaction.
	-- delete_my_data takes the same lock, so a push waiting here behind an erasure reads its
	-- erased_at once it has committed.
	insert into app_private.sync_state (owner_id, seq) values (me, 0) on conflict (owner_id) do nothing;
	select s.seq, s.erased_at, case when s.pushed_day = today then s.pushed_bytes else 0 end
	into seq, erased, used
	from app_private.sync_state as s where s.owner_id = me for update;
	if erased is distinct from seen_erasure then
		return jsonb_build_object('results', '[]'::jsonb, 'erased', true, 'erased_at', erased);
	end if;
	select coalesce(max(l.mid), 0) into last_mid
	from app_private.sync_ledger as l
	where l.owner_id = me and l.client_id = sync_push.client_id;

	-- What the push brings that the ledger has not seen: a change sent again after a lost answer
	-- (a mid already recorded) is not counted twice.
	select coalesce(sum(octet_length(e.m::text)), 0) into new_bytes
	from jsonb_array_elements(mutations) as e(m)
	where not case
		when jsonb_typeof(e.m -> 'mid') = 'number' and (e.m ->> 'mid') ~ '^\d{1,18}$' then (e.m ->> 'mid')::bigint <= last_mid
		else false
	end;
	if used + new_bytes > (limits ->> 'bytes_per_day')::bigint then
		raise exception 'This account has synced % of its % bytes today; this push would add %.', used, limits ->> 'bytes_per_day', new_bytes
			using errcode = 'PT429', detail = 'sync_quota_bytes_per_day',
				hint = format('Try again after %s.', to_char((today + 1)::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
	end if;

	perform set_config('app.client_id', client_id::text, true);
	perform set_config('app.seq', seq::text, true);
	perform set_config('app.seq_owner', me::text, true);

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

	-- Rows held, for each table this push may have added rows to (a conversation's note conflict
	-- adds note revisions). Over a limit, the whole push is undone.
	for tbl in
		select distinct t
		from jsonb_array_elements(mutations) as e(m)
		cross join lateral unnest(case when e.m ->> 'table' = 'encounters' then array['encounters', 'note_revisions'] else array[e.m ->> 'table'] end) as t
		where jsonb_typeof(e.m) = 'object' and coalesce(e.m ->> 'op', 'upsert') in ('create', 'upsert') and limits -> 'rows' ? t
	loop
		cap := (limits -> 'rows' ->> tbl)::bigint;
		execute format('select count(*) from (select from app_private.%I as t where t.owner_id = $1 limit $2) as held', tbl)
		into held using me, cap + 1;
		if held > cap then
			raise exception 'This account holds the most % it may keep (%).', replace(tbl, '_', ' '), cap
				using errcode = 'PT429', detail = 'sync_quota_rows', hint = tbl;
		end if;
	end loop;

	perform set_config('app.seq_owner', '', true);
	update app_private.sync_state as s
	set seq = current_setting('app.seq')::bigint, pushed_day = today, pushed_bytes = used + new_bytes
	where s.owner_id = me;
	return outcome;
end;
$$;

revoke all on function app_private.sync_limits() from public, anon, authenticated, service_role;
grant execute on function app_private.sync_limits() to authenticated;
revoke all on function public.sync_push(uuid, jsonb, timestamptz) from public, anon, authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb, timestamptz) to authenticated;
