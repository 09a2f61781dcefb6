-- The reminder ledger is pruned (issue 19): a finished reminder (sent, failed or dropped) claimed
-- more than 7 days before the run goes, with its targets (reminder_targets cascades) and the
-- summary key it covered ('summary:<local day>'), at most p_limit of them a call; the sender calls
-- app_private.prune_reminders at the end of each pass (supabase/functions/send-reminders/pass.ts).
--
-- Why that never sends anything twice:
-- - What a reminder covered about a follow-up ('due_soon:<id>:<ms>', 'overdue:<id>:<ms>') is what
--   keeps it from going again for as long as the follow-up may be open with that deadline, which is
--   for ever: those keys stay (their claim_id set to null). They are bounded by the follow-ups kept
--   (two a deadline), not by the runs.
-- - A summary key names the user's local day; a summary is only made for the local day of the run,
--   which is within a day of the UTC date whatever the zone (UTC−11 to UTC+14), so a key a week
--   old cannot come again (a zone change moves the local date by at most a day more).
-- - A finished claim matters only for the 4-a-day cap of its local day (today's claims) and as the
--   record; unfinished ones (pending, released) are never pruned.

alter table app_private.reminder_items alter column claim_id drop not null;
alter table app_private.reminder_items drop constraint reminder_items_claim_id_fkey;
alter table app_private.reminder_items add constraint reminder_items_claim_id_fkey
	foreign key (claim_id) references app_private.reminder_claims (id) on delete set null;

create index reminder_claims_finished on app_private.reminder_claims (claimed_at)
	where status in ('sent', 'failed', 'dropped');

-- Deletes up to `p_limit` (1 to 10000) finished reminders claimed before `p_now` − 7 days, oldest
-- first, and returns how many. Security definer like claim_reminders (the top of
-- 20261207120000_reminders.sql says why); for the sender only.
-- It gives way rather than wait: it takes the claims first and then their items, and delete_my_data
-- takes a user's items before their claims, so the two could deadlock. A lock it waits for longer
-- than 500 ms (less than Postgres' 1 s deadlock_timeout, so it is always the one to stop) undoes
-- the prune and returns 0; the next pass prunes.
create function app_private.prune_reminders(p_now timestamptz default now(), p_limit integer default 1000)
returns integer
language plpgsql
security definer
set search_path = ''
set lock_timeout = '500ms'
as $$
declare
	old uuid[];
begin
	if p_now is null or not isfinite(p_now) then
		raise exception 'p_now must be a finite time.' using errcode = '22023';
	end if;
	if p_limit is null or p_limit not between 1 and 10000 then
		raise exception 'p_limit must be between 1 and 10000.' using errcode = '22023';
	end if;
	select array_agg(o.id) into old
	from (
		select c.id from app_private.reminder_claims as c
		where c.status in ('sent', 'failed', 'dropped') and c.claimed_at < p_now - interval '7 days'
		order by c.claimed_at
		limit p_limit
		for update skip locked
	) as o;
	if old is null then
		return 0;
	end if;
	begin
		delete from app_private.reminder_items as i where i.claim_id = any (old) and i.follow_up_id is null;
		delete from app_private.reminder_claims as c where c.id = any (old);
	exception
		when lock_not_available then
			return 0;
	end;
	return cardinality(old);
end;
$$;

revoke all on function app_private.prune_reminders(timestamptz, integer) from public, anon, authenticated, service_role;
grant execute on function app_private.prune_reminders(timestamptz, integer) to service_role;
