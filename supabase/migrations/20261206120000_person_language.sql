-- The language a person's follow-ups are drafted in, when the user chose one for them (null: the
-- language of the notes). A per-contact choice, so it syncs like the person's other fields; the
-- codes are the six the app drafts in (src/lib/domain/drafts/languages.ts).
alter table app_private.people
	add column language text check (language in ('en', 'de', 'fr', 'es', 'pt', 'it'));

create or replace function app_private.writable_columns(tbl text)
returns text[]
language sql
immutable
set search_path = ''
as $$
	select case tbl
		when 'events' then array['name', 'start_date', 'end_date', 'time_zone', 'clock_from_end']
		when 'people' then array['name', 'org', 'title', 'email', 'phone', 'linkedin', 'url', 'badge_id', 'match_keys', 'language']
		when 'encounters' then array['person_id', 'event_id', 'met_at', 'note', 'help_offer', 'raw', 'kind', 'note_conflict']
		when 'follow_ups' then array[
			'person_id', 'encounter_id', 'event_id', 'kind', 'due_at', 'queue_at', 'snoozed_until', 'status',
			'done_at', 'channel', 'closed_reason', 'message'
		]
		when 'promises' then array['person_id', 'encounter_id', 'follow_up_id', 'text', 'status', 'due_at', 'settled_at']
	end;
$$;
