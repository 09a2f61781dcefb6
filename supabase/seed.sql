-- Seed for local development (`supabase db reset`). Sync data belongs to signed-in users and is
-- written by the app through sync_push, so there is nothing to seed: every user starts empty.
select 1;
