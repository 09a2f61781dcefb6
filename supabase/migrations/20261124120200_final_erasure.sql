-- Erasure is final. delete_my_data also deletes the push ledger, so before this a device that sent a
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

revoke all on function public.sync_push(uuid, jsonb, timestamptz) from public, anon, authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb, timestamptz) to authenticated;
