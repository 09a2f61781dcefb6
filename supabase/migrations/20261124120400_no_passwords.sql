-- Nobody signs in with a password: the app signs in only by an emailed code, so auth.users keeps
-- no password at all.
--
-- Why: account pre-claiming. Anyone may call /auth/v1/signup with the victim's address and a
-- password of their choosing. With "Confirm email" on, that makes an unconfirmed user (no session);
-- but when the victim later signs in by code, GoTrue sends the Confirm signup code for that same
-- user, and verifying it only confirms the user — it keeps the password the attacker chose
-- (supabase/auth internal/api/verify.go signupVerify → models/user.go Confirm; signup.go leaves an
-- existing unconfirmed user as it is; RemoveUnconfirmedIdentities runs only when an OAuth
-- identity is linked, internal/api/external.go). The attacker could then sign in with the password
-- and read everything the victim syncs. With no password stored, a password sign-in always fails
-- (models/user.go Authenticate compares against an empty hash) and the hole is closed whatever
-- the auth settings. Proven by tests/db/pre-claim.test.ts and supabase/tests/10_no_passwords.sql.
--
-- GoTrue itself gives a new code user a random password (internal/api/magic_link.go); dropping it
-- changes nothing for them. Supabase lets projects add triggers on auth.users (postgres holds all
-- privileges on auth's tables: supabase/postgres migrations/db/migrations/
-- 10000000000000_demote-postgres.sql; docs: guides/auth/managing-user-data). The trigger runs as
-- GoTrue's role (supabase_auth_admin) and touches nothing but the row being written. Dropping a
-- trigger takes the table's owner (supabase_auth_admin), which postgres is not; to undo this, a
-- later migration replaces the function (ours) with one that returns `new` unchanged.

create function app_private.keep_no_password()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
	new.encrypted_password := null;
	return new;
end;
$$;

revoke all on function app_private.keep_no_password() from public, anon, authenticated, service_role;

create trigger keep_no_password
	before insert or update of encrypted_password on auth.users
	for each row execute function app_private.keep_no_password();

-- Passwords set before this migration go too.
update auth.users set encrypted_password = null where encrypted_password is not null;
