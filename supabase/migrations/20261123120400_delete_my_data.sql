-- "Delete all my data": delete_my_data() erases every row of the caller's. It is the one way a
-- client deletes anything: elsewhere rows are tombstoned (deleted_at) and note revisions and the
-- push ledger are append-only.
--
-- How it is kept to that one way: clients are granted DELETE, but a statement trigger refuses any
-- DELETE unless `app.erasing` holds the caller's own id, and the RLS delete policies ask the same of
-- every row. Only delete_my_data sets `app.erasing` (for its own transaction, and clears it before
-- returning): PostgREST gives clients no way to set it. The one other delete let through is the
-- database deleting a user: auth.users cascades to every table here.

-- Whether the current statement may delete `owner`'s rows (null: any of the caller's, for the
-- statement trigger, where no row is known yet).
create function app_private.erasing(owner uuid default null)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
	select coalesce(
		current_setting('app.erasing', true) = auth.uid()::text and (owner is null or owner = auth.uid()),
		false
	)
	-- A delete run by a trigger as the table's owner: the cascade from auth.users (no client can
	-- delete there, and no trigger of ours deletes).
	or (pg_trigger_depth() > 1 and current_user not in ('anon', 'authenticated'));
$$;

-- BEFORE DELETE, for each statement: a DELETE outside delete_my_data is refused outright (an
-- error, not a silent "0 rows"), whoever's rows it aimed at, the owner's included.
create function app_private.refuse_delete()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
	if not app_private.erasing() then
		raise exception 'Rows are not deleted, only marked deleted; delete_my_data() erases all of yours.'
			using errcode = '42501';
	end if;
	return null;
end;
$$;

-- note_revisions stay append-only: inserts are stamped, updates are refused, and a delete is
-- allowed only while erasing (or when the database deletes the user).
create or replace function app_private.stamp_revision()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
	if tg_op = 'DELETE' and app_private.erasing(old.owner_id) then
		return old;
	end if;
	if tg_op <> 'INSERT' then
		raise exception 'Note revisions are kept as written.' using errcode = '42501';
	end if;
	new.created_at := now();
	new.server_seq := app_private.next_seq(new.owner_id);
	return new;
end;
$$;

do $$
declare
	t text;
begin
	foreach t in array array['events', 'people', 'encounters', 'follow_ups', 'promises', 'note_revisions', 'sync_ledger'] loop
		execute format(
			'create trigger refuse_delete before delete on public.%I for each statement execute function app_private.refuse_delete()',
			t
		);
		execute format(
			'create policy "owners erase their rows" on public.%I for delete to authenticated using (owner_id = (select auth.uid()) and current_setting(''app.erasing'', true) = owner_id::text)',
			t
		);
		execute format('grant delete on table public.%I to authenticated', t);
	end loop;
end;
$$;

-- Deletes every row the caller owns, children before parents, and returns how many. The caller's
-- sync_state row stays: its counter keeps growing, so a cursor another device holds never points
-- past rows written after this (a new push gets a server_seq above every one it had seen). The
-- ledger goes too: a device that pushes again starts its mids afresh, and one still holding
-- higher mids hears "gap" and renumbers its waiting changes.
create function public.delete_my_data()
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
	insert into public.sync_state (owner_id, seq) values (me, 0) on conflict (owner_id) do nothing;
	perform 1 from public.sync_state as s where s.owner_id = me for update;
	perform set_config('app.erasing', me::text, true);

	-- Children before parents, for the foreign keys.
	foreach tbl in array array['promises', 'follow_ups', 'note_revisions', 'encounters', 'people', 'events', 'sync_ledger'] loop
		execute format('delete from public.%I as t where t.owner_id = $1', tbl) using me;
		get diagnostics deleted = row_count;
		total := total + deleted;
	end loop;

	perform set_config('app.erasing', '', true);
	-- Every other device of the user's learns of it at its next pull, and clears its copy.
	update public.sync_state as s set erased_at = now() where s.owner_id = me;
	return total;
end;
$$;

revoke all on function public.delete_my_data() from public, anon;
grant execute on function public.delete_my_data() to authenticated;
revoke all on function app_private.erasing(uuid), app_private.refuse_delete() from public, anon, authenticated;
grant execute on function app_private.erasing(uuid) to authenticated;
