-- auth.users keeps no password: a password given at sign-up or set later is dropped, so a
-- password sign-in can never succeed (pre-claiming, see migrations/…_no_passwords.sql).
begin;
select plan(4);

select has_trigger('auth', 'users', 'keep_no_password', 'auth.users has the keep_no_password trigger');

insert into auth.users (id, email, encrypted_password)
values ('a0000000-0000-4000-8000-000000000001', 'victim@test.example', '$2a$10$attackerchosenhashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
select is(
	(select encrypted_password from auth.users where id = 'a0000000-0000-4000-8000-000000000001'),
	null,
	'a password given at sign-up is not kept'
);

update auth.users set encrypted_password = '$2a$10$anotherhashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
where id = 'a0000000-0000-4000-8000-000000000001';
select is(
	(select encrypted_password from auth.users where id = 'a0000000-0000-4000-8000-000000000001'),
	null,
	'a password set later is not kept'
);

update auth.users set email_confirmed_at = now() where id = 'a0000000-0000-4000-8000-000000000001';
select isnt(
	(select email_confirmed_at from auth.users where id = 'a0000000-0000-4000-8000-000000000001'),
	null,
	'the rest of the row is written as asked (confirming the address)'
);

select * from finish();
rollback;
