-- sync_push: once per mutation, in order, and the conflict rules decided on the server.
begin;
select plan(38);

create function pg_temp.act_as(who uuid) returns void language plpgsql as $$
begin
	perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
	perform set_config('role', 'authenticated', true);
end;
$$;
-- Pushes one mutation from a device and returns its result.
create function pg_temp.push(device uuid, mutation jsonb) returns jsonb language sql as $$
	select public.sync_push(device, jsonb_build_array(mutation)) -> 'results' -> 0;
$$;

insert into auth.users (id, email) values ('a0000000-0000-4000-8000-000000000001', 'ada@test.example');
select pg_temp.act_as('a0000000-0000-4000-8000-000000000001');

-- Idempotency: the same mid twice is one effect.
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace", "org": "Navy"}}') ->> 'status',
	'applied', 'a new person is applied'
);
select is(
	(select seq from app_private.sync_state),
	1::bigint, 'one change so far'
);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace", "org": "Navy"}}') ->> 'status',
	'duplicate', 'the same mutation again is reported as a duplicate'
);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "fields": {"name": "Grace Again"}}') ->> 'status',
	'reused', 'the same mid for another change is not (09_reused_mids.sql)'
);
select is((select name from app_private.people), 'Grace', 'and changes nothing');
select is((select seq from app_private.sync_state), 1::bigint, 'not even the cursor');

-- A gap stops the push: nothing after it is applied.
select is(
	public.sync_push('d0000000-0000-4000-8000-000000000001', $$[
		{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "fields": {"name": "Alan"}},
		{"mid": 4, "table": "people", "id": "f0000000-0000-4000-8000-000000000004", "fields": {"name": "Skipped"}},
		{"mid": 5, "table": "people", "id": "f0000000-0000-4000-8000-000000000005", "fields": {"name": "Also skipped"}}
	]$$) -> 'results',
	$$[{"mid": 2, "id": "f0000000-0000-4000-8000-000000000002", "table": "people", "status": "applied", "server_seq": 2},
	   {"mid": 4, "status": "gap", "expected": 3}]$$::jsonb,
	'mid 4 after mid 2 is a gap: the push stops there'
);
select is((select count(*)::int from app_private.people), 2, 'nothing after the gap was written');
select is((select max(mid) from app_private.sync_ledger), 2::bigint, 'the ledger stops before the gap');

-- A field nobody changed since the edit's base is applied, with no conflict.
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', '{"mid": 1, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "base_seq": 1, "fields": {"title": "Rear Admiral"}}') ->> 'status',
	'applied', 'an edit of an unchanged field applies'
);

-- Concurrent scalar edits: the one received last wins; the value it replaced is reported.
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 3, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "base_seq": 1, "fields": {"org": "Yale"}}') ->> 'status',
	'applied', 'the first of two concurrent edits applies'
);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', '{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-000000000001", "base_seq": 1, "fields": {"org": "Harvard"}}') -> 'conflicts',
	'[{"field": "org", "kept": "Harvard", "replaced": "Yale", "rule": "last-wins"}]'::jsonb,
	'the second wins and reports the value it replaced'
);
select is((select org from app_private.people where id = 'f0000000-0000-4000-8000-000000000001'), 'Harvard', 'the last received value is kept');

-- Notes are never overwritten: both versions are kept and the encounter is flagged.
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 4, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "met_at": "2026-11-20T10:00:00Z", "note": "COBOL compilers"}}');
-- Both devices start from the same version of the note.
create temporary table note_base on commit drop as select server_seq from app_private.encounters;
select pg_temp.push('d0000000-0000-4000-8000-000000000001', format('{"mid": 5, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"note": "COBOL compilers and the Mark I"}}', (select server_seq from note_base))::jsonb);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', format('{"mid": 3, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"note": "COBOL compilers; she wants an intro"}}', (select server_seq from note_base))::jsonb) ->> 'status',
	'conflict', 'a note edited on two devices is a conflict'
);
select is((select note from app_private.encounters), 'COBOL compilers and the Mark I', 'the note is not overwritten');
select ok((select note_conflict from app_private.encounters), 'the encounter is flagged for the user to merge');
select results_eq(
	$$ select source, note from app_private.note_revisions order by source $$,
	$$ values ('client', 'COBOL compilers; she wants an intro'), ('server', 'COBOL compilers and the Mark I') $$,
	'both versions are kept'
);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', format('{"mid": 4, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"note": "Merged: COBOL, the Mark I, intro", "note_conflict": false}}', (select server_seq from app_private.encounters))::jsonb) ->> 'status',
	'applied', 'the merged note, based on what the user saw, applies'
);
select ok(not (select note_conflict from app_private.encounters), 'and clears the flag');

-- A device's own successive edits, not pulled back in between, are not a conflict.
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', format('{"mid": 5, "table": "encounters", "id": "10000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"note": "Merged, then edited again offline"}}', (select server_seq from note_base))::jsonb) ->> 'status',
	'applied', 'a second edit of one''s own note applies without a conflict'
);
select ok(not (select note_conflict from app_private.encounters), 'and raises no flag');

-- Follow-ups: done beats a stale open; reopening wins only if its base saw done.
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 6, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "fields": {"person_id": "f0000000-0000-4000-8000-000000000001", "encounter_id": "10000000-0000-4000-8000-000000000001", "due_at": "2026-11-22T10:00:00Z", "queue_at": "2026-11-22T10:00:00Z"}}');
select pg_temp.push('d0000000-0000-4000-8000-000000000001', format('{"mid": 7, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"status": "done", "done_at": "2026-11-21T09:00:00Z", "channel": "email"}}', (select server_seq from app_private.follow_ups))::jsonb);
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', '{"mid": 6, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "base_seq": 1, "fields": {"status": "open", "snoozed_until": "2026-11-23T09:00:00Z", "queue_at": "2026-11-23T09:00:00Z"}}') -> 'conflicts' -> 0 ->> 'rule',
	'done-wins', 'a stale open does not undo done'
);
select is((select status from app_private.follow_ups), 'done', 'the follow-up stays done');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', format('{"mid": 7, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"status": "open"}}', (select server_seq from app_private.follow_ups))::jsonb) ->> 'status',
	'applied', 'reopening based on the done version applies'
);
select is((select status from app_private.follow_ups), 'open', 'the follow-up is open again');

-- Delete vs. edit: the delete hides the row, the edit is kept; restore brings it back.
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 8, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "op": "delete"}');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', '{"mid": 8, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "base_seq": 2, "fields": {"org": "Bletchley"}}') -> 'conflicts' -> -1 ->> 'rule',
	'delete-wins', 'an edit of a deleted person is reported'
);
select ok(
	(select deleted_at is not null and org = 'Bletchley' from app_private.people where id = 'f0000000-0000-4000-8000-000000000002'),
	'the person stays deleted, with the edit kept'
);
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 9, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "op": "restore"}');
select ok((select deleted_at is null from app_private.people where id = 'f0000000-0000-4000-8000-000000000002'), 'restore clears the tombstone');

-- A device making a row anew (a person scanned again after a delete elsewhere) brings it back.
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 10, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "op": "delete"}');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', '{"mid": 9, "table": "people", "id": "f0000000-0000-4000-8000-000000000002", "op": "create", "fields": {"name": "Alan"}}') ->> 'status',
	'applied', 'create of a deleted row applies'
);
select ok((select deleted_at is null from app_private.people where id = 'f0000000-0000-4000-8000-000000000002'), 'create clears the tombstone');

-- A write that loses and changes nothing still moves the row forward, so its device pulls the winner.
create temporary table seq_before on commit drop as select server_seq from app_private.follow_ups;
select pg_temp.push('d0000000-0000-4000-8000-000000000003', '{"mid": 1, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "op": "delete"}');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', format('{"mid": 10, "table": "follow_ups", "id": "20000000-0000-4000-8000-000000000001", "base_seq": %s, "fields": {"status": "open"}}', (select server_seq from seq_before))::jsonb) ->> 'status',
	'conflict', 'an edit of a deleted follow-up that changes nothing is a conflict'
);
select cmp_ok(
	(select server_seq from app_private.follow_ups), '>', (select server_seq + 1 from seq_before),
	'and the row still moves past the delete'
);
select ok((select deleted_at is not null from app_private.follow_ups), 'the follow-up stays deleted');

-- The same badge scanned on two devices is one person (same derived id); match keys only grow.
select pg_temp.push('d0000000-0000-4000-8000-000000000001', '{"mid": 11, "table": "people", "id": "f0000000-0000-4000-8000-0000000000aa", "fields": {"name": "Katherine", "match_keys": ["badge:K1"]}}');
select is(
	pg_temp.push('d0000000-0000-4000-8000-000000000002', '{"mid": 11, "table": "people", "id": "f0000000-0000-4000-8000-0000000000aa", "fields": {"name": "Katherine", "match_keys": ["badge:K1", "email:k@nasa.example"]}}') ->> 'status',
	'applied', 'the second device''s scan of the same badge updates the same person'
);
select is(
	(select match_keys from app_private.people where id = 'f0000000-0000-4000-8000-0000000000aa'),
	array['badge:K1', 'email:k@nasa.example'], 'match keys are the union of both'
);
select is((select count(*)::int from app_private.people where name = 'Katherine'), 1, 'one person, not two');
select isnt(
	pg_temp.push('d0000000-0000-4000-8000-000000000003', '{"mid": 2, "table": "people", "id": "f0000000-0000-4000-8000-0000000000aa", "op": "create", "fields": {"name": "Katherine", "org": "NASA", "email": "", "match_keys": []}}') ->> 'status',
	'rejected', 'a third device creating the same person is taken'
);
select is(
	(select array[org, array_to_string(match_keys, ',')] from app_private.people where id = 'f0000000-0000-4000-8000-0000000000aa'),
	array['NASA', 'badge:K1,email:k@nasa.example'], 'it adds what it knows and blanks nothing'
);

select * from finish();
rollback;
