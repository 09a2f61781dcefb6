-- Shared set-up for the pgTAP files is repeated in each (pg_prove runs each file in its own
-- session); this file only checks the test database has what the others need.
begin;
select plan(3);
select has_extension('pgtap');
select has_function('auth', 'uid', 'Supabase''s auth.uid() is present');
select has_table('auth', 'users', 'Supabase''s auth.users is present');
select * from finish();
rollback;
