-- Server-side stamping: the cursor, timestamps and per-field change sequence are the server's,
-- and a row's owner, id and sequence can never be changed by a client.

-- The next value of the user's change counter. The row lock on sync_state serialises one user's
-- writers until commit, so server_seq follows commit order and sync_pull can never skip a row
-- that commits late.
create function app_private.next_seq(owner uuid)
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
	insert into public.sync_state as s (owner_id, seq)
	values (owner, 1)
	on conflict (owner_id) do update set seq = s.seq + 1
	returning s.seq into next_value;
	return next_value;
end;
$$;

-- BEFORE INSERT OR UPDATE on every synced table.
create function app_private.stamp_row()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
	seq bigint;
	changed text[];
	client text := nullif(current_setting('app.client_id', true), '');
	old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else '{}'::jsonb end;
begin
	if tg_op = 'UPDATE' then
		if new.owner_id is distinct from old.owner_id or new.id is distinct from old.id then
			raise exception 'A row''s owner and id cannot change.' using errcode = '42501';
		end if;
		if new.server_seq is distinct from old.server_seq then
			raise exception 'server_seq is set by the server.' using errcode = '42501';
		end if;
		new.created_at := old.created_at;
	else
		new.created_at := now();
	end if;
	new.updated_at := now();
	seq := app_private.next_seq(new.owner_id);
	new.server_seq := seq;
	-- Which fields this write changed, at which step and from which device (sync_push sets
	-- app.client_id): the conflict rules compare them with the step a device's edit was based on.
	select array_agg(n.key)
	into changed
	from jsonb_each(to_jsonb(new)) as n
	where n.key not in ('owner_id', 'id', 'server_seq', 'created_at', 'updated_at', 'field_seq', 'field_client')
		and (tg_op = 'INSERT' or n.value is distinct from old_row -> n.key);
	new.field_seq := (case when tg_op = 'UPDATE' then old.field_seq else '{}'::jsonb end)
		|| coalesce((select jsonb_object_agg(k, seq) from unnest(changed) as k), '{}'::jsonb);
	new.field_client := (case when tg_op = 'UPDATE' then old.field_client else '{}'::jsonb end)
		|| coalesce((select jsonb_object_agg(k, client) from unnest(changed) as k), '{}'::jsonb);
	return new;
end;
$$;

create trigger stamp_row before insert or update on public.events
	for each row execute function app_private.stamp_row();
create trigger stamp_row before insert or update on public.people
	for each row execute function app_private.stamp_row();
create trigger stamp_row before insert or update on public.encounters
	for each row execute function app_private.stamp_row();
create trigger stamp_row before insert or update on public.follow_ups
	for each row execute function app_private.stamp_row();
create trigger stamp_row before insert or update on public.promises
	for each row execute function app_private.stamp_row();

-- note_revisions are append-only.
create function app_private.stamp_revision()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
	if tg_op <> 'INSERT' then
		raise exception 'Note revisions are kept as written.' using errcode = '42501';
	end if;
	new.created_at := now();
	new.server_seq := app_private.next_seq(new.owner_id);
	return new;
end;
$$;

create trigger stamp_revision before insert or update or delete on public.note_revisions
	for each row execute function app_private.stamp_revision();

-- The user's counter only moves forward: sync_push trusts it for the next server_seq, so a client
-- turning it back (it may update its own sync_state row) would only break its own pushes.
create function app_private.counter_forward()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
	if new.seq < old.seq or new.owner_id is distinct from old.owner_id then
		raise exception 'The change counter only moves forward.' using errcode = '42501';
	end if;
	return new;
end;
$$;

create trigger counter_forward before update on public.sync_state
	for each row execute function app_private.counter_forward();
