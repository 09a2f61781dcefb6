-- What a single field may hold, beyond its type. sync_push lets a client write only allow-listed
-- columns, but their values are the client's: without these a person could carry an endless key, or
-- a follow-up fall due in the year 294276, which every device then has to hold and sort.
--
-- The bounds are wider than anything the app makes (src/lib/domain/contact/match.ts,
-- src/lib/domain/sync/bounds.ts), so no change a device made is refused by them.

-- A person's match keys: each one present and no longer than the longest key a device derives,
-- `linkedin:` and a LinkedIn URL of at most 2,048 characters (people.linkedin's own bound); there
-- are at most 20 (people_match_keys_check, in the first migration).
create function app_private.match_keys_fit(keys text[])
returns boolean
language sql
immutable
set search_path = ''
as $$
	select coalesce(bool_and(k is not null and char_length(k) between 1 and 2057), true) from unnest(keys) as k;
$$;

alter table app_private.people
	add constraint people_match_keys_fit check (app_private.match_keys_fit(match_keys));

-- Every date and time a client writes: finite (the checks refuse 'infinity' and '-infinity', which
-- lie outside the range) and within 1900-01-01 ≤ v < 2200-01-01 (UTC). Times the server sets
-- itself (created_at, updated_at, deleted_at, erased_at) are now().
alter table app_private.events
	add constraint events_start_date_in_range check (start_date >= date '1900-01-01' and start_date < date '2200-01-01'),
	add constraint events_end_date_in_range check (end_date >= date '1900-01-01' and end_date < date '2200-01-01');
alter table app_private.encounters
	add constraint encounters_met_at_in_range
		check (met_at >= timestamptz '1900-01-01 00:00:00+00' and met_at < timestamptz '2200-01-01 00:00:00+00');
alter table app_private.follow_ups
	add constraint follow_ups_due_at_in_range
		check (due_at >= timestamptz '1900-01-01 00:00:00+00' and due_at < timestamptz '2200-01-01 00:00:00+00'),
	add constraint follow_ups_queue_at_in_range
		check (queue_at >= timestamptz '1900-01-01 00:00:00+00' and queue_at < timestamptz '2200-01-01 00:00:00+00'),
	add constraint follow_ups_snoozed_until_in_range
		check (snoozed_until >= timestamptz '1900-01-01 00:00:00+00' and snoozed_until < timestamptz '2200-01-01 00:00:00+00'),
	add constraint follow_ups_done_at_in_range
		check (done_at >= timestamptz '1900-01-01 00:00:00+00' and done_at < timestamptz '2200-01-01 00:00:00+00');
alter table app_private.promises
	add constraint promises_due_at_in_range
		check (due_at >= timestamptz '1900-01-01 00:00:00+00' and due_at < timestamptz '2200-01-01 00:00:00+00'),
	add constraint promises_settled_at_in_range
		check (settled_at >= timestamptz '1900-01-01 00:00:00+00' and settled_at < timestamptz '2200-01-01 00:00:00+00');

-- The check runs as the writer (sync_push is security invoker), who needs to execute it.
revoke all on function app_private.match_keys_fit(text[]) from public, anon, authenticated, service_role;
grant execute on function app_private.match_keys_fit(text[]) to authenticated;
