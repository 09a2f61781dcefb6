-- Row-level security, enabled and forced on every table: a user reaches only their own rows, and
-- anonymous visitors reach nothing. Grants are explicit (Supabase's defaults are revoked first).

do $$
declare
	t text;
begin
	foreach t in array array['sync_state', 'events', 'people', 'encounters', 'follow_ups', 'promises', 'note_revisions', 'sync_ledger'] loop
		execute format('alter table public.%I enable row level security', t);
		execute format('alter table public.%I force row level security', t);
		execute format('revoke all on table public.%I from public, anon, authenticated', t);
		execute format(
			'create policy "owners read their rows" on public.%I for select to authenticated using (owner_id = (select auth.uid()))',
			t
		);
		execute format(
			'create policy "owners add their rows" on public.%I for insert to authenticated with check (owner_id = (select auth.uid()))',
			t
		);
	end loop;
	-- Rows are changed (never deleted) by their owner: tombstones, not DELETE.
	foreach t in array array['sync_state', 'events', 'people', 'encounters', 'follow_ups', 'promises'] loop
		execute format(
			'create policy "owners change their rows" on public.%I for update to authenticated using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()))',
			t
		);
		execute format('grant select, insert, update on table public.%I to authenticated', t);
	end loop;
	-- Append-only.
	grant select, insert on table public.note_revisions, public.sync_ledger to authenticated;
end;
$$;

-- Helpers are not part of the HTTP API (PostgREST serves only the public schema).
revoke all on schema app_private from public, anon;
grant usage on schema app_private to authenticated;
revoke all on all functions in schema app_private from public, anon, authenticated;
grant execute on function app_private.next_seq(uuid) to authenticated;
