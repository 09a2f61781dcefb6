-- Tables of the event networking companion, as synced between a user's devices.
--
-- Every row belongs to one user (owner_id, defaulting to auth.uid()), has a client-generated id,
-- and carries server_seq: the user's own gap-free, commit-ordered change counter that sync_pull
-- pages by. Rows are never deleted by clients, only tombstoned (deleted_at). See supabase/README.md.

create schema if not exists app_private;

create table public.sync_state (
	owner_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
	seq bigint not null default 0,
	-- When the user last deleted all their data (delete_my_data): devices that saw an older value
	-- clear their copies.
	erased_at timestamptz
);

create table public.events (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	id uuid not null,
	name text not null check (char_length(btrim(name)) between 1 and 200),
	start_date date not null,
	end_date date not null,
	time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
	clock_from_end boolean not null default false,
	field_seq jsonb not null default '{}',
	-- Which device (push client) made each field's last change.
	field_client jsonb not null default '{}',
	server_seq bigint not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	primary key (owner_id, id),
	check (end_date >= start_date)
);

create table public.people (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	id uuid not null,
	name text not null check (char_length(btrim(name)) between 1 and 200),
	org text not null default '' check (char_length(org) <= 200),
	title text not null default '' check (char_length(title) <= 200),
	email text not null default '' check (char_length(email) <= 254),
	phone text not null default '' check (char_length(phone) <= 40),
	linkedin text not null default '' check (char_length(linkedin) <= 2048),
	url text not null default '' check (char_length(url) <= 2048),
	badge_id text not null default '' check (char_length(badge_id) <= 512),
	match_keys text[] not null default '{}' check (cardinality(match_keys) <= 20),
	field_seq jsonb not null default '{}',
	-- Which device (push client) made each field's last change.
	field_client jsonb not null default '{}',
	server_seq bigint not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	primary key (owner_id, id)
);

create table public.encounters (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	id uuid not null,
	person_id uuid not null,
	event_id uuid,
	met_at timestamptz not null,
	-- The note is the point of the app: never empty.
	note text not null check (char_length(btrim(note)) > 0 and char_length(note) <= 20000),
	help_offer text not null default '' check (char_length(help_offer) <= 2000),
	raw text not null default '' check (char_length(raw) <= 16384),
	kind text not null default 'typed' check (
		kind in ('vcard', 'mecard', 'url', 'mailto', 'tel', 'json', 'opaque', 'not-a-person', 'empty', 'typed')
	),
	-- Set when two devices edited the note at once; both versions are in note_revisions.
	note_conflict boolean not null default false,
	field_seq jsonb not null default '{}',
	-- Which device (push client) made each field's last change.
	field_client jsonb not null default '{}',
	server_seq bigint not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	primary key (owner_id, id),
	foreign key (owner_id, person_id) references public.people (owner_id, id),
	foreign key (owner_id, event_id) references public.events (owner_id, id)
);

create table public.follow_ups (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	id uuid not null,
	person_id uuid not null,
	encounter_id uuid,
	event_id uuid,
	kind text not null default 'follow-up' check (kind in ('follow-up', 'check-in')),
	due_at timestamptz not null,
	queue_at timestamptz not null,
	snoozed_until timestamptz,
	status text not null default 'open' check (status in ('open', 'done', 'not-a-fit')),
	done_at timestamptz,
	channel text check (channel in ('email', 'linkedin', 'sms', 'whatsapp', 'copy', 'other')),
	closed_reason text not null default '' check (char_length(closed_reason) <= 200),
	message jsonb check (
		message is null or (jsonb_typeof(message) = 'object' and octet_length(message::text) <= 40000)
	),
	field_seq jsonb not null default '{}',
	-- Which device (push client) made each field's last change.
	field_client jsonb not null default '{}',
	server_seq bigint not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	primary key (owner_id, id),
	foreign key (owner_id, person_id) references public.people (owner_id, id),
	foreign key (owner_id, encounter_id) references public.encounters (owner_id, id),
	foreign key (owner_id, event_id) references public.events (owner_id, id)
);

create table public.promises (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	id uuid not null,
	person_id uuid not null,
	encounter_id uuid not null,
	follow_up_id uuid not null,
	text text not null check (char_length(btrim(text)) between 1 and 300),
	status text not null default 'open' check (status in ('open', 'kept', 'dropped')),
	due_at timestamptz not null,
	settled_at timestamptz,
	field_seq jsonb not null default '{}',
	-- Which device (push client) made each field's last change.
	field_client jsonb not null default '{}',
	server_seq bigint not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	primary key (owner_id, id),
	foreign key (owner_id, person_id) references public.people (owner_id, id),
	foreign key (owner_id, encounter_id) references public.encounters (owner_id, id),
	foreign key (owner_id, follow_up_id) references public.follow_ups (owner_id, id)
);

-- Both sides of a concurrent note edit, append-only: a note is never overwritten.
create table public.note_revisions (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	id uuid not null default gen_random_uuid(),
	encounter_id uuid not null,
	note text not null check (char_length(note) <= 20000),
	-- 'server': the note as it was; 'client': the edit that arrived concurrently.
	source text not null check (source in ('server', 'client')),
	client_id uuid,
	mid bigint,
	base_seq bigint,
	server_seq bigint not null,
	created_at timestamptz not null default now(),
	primary key (owner_id, id),
	foreign key (owner_id, encounter_id) references public.encounters (owner_id, id)
);

-- One row per mutation a client pushed: what happened to it. Makes every push idempotent.
create table public.sync_ledger (
	owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
	client_id uuid not null,
	mid bigint not null check (mid > 0),
	result jsonb not null,
	created_at timestamptz not null default now(),
	primary key (owner_id, client_id, mid)
);

-- Pull pages through each table by the user's cursor.
create unique index events_owner_seq on public.events (owner_id, server_seq);
create unique index people_owner_seq on public.people (owner_id, server_seq);
create unique index encounters_owner_seq on public.encounters (owner_id, server_seq);
create unique index follow_ups_owner_seq on public.follow_ups (owner_id, server_seq);
create unique index promises_owner_seq on public.promises (owner_id, server_seq);
create unique index note_revisions_owner_seq on public.note_revisions (owner_id, server_seq);
