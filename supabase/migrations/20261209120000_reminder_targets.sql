-- One outcome per target (issue 19): a reminder goes to each of its user's devices (push
-- subscriptions) and, for the morning summary with the digest on, to their inbox; each of those
-- targets now has its own row in the ledger and is settled on its own. Before, a reminder was
-- settled whole: when the push reached one device but the digest's SMTP server was down, the email
-- was never retried; when one of two devices answered 429/5xx/timeout, it was never retried.
--
-- app_private.reminder_targets: one row per (claim, channel, subscription), made when the reminder
-- is first claimed, for the devices the user has then (not past their expirationTime) and, on a
-- summary with the digest on, the email. Its status:
--   pending    to send: on the claim's next attempt (the claim is pending or released)
--   sent       the push service (201) or the mail server accepted it: never sent again
--   failed     refused for good (a 4xx other than 404/410/429): not tried again
--   cancelled  no longer to send: the digest was turned off, the device's subscription expired,
--              or what the reminder was about was done meanwhile
--   expired    given up: the reminder reached another target, and this one failed for longer than
--              the push message's TTL (6 h due_soon, 12 h summary, 24 h overdue, as
--              supabase/functions/send-reminders/pass.ts sends them): a push service would have
--              dropped it by then too, and the user's next reminders wait no longer for it
-- A device forgotten, gone (404/410) or registered by another account loses its rows with it (the
-- foreign key cascades): a retry never goes to a device that is no longer the user's.
--
-- A claim stays unfinished (released, for a retry) while it has a pending target, and is claimed
-- again by a later run as before (the same claim_id, tag and Topic; the lease, Retry-After, quiet
-- hours, one claim per user per run and 4 a day all hold as they did): claim_reminders then returns
-- only its pending targets (`subscriptions`, and `email` only while its email is pending), so a
-- target that got it is not sent it again. It is finished (sent) once no target is pending and one
-- was sent; failed when none was; dropped as before when nothing it covered is still due and
-- nothing of it was sent.
--
-- finish_reminder takes the targets' outcomes in `outcome.targets`; a caller that names none (the
-- old form) settles every pending target with `outcome.status`, as before.

create table app_private.reminder_targets (
	id bigint generated always as identity primary key,
	claim_id uuid not null references app_private.reminder_claims (id) on delete cascade,
	owner_id uuid not null references auth.users (id) on delete cascade,
	channel text not null check (channel in ('push', 'email')),
	-- The device, for a push (deleted with it); null for the email.
	subscription_id uuid references app_private.push_subscriptions (id) on delete cascade,
	status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'cancelled', 'expired')),
	-- How many of the claim's attempts sent to this target.
	attempts integer not null default 0 check (attempts >= 0),
	-- The p_now of the claim that made it (a partly sent reminder's other targets expire from it).
	since timestamptz not null,
	settled_at timestamptz,
	check ((channel = 'push') = (subscription_id is not null)),
	unique nulls not distinct (claim_id, channel, subscription_id)
);
create index reminder_targets_pending on app_private.reminder_targets (claim_id) where status = 'pending';
create index reminder_targets_subscription on app_private.reminder_targets (subscription_id);
create index reminder_targets_owner on app_private.reminder_targets (owner_id);

alter table app_private.reminder_targets enable row level security;
alter table app_private.reminder_targets force row level security;
-- Written by the sender only; its owner may read it and erase it (delete_my_data erases the claims,
-- and these rows with them).
create policy "owners read where their reminders went" on app_private.reminder_targets
	for select to authenticated using (owner_id = (select auth.uid()));
create policy "owners erase where their reminders went" on app_private.reminder_targets
	for delete to authenticated using (owner_id = (select auth.uid()));
revoke all on table app_private.reminder_targets from public, anon, authenticated, service_role;
grant select, delete on table app_private.reminder_targets to authenticated;

-- Reminders unfinished when this migration runs get their targets as a claim made now would.
insert into app_private.reminder_targets (claim_id, owner_id, channel, subscription_id, since)
select c.id, c.owner_id, 'push', ps.id, c.claimed_at
from app_private.reminder_claims as c
join app_private.push_subscriptions as ps on ps.owner_id = c.owner_id
where c.status in ('pending', 'released') and (ps.expires_at is null or ps.expires_at > now())
union all
select c.id, c.owner_id, 'email', null, c.claimed_at
from app_private.reminder_claims as c
join app_private.reminder_settings as st on st.owner_id = c.owner_id
where c.status in ('pending', 'released') and c.kind = 'summary' and st.digest;

-- How long a reminder's message is worth sending (the TTL the sender gives its pushes).
create function app_private.reminder_ttl(kind text)
returns interval
language sql
immutable
set search_path = ''
as $$
	select case kind when 'due_soon' then interval '6 hours' when 'summary' then interval '12 hours' else interval '24 hours' end;
$$;


-- As in 20261207120000_reminders.sql, with targets (see the top of this file): a claim records its
-- targets when it is made, and returns only those still pending; a claim claimed again with no
-- pending target left is finished (sent, if a target got it) instead of sent again.
--
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
--   subscriptions  jsonb    [{id, endpoint, p256dh, auth}], newest first: the reminder's devices
--                           that have not got it yet (none past its expirationTime; [] for a
--                           digest-only user, or when only the email is left to send)
--   email          text     the address for the digest: set only on a summary with the digest on,
--                           while its email has not been sent
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
create or replace function app_private.claim_reminders(p_now timestamptz default now(), p_limit integer default 100)
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
	finished uuid[];
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

		-- (What a reminder a target got covered stays covered, done meanwhile or not: reopened, it is
		-- not reminded again.)
		with r as materialized (select * from app_private.remindable_follow_ups(p_now, owners))
		delete from app_private.reminder_items as i
		where i.claim_id = any (stale) and i.follow_up_id is not null
			and not exists (select 1 from r where r.owner_id = i.owner_id and r.follow_up_id = i.follow_up_id)
			and not exists (select 1 from app_private.reminder_targets as s where s.claim_id = i.claim_id and s.status = 'sent');

		-- Its targets no longer to send: the email with the digest off, a device past its
		-- expirationTime; and, of a reminder that reached a target, those waiting past its TTL.
		with x as (
			select t.id, case
				when t.channel = 'email' and not (u.kind = 'summary' and st.digest) then 'cancelled'
				when t.channel = 'push' and ps.expires_at is not null and ps.expires_at <= p_now then 'cancelled'
				when t.since + app_private.reminder_ttl(u.kind) <= p_now and exists (
					select 1 from app_private.reminder_targets as s where s.claim_id = t.claim_id and s.status = 'sent'
				) then 'expired'
			end as status
			from app_private.reminder_targets as t
			join app_private.reminder_claims as u on u.id = t.claim_id
			join app_private.reminder_settings as st on st.owner_id = u.owner_id
			left join app_private.push_subscriptions as ps on ps.id = t.subscription_id
			where t.claim_id = any (stale) and t.status = 'pending'
		)
		update app_private.reminder_targets as t set status = x.status, settled_at = now()
		from x where t.id = x.id and x.status is not null;

		with r as materialized (select * from app_private.remindable_follow_ups(p_now, owners)),
		u as (
			select u.id, exists (
				select 1 from app_private.reminder_targets as t where t.claim_id = u.id and t.status = 'pending'
			) and exists (
				select 1 from r
				left join app_private.reminder_items as i on i.claim_id = u.id and i.follow_up_id = r.follow_up_id
				where r.owner_id = u.owner_id
					and (i.claim_id is not null or (u.kind = 'summary' and r.moment < ((u.local_day + 1)::timestamp at time zone c.zone)))
			) as keep,
			exists (select 1 from app_private.reminder_targets as t where t.claim_id = u.id and t.status = 'sent') as reached
			from app_private.reminder_claims as u
			join app_private.reminder_candidates(p_now, owners) as c on c.owner_id = u.owner_id
			where u.id = any (stale)
		),
		changed as (
			update app_private.reminder_claims as c set
				-- Not kept: sent, when a target got it (what it covered stays covered); else dropped.
				status = case when u.keep then 'pending' when u.reached then 'sent' else 'dropped' end,
				attempt = c.attempt + case when u.keep then 1 else 0 end,
				claimed_at = case when u.keep then p_now else c.claimed_at end,
				lease_until = case when u.keep then p_now + lease end,
				available_at = null,
				finished_at = case when u.keep then null else now() end
			from u
			where c.id = u.id
			returning c.id, c.status
		)
		select array_agg(changed.id) filter (where changed.status = 'pending'),
			array_agg(changed.id) filter (where changed.status = 'dropped'),
			array_agg(changed.id) filter (where changed.status <> 'pending')
		into claimed, dropped, finished
		from changed;
		if dropped is not null then
			delete from app_private.reminder_items as i where i.claim_id = any (dropped);
		end if;
		if finished is not null then
			update app_private.reminder_targets as t set status = 'cancelled', settled_at = now()
			where t.claim_id = any (finished) and t.status = 'pending';
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
			returning c.id, c.owner_id, c.kind
		),
		i as (
			insert into app_private.reminder_items (owner_id, key, claim_id, follow_up_id)
			select d.owner_id, d.key, n.id, d.follow_up_id from d join n on n.owner_id = d.owner_id
			on conflict do nothing
		),
		-- Its targets: the user's devices now (not past their expirationTime), and the email of a
		-- summary with the digest on.
		t as (
			insert into app_private.reminder_targets (claim_id, owner_id, channel, subscription_id, since)
			select n.id, n.owner_id, 'push', ps.id, p_now
			from n join app_private.push_subscriptions as ps on ps.owner_id = n.owner_id
			where ps.expires_at is null or ps.expires_at > p_now
			union all
			select n.id, n.owner_id, 'email', null, p_now
			from n join app_private.reminder_settings as st on st.owner_id = n.owner_id
			where n.kind = 'summary' and st.digest
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
	update app_private.reminder_targets as t set attempts = t.attempts + 1
	where t.claim_id = any (total) and t.status = 'pending';

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
	-- The targets still to send to: the user's own devices only.
	devices as (
		select t.claim_id, jsonb_agg(jsonb_build_object('id', ps.id, 'endpoint', ps.endpoint, 'p256dh', ps.p256dh, 'auth', ps.auth)
			order by ps.updated_at desc, ps.id) as list
		from app_private.reminder_targets as t
		join app_private.push_subscriptions as ps on ps.id = t.subscription_id and ps.owner_id = t.owner_id
		where t.claim_id = any (total) and t.status = 'pending' and (ps.expires_at is null or ps.expires_at > p_now)
		group by t.claim_id
	),
	mail as (
		select t.claim_id from app_private.reminder_targets as t
		where t.claim_id = any (total) and t.channel = 'email' and t.status = 'pending'
	)
	select c.id, replace(c.id::text, '-', ''), c.owner_id, c.kind, coalesce(listed.list, '[]'::jsonb), coalesce(open.n, 0),
		c.hide, coalesce(devices.list, '[]'::jsonb),
		case when c.kind = 'summary' and c.dig and mail.claim_id is not null then u.email::text end,
		c.zone, c.local_day, c.attempt
	from c
	left join listed on listed.claim_id = c.id
	left join open on open.owner_id = c.owner_id
	left join devices on devices.claim_id = c.id
	left join mail on mail.claim_id = c.id
	left join auth.users as u on u.id = c.owner_id
	order by c.owner_id;
end;
$$;


-- As in 20261207120000_reminders.sql, with the targets' outcomes (see the top of this file).
--
-- Records what became of a claimed reminder. `outcome`:
--   {"status": "sent" | "retry" | "failed",   -- required; for each pending target not in "targets"
--    "targets": [{"target": subscription id | "email",
--                 "status": "sent" | "retry" | "failed"}, …],  -- optional: each target's own outcome
--    "gone": [subscription id, …],             -- optional: endpoints that answered 404/410, deleted
--    "retry_after": seconds,                   -- optional, with "retry": the push service's Retry-After
--    "attempt": n,                             -- optional: the claim's attempt this outcome is for
--    "error": text}                            -- optional, kept for the record (≤ 1000 characters)
-- For a target: sent: it got it, and never gets it again; failed: it cannot get it (say, a 400 from
-- the push service), and is not tried again; retry: 429, 5xx or a timeout, to be sent on a later
-- run. The reminder is then finished when no target is pending: sent when a target got it (what
-- it covered is never sent again), else failed; while one is pending, it is released, to be
-- claimed again by a later run (not before retry_after seconds, at most a day, and at least the
-- 2-minute lease after its claim) for the targets still pending. An outcome of an earlier attempt
-- settles the targets it names as sent or failed, and releases nothing. A reminder a target got is
-- released until its other targets expire at the latest (its TTL after its first claim).
-- A reminder with no targets (made before 20261209120000) is settled whole by `status`, as before.
-- Returns the claim's status afterwards ('sent', 'failed', 'released', 'dropped', or 'unknown' for
-- a claim that no longer exists: the user deleted their data meanwhile). A claim already finished
-- stays as it was (an outcome arriving late changes nothing but deleting gone subscriptions), and
-- so does a retry for an older attempt than the claim's.
create or replace function app_private.finish_reminder(claim_id uuid, outcome jsonb)
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
	stale boolean;
	pending_left integer;
	reached boolean;
	give_up timestamptz;
	n_targets integer;
begin
	if jsonb_typeof(outcome) is distinct from 'object' then
		raise exception 'outcome must be an object such as {"status": "sent"}.' using errcode = '22023';
	end if;
	select string_agg(format('"%s"', k), ', ') into unknown from jsonb_object_keys(outcome) as k
	where k not in ('status', 'targets', 'gone', 'retry_after', 'attempt', 'error');
	if unknown is not null then
		raise exception 'Unknown outcome key %; the keys are status, targets, gone, retry_after, attempt and error.', unknown using errcode = '22023';
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
	if outcome ? 'targets' and (
		jsonb_typeof(outcome -> 'targets') <> 'array' or jsonb_array_length(outcome -> 'targets') > 101
		or exists (
			select 1 from jsonb_array_elements(outcome -> 'targets') as t
			where jsonb_typeof(t) <> 'object'
				or exists (select 1 from jsonb_object_keys(t) as k where k not in ('target', 'status'))
				or jsonb_typeof(t -> 'target') is distinct from 'string'
				or not ((t ->> 'target') = 'email' or (t ->> 'target') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
				or jsonb_typeof(t -> 'status') is distinct from 'string'
				or (t ->> 'status') not in ('sent', 'retry', 'failed')
		)
	) then
		raise exception 'outcome.targets must be a list of at most 101 {"target": subscription id or "email", "status": "sent", "retry" or "failed"}.'
			using errcode = '22023';
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
	if c.status not in ('pending', 'released') then
		return c.status;
	end if;
	stale := outcome ? 'attempt' and (outcome ->> 'attempt')::integer <> c.attempt;

	-- Each pending target takes its own outcome, or `status`; sent and failed settle it. One
	-- statement (a finish per reminder is most of a pass's work): the targets before and after.
	with named as (
		select distinct on (lower(e ->> 'target')) lower(e ->> 'target') as target, e ->> 'status' as status
		from jsonb_array_elements(coalesce(outcome -> 'targets', '[]')) as e
	),
	mine as (
		select t.id, t.status, t.since, coalesce(named.status, result) as next
		from app_private.reminder_targets as t
		left join named on named.target = coalesce(t.subscription_id::text, 'email')
		where t.claim_id = c.id
	),
	settled as (
		update app_private.reminder_targets as t set status = m.next, settled_at = now()
		from mine as m
		where t.id = m.id and m.status = 'pending' and m.next in ('sent', 'failed')
		returning t.id, t.status
	)
	select count(*), count(*) filter (where coalesce(s.status, m.status) = 'pending'),
		coalesce(bool_or(coalesce(s.status, m.status) = 'sent'), false), min(m.since)
	into n_targets, pending_left, reached, give_up
	from mine as m left join settled as s on s.id = m.id;

	if n_targets > 0 then
		if pending_left = 0 then
			result := case when reached then 'sent' else 'failed' end;
			update app_private.reminder_claims as uc
			set status = result, lease_until = null, available_at = null, finished_at = now(), outcome = finish_reminder.outcome
			where uc.id = c.id;
			return result;
		end if;
		if stale then
			return c.status;
		end if;
		-- A reminder a target got waits for the others no longer than its TTL (when they expire),
		-- whatever Retry-After said: the user's next reminders wait for it.
		give_up := case when reached then give_up + app_private.reminder_ttl(c.kind) end;
		result := 'retry';
	elsif result = 'retry' and stale then
		return c.status;
	end if;

	if result = 'retry' then
		delay := greatest(interval '2 minutes', least(interval '1 day', coalesce((outcome ->> 'retry_after')::numeric, 0) * interval '1 second'));
		update app_private.reminder_claims as uc
		set status = 'released', lease_until = null, outcome = finish_reminder.outcome,
			available_at = greatest(c.claimed_at + interval '2 minutes', least(c.claimed_at + delay, give_up))
		where uc.id = c.id;
		return 'released';
	end if;
	update app_private.reminder_claims as uc
	set status = result, lease_until = null, available_at = null, finished_at = now(), outcome = finish_reminder.outcome
	where uc.id = c.id;
	return result;
end;
$$;

revoke all on function app_private.reminder_ttl(text) from public, anon, authenticated, service_role;
