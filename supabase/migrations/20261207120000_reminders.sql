-- Reminders that reach a person when the app is closed (issue 19): Web Push to their devices, an
-- opt-in email digest, quiet hours in their own time zone. supabase/README.md ("Reminders") has the
-- rules and the deploy steps; supabase/tests/12_reminders.sql and tests/db/reminders-*.test.ts
-- prove them.
--
-- Tables, all in app_private (not served over HTTP), with RLS enabled and forced:
--   push_subscriptions  one row per device (its PushSubscription), owned by whoever registered it last
--   reminder_settings   one row per account: digest, digest time, quiet hours, time zone, hidden names
--   reminder_claims     the ledger: one row per reminder (one notification, and its email)
--   reminder_items      what each reminder was about, one row per (user, key), so nothing goes twice
--
-- The signed-in user reaches their devices and settings only through four functions in public
-- (save_push_subscription, forget_push_subscription, get_reminder_settings,
-- save_reminder_settings), security invoker like every other one. The sender (the send-reminders
-- Edge Function, connecting as postgres with SUPABASE_DB_URL) calls app_private.claim_reminders
-- and app_private.finish_reminder, which signed-in users and anonymous visitors cannot execute.
--
-- Security definer, and why (everything else here runs as the caller):
--   app_private.release_push_endpoint  a device belongs to whoever registered it last: re-binding
--     an endpoint deletes another account's row for that one endpoint, which the caller's RLS
--     cannot see. It deletes nothing else, and only for the caller's own registration.
--   app_private.claim_reminders, finish_reminder, stop_digest  the sender's work spans every
--     user; as definers (owned by postgres) they need no table grants for service_role, and they are
--     granted to service_role only (postgres, their owner, may always run them).

-- One device's push subscription. The endpoint is the device's: unique across accounts.
create table app_private.push_subscriptions (
	id uuid primary key default gen_random_uuid(),
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	endpoint text not null unique check (char_length(endpoint) between 12 and 2048),
	-- The keys as the browser gives them (base64url, no padding): a P-256 public key (65 bytes) and
	-- the 16-byte auth secret (RFC 8291).
	p256dh text not null check (p256dh ~ '^[A-Za-z0-9_-]{87}$'),
	auth text not null check (auth ~ '^[A-Za-z0-9_-]{22}$'),
	-- PushSubscription.expirationTime, when the browser gives one.
	expires_at timestamptz,
	-- The device's IANA time zone when it registered.
	time_zone text not null check (char_length(time_zone) between 1 and 64),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index push_subscriptions_owner on app_private.push_subscriptions (owner_id, updated_at);

create table app_private.reminder_settings (
	owner_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
	digest boolean not null default false,
	digest_time time not null default '08:00' check (extract(second from digest_time) = 0),
	-- Quiet hours, in the account's zone; start = end means none.
	quiet_start time not null default '21:00' check (extract(second from quiet_start) = 0),
	quiet_end time not null default '08:00' check (extract(second from quiet_end) = 0),
	-- The zone the account's device last reported (a registration or a settings save): quiet hours
	-- and the digest follow the person's wall clock, wherever they are.
	time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
	hide_names boolean not null default false,
	-- When the sender last claimed a reminder for this user (the claim's p_now): one per run.
	last_claim_at timestamptz,
	updated_at timestamptz not null default now()
);

-- The ledger. A claim is one reminder for one user; its id is stable across retries, and its tag
-- (the id's 32 hex digits) is the notification tag and the Web Push Topic, so a resend after a run
-- died between the push service's 201 and finish_reminder replaces the notification.
create table app_private.reminder_claims (
	id uuid primary key default gen_random_uuid(),
	owner_id uuid not null references auth.users (id) on delete cascade,
	kind text not null check (kind in ('due_soon', 'summary', 'overdue')),
	-- The user's local day when it was first claimed: at most 4 reminders a local day.
	local_day date not null,
	-- pending: claimed, in flight until lease_until; released: to be sent again from available_at;
	-- sent / failed: finished; dropped: what it was about was done (or snoozed) before it went out.
	status text not null default 'pending' check (status in ('pending', 'released', 'sent', 'failed', 'dropped')),
	attempt integer not null default 1 check (attempt > 0),
	-- The p_now of its latest claim.
	claimed_at timestamptz not null,
	lease_until timestamptz,
	available_at timestamptz,
	finished_at timestamptz,
	outcome jsonb,
	created_at timestamptz not null default now()
);
create index reminder_claims_unfinished on app_private.reminder_claims (owner_id) where status in ('pending', 'released');
create index reminder_claims_day on app_private.reminder_claims (owner_id, local_day);

-- What each reminder covered. The key says what would be sent once: 'due_soon:<follow-up>:<ms>',
-- 'overdue:<follow-up>:<ms>' (the ms of the moment it comes due: a rescheduled follow-up is
-- reminded again) and 'summary:<local day>'.
create table app_private.reminder_items (
	owner_id uuid not null references auth.users (id) on delete cascade,
	key text not null,
	claim_id uuid not null references app_private.reminder_claims (id) on delete cascade,
	follow_up_id uuid,
	primary key (owner_id, key)
);
create index reminder_items_claim on app_private.reminder_items (claim_id);

-- The open follow-ups the sender looks at, by when they come due.
create index follow_ups_open_by_owner on app_private.follow_ups (owner_id, due_at)
	where status = 'open' and deleted_at is null;

alter table app_private.push_subscriptions enable row level security;
alter table app_private.push_subscriptions force row level security;
alter table app_private.reminder_settings enable row level security;
alter table app_private.reminder_settings force row level security;
alter table app_private.reminder_claims enable row level security;
alter table app_private.reminder_claims force row level security;
alter table app_private.reminder_items enable row level security;
alter table app_private.reminder_items force row level security;

create policy "owners read their devices" on app_private.push_subscriptions
	for select to authenticated using (owner_id = (select auth.uid()));
create policy "owners add their devices" on app_private.push_subscriptions
	for insert to authenticated with check (owner_id = (select auth.uid()));
create policy "owners change their devices" on app_private.push_subscriptions
	for update to authenticated using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create policy "owners forget their devices" on app_private.push_subscriptions
	for delete to authenticated using (owner_id = (select auth.uid()));
create policy "owners read their settings" on app_private.reminder_settings
	for select to authenticated using (owner_id = (select auth.uid()));
create policy "owners add their settings" on app_private.reminder_settings
	for insert to authenticated with check (owner_id = (select auth.uid()));
create policy "owners change their settings" on app_private.reminder_settings
	for update to authenticated using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create policy "owners erase their settings" on app_private.reminder_settings
	for delete to authenticated using (owner_id = (select auth.uid()));
-- The ledger is written by the sender only; its owner may read it and erase it (delete_my_data).
create policy "owners read their reminders" on app_private.reminder_claims
	for select to authenticated using (owner_id = (select auth.uid()));
create policy "owners erase their reminders" on app_private.reminder_claims
	for delete to authenticated using (owner_id = (select auth.uid()));
create policy "owners read what their reminders covered" on app_private.reminder_items
	for select to authenticated using (owner_id = (select auth.uid()));
create policy "owners erase what their reminders covered" on app_private.reminder_items
	for delete to authenticated using (owner_id = (select auth.uid()));

-- A name Postgres knows as a time zone (IANA names such as Europe/Berlin, or UTC), or an error.
create function app_private.checked_time_zone(zone text)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
	if zone is null or char_length(zone) not between 1 and 64
		or not exists (select 1 from pg_catalog.pg_timezone_names as z where z.name = zone) then
		raise exception 'Unknown time zone %; give an IANA name such as Europe/Berlin.', coalesce(pg_catalog.quote_literal(zone), 'null')
			using errcode = '22023';
	end if;
	return zone;
end;
$$;

-- "HH:MM" (00:00 to 23:59) as a time, or an error naming the setting.
create function app_private.checked_clock(value jsonb, setting text)
returns time
language plpgsql
immutable
set search_path = ''
as $$
begin
	if jsonb_typeof(value) is distinct from 'string' or (value #>> '{}') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' then
		raise exception '% must be a time of day as "HH:MM" (00:00 to 23:59), not %.', setting, value
			using errcode = '22023';
	end if;
	return (value #>> '{}')::time;
end;
$$;

-- A base64url key of `bytes` bytes (padding optional), as stored (no padding), or an error.
create function app_private.checked_key(value jsonb, name text, bytes integer)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	bare text;
	raw bytea;
begin
	if jsonb_typeof(value) is distinct from 'string' or (value #>> '{}') !~ '^[A-Za-z0-9_-]+={0,2}$' then
		raise exception 'The subscription''s keys.% must be base64url text.', name using errcode = '22023';
	end if;
	bare := rtrim(value #>> '{}', '=');
	if char_length(bare) % 4 = 1 then
		raise exception 'The subscription''s keys.% is not base64url.', name using errcode = '22023';
	end if;
	raw := decode(translate(bare, '-_', '+/') || repeat('=', (4 - char_length(bare) % 4) % 4), 'base64');
	if length(raw) <> bytes or (name = 'p256dh' and get_byte(raw, 0) <> 4) then
		raise exception 'The subscription''s keys.% must be % bytes%.', name, bytes,
			case when name = 'p256dh' then ' (an uncompressed P-256 public key)' else '' end
			using errcode = '22023';
	end if;
	return bare;
end;
$$;

-- Deletes another account's registration of this endpoint: the device now belongs to the caller.
-- Security definer (see the top of this file). Only that one endpoint; the other account's other
-- devices are untouched.
create function app_private.release_push_endpoint(endpoint text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if auth.uid() is null then
		raise exception 'Sign in to get reminders on this device.' using errcode = '42501';
	end if;
	delete from app_private.push_subscriptions as s
	where s.endpoint = release_push_endpoint.endpoint and s.owner_id <> auth.uid();
end;
$$;

-- Registers this device for reminders: `subscription` is PushSubscription.toJSON()
-- ({endpoint, expirationTime, keys: {p256dh, auth}}; other keys are ignored, as browsers may add
-- some), `time_zone` the device's IANA zone (Intl.DateTimeFormat().resolvedOptions().timeZone),
-- which becomes the account's zone. Returns the subscription's id. Registering again (a renewed
-- subscription, a new zone) updates the row; an endpoint another account registered is taken
-- from it (a device belongs to whoever registered it last on that device). At most 20 devices
-- an account: the least recently registered beyond that are forgotten.
create function public.save_push_subscription(subscription jsonb, time_zone text)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	target text;
	public_key text;
	secret text;
	expires timestamptz;
	zone text;
	sub_id uuid;
begin
	if me is null then
		raise exception 'Sign in to get reminders on this device.' using errcode = '42501';
	end if;
	if jsonb_typeof(subscription) is distinct from 'object' then
		raise exception 'subscription must be PushSubscription.toJSON(): an object with endpoint and keys.' using errcode = '22023';
	end if;
	target := subscription ->> 'endpoint';
	if jsonb_typeof(subscription -> 'endpoint') is distinct from 'string'
		or char_length(target) > 2048
		or target !~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$' then
		raise exception 'The subscription''s endpoint must be an https:// URL of at most 2048 characters.' using errcode = '22023';
	end if;
	if jsonb_typeof(subscription -> 'keys') is distinct from 'object' then
		raise exception 'The subscription has no keys (p256dh and auth).' using errcode = '22023';
	end if;
	public_key := app_private.checked_key(subscription -> 'keys' -> 'p256dh', 'p256dh', 65);
	secret := app_private.checked_key(subscription -> 'keys' -> 'auth', 'auth', 16);
	if coalesce(jsonb_typeof(subscription -> 'expirationTime'), 'null') = 'null' then
		expires := null;
	elsif jsonb_typeof(subscription -> 'expirationTime') = 'number'
		and (subscription ->> 'expirationTime')::numeric between 0 and 7258118400000 then
		expires := to_timestamp((subscription ->> 'expirationTime')::numeric / 1000);
	else
		raise exception 'The subscription''s expirationTime must be null or milliseconds since 1970.' using errcode = '22023';
	end if;
	zone := app_private.checked_time_zone(save_push_subscription.time_zone);

	perform app_private.release_push_endpoint(target);
	insert into app_private.push_subscriptions as s (owner_id, endpoint, p256dh, auth, expires_at, time_zone)
	values (me, target, public_key, secret, expires, zone)
	on conflict (endpoint) do update
		set p256dh = excluded.p256dh, auth = excluded.auth, expires_at = excluded.expires_at,
			time_zone = excluded.time_zone, updated_at = now()
	returning s.id into sub_id;

	insert into app_private.reminder_settings as r (owner_id, time_zone) values (me, zone)
	on conflict (owner_id) do update set time_zone = excluded.time_zone, updated_at = now();

	delete from app_private.push_subscriptions as s
	where s.owner_id = me and s.id in (
		select o.id from app_private.push_subscriptions as o where o.owner_id = me
		order by o.updated_at desc, o.id offset 20
	);
	return sub_id;
end;
$$;

-- Forgets this device (sign-out on it, "Notify me" turned off). Only the caller's own row.
create function public.forget_push_subscription(endpoint text)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
	if auth.uid() is null then
		raise exception 'Sign in to change reminders.' using errcode = '42501';
	end if;
	delete from app_private.push_subscriptions as s
	where s.owner_id = auth.uid() and s.endpoint = forget_push_subscription.endpoint;
end;
$$;

-- The account's reminder settings, defaults filled in:
-- {digest, digest_time: "HH:MM", quiet_start, quiet_end, time_zone, hide_names}.
create function public.get_reminder_settings()
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	found_row app_private.reminder_settings;
begin
	if auth.uid() is null then
		raise exception 'Sign in to see reminder settings.' using errcode = '42501';
	end if;
	select * into found_row from app_private.reminder_settings as r where r.owner_id = auth.uid();
	return jsonb_build_object(
		'digest', coalesce(found_row.digest, false),
		'digest_time', to_char(coalesce(found_row.digest_time, '08:00'::time), 'HH24:MI'),
		'quiet_start', to_char(coalesce(found_row.quiet_start, '21:00'::time), 'HH24:MI'),
		'quiet_end', to_char(coalesce(found_row.quiet_end, '08:00'::time), 'HH24:MI'),
		'time_zone', coalesce(found_row.time_zone, 'UTC'),
		'hide_names', coalesce(found_row.hide_names, false)
	);
end;
$$;

-- Changes the settings named in `settings` (the others stay) and returns them all, as
-- get_reminder_settings does. Unknown keys and bad values are refused (22023), changing nothing.
create function public.save_reminder_settings(settings jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	current_settings jsonb;
	unknown text;
	merged jsonb;
begin
	if me is null then
		raise exception 'Sign in to change reminder settings.' using errcode = '42501';
	end if;
	if jsonb_typeof(settings) is distinct from 'object' then
		raise exception 'settings must be an object such as {"digest": true}.' using errcode = '22023';
	end if;
	select string_agg(format('"%s"', k), ', ') into unknown from jsonb_object_keys(settings) as k
	where k not in ('digest', 'digest_time', 'quiet_start', 'quiet_end', 'time_zone', 'hide_names');
	if unknown is not null then
		raise exception 'Unknown reminder setting %; the settings are digest, digest_time, quiet_start, quiet_end, time_zone and hide_names.', unknown
			using errcode = '22023';
	end if;
	if settings ? 'digest' and jsonb_typeof(settings -> 'digest') <> 'boolean' then
		raise exception 'digest must be true or false.' using errcode = '22023';
	end if;
	if settings ? 'hide_names' and jsonb_typeof(settings -> 'hide_names') <> 'boolean' then
		raise exception 'hide_names must be true or false.' using errcode = '22023';
	end if;
	if settings ? 'time_zone' and jsonb_typeof(settings -> 'time_zone') <> 'string' then
		raise exception 'time_zone must be an IANA name such as Europe/Berlin.' using errcode = '22023';
	end if;
	current_settings := public.get_reminder_settings();
	merged := current_settings || settings;
	insert into app_private.reminder_settings as r (owner_id, digest, digest_time, quiet_start, quiet_end, time_zone, hide_names)
	values (
		me,
		(merged ->> 'digest')::boolean,
		app_private.checked_clock(merged -> 'digest_time', 'digest_time'),
		app_private.checked_clock(merged -> 'quiet_start', 'quiet_start'),
		app_private.checked_clock(merged -> 'quiet_end', 'quiet_end'),
		app_private.checked_time_zone(merged ->> 'time_zone'),
		(merged ->> 'hide_names')::boolean
	)
	on conflict (owner_id) do update set
		digest = excluded.digest, digest_time = excluded.digest_time, quiet_start = excluded.quiet_start,
		quiet_end = excluded.quiet_end, time_zone = excluded.time_zone, hide_names = excluded.hide_names,
		updated_at = now();
	return public.get_reminder_settings();
end;
$$;

-- The follow-ups a reminder may be about at `p_at` (of the users in `p_owners`; null: everyone's):
-- open, not deleted, not snoozed past `p_at`, their person not deleted. `moment` is when each comes
-- due, as in the app's queue (src/lib/domain/queue/queue-rules.ts comesDueAt): a follow-up's
-- deadline, a check-in's place in the queue; only follow-ups become overdue. Every function below
-- is called once per statement over a set of users, never once per user: a pass over 10,000 users
-- is a few statements per batch.
create function app_private.remindable_follow_ups(p_at timestamptz, p_owners uuid[] default null)
returns table (owner_id uuid, follow_up_id uuid, person_id uuid, encounter_id uuid, kind text, moment timestamptz, created_at timestamptz)
language sql
stable
set search_path = ''
as $$
	select f.owner_id, f.id, f.person_id, f.encounter_id, f.kind,
		case when f.kind = 'follow-up' then f.due_at else f.queue_at end, f.created_at
	from app_private.follow_ups as f
	join app_private.people as p on p.owner_id = f.owner_id and p.id = f.person_id
	where f.owner_id in (select unnest(p_owners) where p_owners is not null)
		and f.status = 'open' and f.deleted_at is null and p.deleted_at is null
		and (f.snoozed_until is null or f.snoozed_until <= p_at)
	-- Everyone's, as a branch of its own: one condition with "p_owners is null or …" would keep the
	-- planner from the owner index when users are named.
	union all
	select f.owner_id, f.id, f.person_id, f.encounter_id, f.kind,
		case when f.kind = 'follow-up' then f.due_at else f.queue_at end, f.created_at
	from app_private.follow_ups as f
	join app_private.people as p on p.owner_id = f.owner_id and p.id = f.person_id
	where p_owners is null
		and f.status = 'open' and f.deleted_at is null and p.deleted_at is null
		and (f.snoozed_until is null or f.snoozed_until <= p_at);
$$;

-- The users a reminder may be claimed for at `p_now` (of `p_owners`; null: all), with their local
-- time: not claimed within the last 4 minutes (one claim a run; runs are 5 minutes apart), outside
-- their quiet hours (start = end: none), with a device (not past its expirationTime) or the digest,
-- and no reminder of theirs in flight or waiting for its retry.
create function app_private.reminder_candidates(p_now timestamptz, p_owners uuid[] default null)
returns table (
	owner_id uuid, zone text, local_ts timestamp, day_end timestamptz, has_push boolean, digest boolean,
	digest_time time, quiet_start time, quiet_end time
)
language sql
stable
set search_path = ''
as $$
	select s.owner_id, s.zone, s.local_ts, ((s.local_ts::date + 1)::timestamp at time zone s.zone), s.has_push, s.digest,
		s.digest_time, s.quiet_start, s.quiet_end
	from (
		select st.owner_id, st.time_zone as zone, p_now at time zone st.time_zone as local_ts, st.digest, st.digest_time,
			st.quiet_start, st.quiet_end,
			exists (
				select 1 from app_private.push_subscriptions as ps
				where ps.owner_id = st.owner_id and (ps.expires_at is null or ps.expires_at > p_now)
			) as has_push
		from app_private.reminder_settings as st
		where (st.owner_id in (select unnest(p_owners)) or p_owners is null)
			and (st.last_claim_at is null or st.last_claim_at <= p_now - interval '4 minutes')
			and not exists (
				select 1 from app_private.reminder_claims as u
				where u.owner_id = st.owner_id and u.status in ('pending', 'released')
					and coalesce(u.lease_until, u.available_at) > p_now
			)
	) as s
	where (s.has_push or s.digest)
		and not case
			when s.quiet_start = s.quiet_end then false
			when s.quiet_start < s.quiet_end then s.local_ts::time >= s.quiet_start and s.local_ts::time < s.quiet_end
			else s.local_ts::time >= s.quiet_start or s.local_ts::time < s.quiet_end
		end;
$$;

-- What is due at `p_now` for new reminders (of `p_owners`; null: everyone's) and not yet covered by
-- one: keys (see reminder_items) with their kind, follow-up and the user's local day. Only for
-- candidates with no unfinished reminder (that one goes first) and fewer than 4 reminders that
-- local day. due_soon and overdue only for a user with a device to push to; the summary once a
-- local day, from the digest time (or the end of quiet hours, if the digest time falls inside
-- them), on a day with follow-ups due by its end (overdue ones included).
create function app_private.due_reminder_items(p_now timestamptz, p_owners uuid[] default null)
returns table (owner_id uuid, key text, item_kind text, follow_up_id uuid, local_day date)
language sql
stable
set search_path = ''
as $$
	with c as materialized (
		select c.* from app_private.reminder_candidates(p_now, p_owners) as c
		where not exists (
				select 1 from app_private.reminder_claims as u
				where u.owner_id = c.owner_id and u.status in ('pending', 'released')
			)
			and (
				select count(*) from app_private.reminder_claims as u
				where u.owner_id = c.owner_id and u.local_day = c.local_ts::date and u.status <> 'dropped'
			) < 4
	), r as materialized (
		select r.* from app_private.remindable_follow_ups(p_now, p_owners) as r
		where r.owner_id in (select c.owner_id from c)
	), due as (
		select r.owner_id, r.follow_up_id, c.local_ts::date as local_day,
			case when r.kind = 'follow-up' and r.moment < p_now then 'overdue' else 'due_soon' end as item_kind,
			floor(extract(epoch from r.moment) * 1000)::bigint as ms
		from r join c on c.owner_id = r.owner_id
		where c.has_push and r.moment <= p_now + interval '6 hours'
	)
	select d.owner_id, d.item_kind || ':' || d.follow_up_id || ':' || d.ms, d.item_kind, d.follow_up_id, d.local_day
	from due as d
	where not exists (
		select 1 from app_private.reminder_items as i
		where i.owner_id = d.owner_id and i.key = d.item_kind || ':' || d.follow_up_id || ':' || d.ms
	)
	union all
	select c.owner_id, 'summary:' || c.local_ts::date, 'summary', null, c.local_ts::date
	from c
	where c.local_ts::time >= case
			when c.quiet_start < c.quiet_end and c.digest_time >= c.quiet_start and c.digest_time < c.quiet_end then c.quiet_end
			when c.quiet_start > c.quiet_end and (c.digest_time >= c.quiet_start or c.digest_time < c.quiet_end) then c.quiet_end
			else c.digest_time
		end
		and not exists (select 1 from app_private.reminder_items as i where i.owner_id = c.owner_id and i.key = 'summary:' || c.local_ts::date)
		and exists (select 1 from r where r.owner_id = c.owner_id and r.moment < c.day_end);
$$;

-- Claims the reminders due at `p_now`, at most `p_limit` (1 to 5000) of them and at most one per
-- user, and returns them. The sender sends each, then calls finish_reminder(claim_id, outcome).
--
-- Each row:
--   claim_id       uuid     the ledger row; pass it to finish_reminder
--   tag            text     32 hex digits, stable across retries of this reminder: the notification's
--                           `tag` and the Web Push `Topic` header, so a resend replaces it
--   user_id        uuid
--   kind           text     'due_soon' | 'overdue' | 'summary' (a summary may also cover items
--                           that came due soon or overdue meanwhile: one notification per run)
--   follow_ups     jsonb    [{follow_up_id, person_id, person_name, topic, kind ('follow-up' |
--                           'check-in'), due_at (ISO; when it comes due), overdue (boolean)}], by
--                           due_at; topic is the first open promise made to them, else the first line
--                           of the note (at most 80 characters), else null
--   open_count     integer  the follow-ups needing action, as the app counts them (for app_badge)
--   hide_names     boolean  the user asked for "3 follow-ups due" instead of names
--   subscriptions  jsonb    [{id, endpoint, p256dh, auth}], newest first, those past their
--                           expirationTime left out ([] for a digest-only user)
--   email          text     the address for the digest: set only on a summary with the digest on
--   time_zone      text     the user's IANA zone; local_day date: their day the reminder is for
--   attempt        integer  1, then 2, 3… when it is claimed again (released or lease expired)
--
-- The rules: due_soon = an open follow-up (or check-in) coming due within 6 hours; overdue = once,
-- when a follow-up's deadline has passed; summary = see due_reminder_items. Nothing for follow-ups
-- done, not a fit, deleted, snoozed past p_now, or whose person was deleted; nothing for users with
-- neither a device nor the digest (users are those with a reminder_settings row, which
-- save_push_subscription and save_reminder_settings make). Quiet hours (in the user's zone) hold everything back until they
-- end; at most 4 reminders a user's local day; a user gets at most one claim per run (none within
-- 4 minutes of their last: runs are 5 minutes apart). Each claim is recorded (reminder_claims, and
-- what it covered in reminder_items) in the same transaction, with `for update skip locked` on the
-- user's settings row, so two runs at once never claim the same user, and what a finished claim
-- covered is never claimed again. A claim not finished within its lease (2 minutes after p_now) is
-- claimed again by a later run, with the same claim_id and tag; so is one released by a 'retry'.
-- Re-claimed, it covers only what is still due (done meanwhile: left out; nothing left: dropped).
--
-- p_now is the run's clock; the sender passes the database's now() (the default).
create function app_private.claim_reminders(p_now timestamptz default now(), p_limit integer default 100)
returns table (
	claim_id uuid, tag text, user_id uuid, kind text, follow_ups jsonb, open_count integer, hide_names boolean,
	subscriptions jsonb, email text, time_zone text, local_day date, attempt integer
)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
	lease constant interval := interval '2 minutes';
	owners uuid[];
	claimed uuid[];
	dropped uuid[];
	fresh uuid[];
	stale uuid[];
	total uuid[] := '{}';
	rounds integer := 0;
	full_round boolean;
begin
	if p_now is null or not isfinite(p_now) then
		raise exception 'p_now must be a finite time.' using errcode = '22023';
	end if;
	if p_limit is null or p_limit not between 1 and 5000 then
		raise exception 'p_limit must be between 1 and 5000.' using errcode = '22023';
	end if;

	loop
		rounds := rounds + 1;
		-- 1. The users with something to send, locked until this transaction ends (skip locked: those
		-- another run holds are its own). Every later step reads afresh, so a user another run claimed
		-- and committed meanwhile comes out with nothing.
		select array_agg(l.owner_id) into owners
		from (
			select st.owner_id from app_private.reminder_settings as st
			where st.owner_id in (
				select d.owner_id from app_private.due_reminder_items(p_now) as d
				union
				select u.owner_id from app_private.reminder_claims as u
				join app_private.reminder_candidates(p_now) as c on c.owner_id = u.owner_id
				where u.status in ('pending', 'released') and coalesce(u.lease_until, u.available_at) <= p_now
			)
			limit p_limit - cardinality(total)
			for update of st skip locked
		) as l;
		exit when owners is null;
		-- Fewer users than asked for: there are no others to fill the batch from.
		full_round := cardinality(owners) = p_limit - cardinality(total);
		claimed := null;
		dropped := null;
		fresh := null;

		-- 2. A reminder claimed before and not finished (its run died, or it was released for a retry)
		-- goes first, under the same id: it covers what is still due; with nothing left, it is dropped.
		select array_agg(u.id) into stale
		from app_private.reminder_claims as u
		join app_private.reminder_candidates(p_now, owners) as c on c.owner_id = u.owner_id
		where u.status in ('pending', 'released') and coalesce(u.lease_until, u.available_at) <= p_now;

		with r as materialized (select * from app_private.remindable_follow_ups(p_now, owners))
		delete from app_private.reminder_items as i
		where i.claim_id = any (stale) and i.follow_up_id is not null
			and not exists (select 1 from r where r.owner_id = i.owner_id and r.follow_up_id = i.follow_up_id);

		with r as materialized (select * from app_private.remindable_follow_ups(p_now, owners)),
		u as (
			select u.id, (c.has_push or (u.kind = 'summary' and c.digest)) and exists (
				select 1 from r
				left join app_private.reminder_items as i on i.claim_id = u.id and i.follow_up_id = r.follow_up_id
				where r.owner_id = u.owner_id
					and (i.claim_id is not null or (u.kind = 'summary' and r.moment < ((u.local_day + 1)::timestamp at time zone c.zone)))
			) as keep
			from app_private.reminder_claims as u
			join app_private.reminder_candidates(p_now, owners) as c on c.owner_id = u.owner_id
			where u.id = any (stale)
		),
		changed as (
			update app_private.reminder_claims as c set
				status = case when u.keep then 'pending' else 'dropped' end,
				attempt = c.attempt + case when u.keep then 1 else 0 end,
				claimed_at = case when u.keep then p_now else c.claimed_at end,
				lease_until = case when u.keep then p_now + lease end,
				available_at = null,
				finished_at = case when u.keep then null else now() end
			from u
			where c.id = u.id
			returning c.id, u.keep
		)
		select array_agg(changed.id) filter (where changed.keep), array_agg(changed.id) filter (where not changed.keep)
		into claimed, dropped
		from changed;
		if dropped is not null then
			delete from app_private.reminder_items as i where i.claim_id = any (dropped);
		end if;

		-- 3. A new reminder for each of the others with something due, covering all of it.
		with d as materialized (select * from app_private.due_reminder_items(p_now, owners)),
		k as (
			select d.owner_id, min(d.local_day) as local_day, case
				when bool_or(d.item_kind = 'summary') then 'summary'
				when bool_or(d.item_kind = 'overdue') then 'overdue'
				else 'due_soon'
			end as kind
			from d group by d.owner_id
		),
		n as (
			insert into app_private.reminder_claims as c (owner_id, kind, local_day, claimed_at, lease_until)
			select k.owner_id, k.kind, k.local_day, p_now, p_now + lease from k
			returning c.id, c.owner_id
		),
		i as (
			insert into app_private.reminder_items (owner_id, key, claim_id, follow_up_id)
			select d.owner_id, d.key, n.id, d.follow_up_id from d join n on n.owner_id = d.owner_id
			on conflict do nothing
		)
		select array_agg(n.id) into fresh from n;
		claimed := coalesce(claimed, '{}') || coalesce(fresh, '{}');

		update app_private.reminder_settings as st set last_claim_at = p_now
		where st.owner_id in (select c.owner_id from app_private.reminder_claims as c where c.id = any (claimed));
		total := total || claimed;
		-- A user locked above may come out with nothing (a reminder dropped, another run's claim
		-- committed meanwhile): the batch is filled from the next users, so a batch shorter than
		-- p_limit means there is nothing more to claim now.
		exit when not full_round or cardinality(total) >= p_limit or rounds >= 5;
	end loop;
	if total = '{}' then
		return;
	end if;

	-- 4. What the sender needs for each.
	return query
	with c as materialized (
		select c.id, c.owner_id, c.kind, c.local_day, c.attempt, st.time_zone as zone, st.hide_names as hide, st.digest as dig
		from app_private.reminder_claims as c
		join app_private.reminder_settings as st on st.owner_id = c.owner_id
		where c.id = any (total)
	),
	r as materialized (
		select * from app_private.remindable_follow_ups(p_now, (select array_agg(c.owner_id) from c))
	),
	listed as (
		select c.id as claim_id, jsonb_agg(jsonb_build_object(
			'follow_up_id', r.follow_up_id,
			'person_id', r.person_id,
			'person_name', p.name,
			'topic', coalesce(
				(select pr.text from app_private.promises as pr
				 where pr.owner_id = r.owner_id and pr.follow_up_id = r.follow_up_id and pr.status = 'open' and pr.deleted_at is null
				 order by pr.due_at, pr.id limit 1),
				(select nullif(left(btrim(split_part(btrim(e.note), E'\n', 1)), 80), '') from app_private.encounters as e
				 where e.owner_id = r.owner_id and e.id = r.encounter_id and e.deleted_at is null)
			),
			'kind', r.kind,
			'due_at', r.moment,
			'overdue', r.kind = 'follow-up' and r.moment < p_now
		) order by r.moment, r.created_at, r.follow_up_id) as list
		from c
		join r on r.owner_id = c.owner_id
		join app_private.people as p on p.owner_id = r.owner_id and p.id = r.person_id
		left join app_private.reminder_items as i on i.claim_id = c.id and i.follow_up_id = r.follow_up_id
		where i.claim_id is not null or (c.kind = 'summary' and r.moment < ((c.local_day + 1)::timestamp at time zone c.zone))
		group by c.id
	),
	open as (
		select r.owner_id, count(*)::integer as n from r
		where r.kind = 'follow-up' or r.moment <= p_now + interval '24 hours'
		group by r.owner_id
	),
	devices as (
		select ps.owner_id, jsonb_agg(jsonb_build_object('id', ps.id, 'endpoint', ps.endpoint, 'p256dh', ps.p256dh, 'auth', ps.auth)
			order by ps.updated_at desc, ps.id) as list
		from app_private.push_subscriptions as ps
		where ps.owner_id in (select c.owner_id from c) and (ps.expires_at is null or ps.expires_at > p_now)
		group by ps.owner_id
	)
	select c.id, replace(c.id::text, '-', ''), c.owner_id, c.kind, coalesce(listed.list, '[]'::jsonb), coalesce(open.n, 0),
		c.hide, coalesce(devices.list, '[]'::jsonb),
		case when c.kind = 'summary' and c.dig then u.email::text end,
		c.zone, c.local_day, c.attempt
	from c
	left join listed on listed.claim_id = c.id
	left join open on open.owner_id = c.owner_id
	left join devices on devices.owner_id = c.owner_id
	left join auth.users as u on u.id = c.owner_id
	order by c.owner_id;
end;
$$;

-- Records what became of a claimed reminder. `outcome`:
--   {"status": "sent" | "retry" | "failed",   -- required
--    "gone": [subscription id, …],             -- optional: endpoints that answered 404/410, deleted
--    "retry_after": seconds,                   -- optional, with "retry": the push service's Retry-After
--    "attempt": n,                             -- optional: the claim's attempt this outcome is for
--    "error": text}                            -- optional, kept for the record (≤ 1000 characters)
-- sent: it went out (to at least one device, or by email), and what it covered is never sent again.
-- failed: it cannot go out (say, a 400 from the push service), and is not tried again.
-- retry: 429, 5xx or a timeout: released, to be claimed again by a later run (not before
-- retry_after seconds, at most a day, and at least the 2-minute lease after its claim).
-- Returns the claim's status afterwards ('sent', 'failed', 'released', 'dropped', or 'unknown' for
-- a claim that no longer exists: the user deleted their data meanwhile). A claim already finished
-- stays as it was (an outcome arriving late changes nothing but deleting gone subscriptions), and
-- so does a retry for an older attempt than the claim's.
create function app_private.finish_reminder(claim_id uuid, outcome jsonb)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	c app_private.reminder_claims;
	result text;
	unknown text;
	gone uuid[];
	delay interval;
begin
	if jsonb_typeof(outcome) is distinct from 'object' then
		raise exception 'outcome must be an object such as {"status": "sent"}.' using errcode = '22023';
	end if;
	select string_agg(format('"%s"', k), ', ') into unknown from jsonb_object_keys(outcome) as k
	where k not in ('status', 'gone', 'retry_after', 'attempt', 'error');
	if unknown is not null then
		raise exception 'Unknown outcome key %; the keys are status, gone, retry_after, attempt and error.', unknown using errcode = '22023';
	end if;
	result := outcome ->> 'status';
	if jsonb_typeof(outcome -> 'status') is distinct from 'string' or result not in ('sent', 'retry', 'failed') then
		raise exception 'outcome.status must be "sent", "retry" or "failed".' using errcode = '22023';
	end if;
	if outcome ? 'gone' and (
		jsonb_typeof(outcome -> 'gone') <> 'array' or jsonb_array_length(outcome -> 'gone') > 100
		or exists (
			select 1 from jsonb_array_elements(outcome -> 'gone') as g
			where jsonb_typeof(g) <> 'string' or (g #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
		)
	) then
		raise exception 'outcome.gone must be a list of at most 100 subscription ids.' using errcode = '22023';
	end if;
	if outcome ? 'retry_after' and (jsonb_typeof(outcome -> 'retry_after') <> 'number' or (outcome ->> 'retry_after')::numeric < 0) then
		raise exception 'outcome.retry_after must be a number of seconds.' using errcode = '22023';
	end if;
	if outcome ? 'attempt' and (jsonb_typeof(outcome -> 'attempt') <> 'number' or (outcome ->> 'attempt') !~ '^[1-9][0-9]{0,8}$') then
		raise exception 'outcome.attempt must be the claim''s attempt number.' using errcode = '22023';
	end if;
	if outcome ? 'error' and (jsonb_typeof(outcome -> 'error') <> 'string' or char_length(outcome ->> 'error') > 1000) then
		raise exception 'outcome.error must be text of at most 1000 characters.' using errcode = '22023';
	end if;

	select * into c from app_private.reminder_claims as uc where uc.id = finish_reminder.claim_id for update;
	if not found then
		return 'unknown';
	end if;
	select array_agg((g #>> '{}')::uuid) into gone from jsonb_array_elements(coalesce(outcome -> 'gone', '[]')) as g;
	if gone is not null then
		delete from app_private.push_subscriptions as ps where ps.owner_id = c.owner_id and ps.id = any (gone);
	end if;
	if c.status not in ('pending', 'released')
		or (result = 'retry' and outcome ? 'attempt' and (outcome ->> 'attempt')::integer <> c.attempt) then
		return c.status;
	end if;
	if result = 'retry' then
		delay := greatest(interval '2 minutes', least(interval '1 day', coalesce((outcome ->> 'retry_after')::numeric, 0) * interval '1 second'));
		update app_private.reminder_claims as uc
		set status = 'released', lease_until = null, available_at = c.claimed_at + delay, outcome = finish_reminder.outcome
		where uc.id = c.id;
		return 'released';
	end if;
	update app_private.reminder_claims as uc
	set status = result, lease_until = null, available_at = null, finished_at = now(), outcome = finish_reminder.outcome
	where uc.id = c.id;
	return result;
end;
$$;

-- Turns the user's digest off: the email's one-click unsubscribe (the sender checks its token).
-- Returns whether the user has settings (false: nothing to turn off).
create function app_private.stop_digest(p_user uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
	update app_private.reminder_settings as r set digest = false, updated_at = now() where r.owner_id = p_user;
	return found;
end;
$$;

-- "Delete all my data" also forgets the user's devices, reminder settings and reminder ledger. The
-- body of 20261124120000_private_tables.sql, with the four tables added.
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

	-- Children before parents, for the foreign keys. The reminders first: a claim the sender holds
	-- (its settings row locked) finishes before they go.
	foreach tbl in array array[
		'reminder_settings', 'reminder_items', 'reminder_claims', 'push_subscriptions',
		'promises', 'follow_ups', 'note_revisions', 'encounters', 'people', 'events', 'sync_ledger'
	] loop
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

-- Grants, explicit whatever the project's default privileges are (see 20261124120000_private_tables.sql).
revoke all on table
	app_private.push_subscriptions, app_private.reminder_settings, app_private.reminder_claims, app_private.reminder_items
	from public, anon, authenticated, service_role;
grant select, insert, update, delete on table app_private.push_subscriptions to authenticated;
grant select, delete on table app_private.reminder_settings to authenticated;
grant insert (owner_id, digest, digest_time, quiet_start, quiet_end, time_zone, hide_names) on table app_private.reminder_settings to authenticated;
grant update (digest, digest_time, quiet_start, quiet_end, time_zone, hide_names, updated_at) on table app_private.reminder_settings to authenticated;
grant select, delete on table app_private.reminder_claims, app_private.reminder_items to authenticated;

revoke all on function
	app_private.checked_time_zone(text),
	app_private.checked_clock(jsonb, text),
	app_private.checked_key(jsonb, text, integer),
	app_private.release_push_endpoint(text),
	app_private.remindable_follow_ups(timestamptz, uuid[]),
	app_private.reminder_candidates(timestamptz, uuid[]),
	app_private.due_reminder_items(timestamptz, uuid[]),
	app_private.claim_reminders(timestamptz, integer),
	app_private.finish_reminder(uuid, jsonb),
	app_private.stop_digest(uuid)
	from public, anon, authenticated, service_role;
-- What the signed-in user's functions call as the caller.
grant execute on function
	app_private.checked_time_zone(text),
	app_private.checked_clock(jsonb, text),
	app_private.checked_key(jsonb, text, integer),
	app_private.release_push_endpoint(text)
	to authenticated;
-- The sender's: service_role, besides postgres (their owner, which the Edge Function connects as).
grant execute on function
	app_private.claim_reminders(timestamptz, integer),
	app_private.finish_reminder(uuid, jsonb),
	app_private.stop_digest(uuid)
	to service_role;
grant usage on schema app_private to service_role;

revoke all on function
	public.save_push_subscription(jsonb, text), public.forget_push_subscription(text),
	public.get_reminder_settings(), public.save_reminder_settings(jsonb)
	from public, anon, authenticated, service_role;
grant execute on function
	public.save_push_subscription(jsonb, text), public.forget_push_subscription(text),
	public.get_reminder_settings(), public.save_reminder_settings(jsonb)
	to authenticated;
