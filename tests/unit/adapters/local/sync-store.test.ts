import { discardOrder } from '$lib/domain/sync/failures';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { PeopleStore } from '$lib/adapters/local/people-store';
import { DexieSyncStore } from '$lib/adapters/local/sync-store';
import { makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');
let counter = 0;
const opened: Dexie[] = [];

function open(name = `sync-store-test-${++counter}`) {
	const db = new LocalDb(name);
	opened.push(db);
	return { db, capture: new CaptureStore(db), people: new PeopleStore(db), sync: new DexieSyncStore(db) };
}

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

const ops = async (db: LocalDb) => (await db.outbox.orderBy('mid').toArray()).map((e) => `${e.mid} ${e.op} ${e.table}`);

describe('the outbox', () => {
	it('records a capture in the same transaction: person, encounter, follow-up and promise, in order', async () => {
		const { db, capture } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;', { promises: ['Send the deck'] });
		expect(await capture.commit(draft, now, sequentialIds())).toMatchObject({ ok: true });
		expect(await ops(db)).toEqual([
			'1 create people',
			'2 create encounters',
			'3 create follow_ups',
			'4 create promises'
		]);
		const encounter = await db.outbox.get(2);
		expect(encounter?.fields).toMatchObject({ note: 'Talked about grid storage', met_at: expect.any(String) });
		expect(encounter?.baseSeq).toBeNull();
	});

	it('writes nothing when the change itself is refused', async () => {
		const { db, capture } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;', { note: '  ' });
		expect(await capture.commit(draft, now, sequentialIds())).toMatchObject({ ok: false });
		expect(await db.outbox.count()).toBe(0);
	});

	it('sends only what an edit changed, based on the version last pulled', async () => {
		const { db, capture, people } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		const result = await capture.commit(draft, now, sequentialIds());
		if (!result.ok) throw new Error(result.message);
		await db.rowSeq.put({ table: 'people', id: result.personId, seq: 41 });
		await people.edit(result.personId, { title: 'Founder' }, now);
		const edit = (await db.outbox.orderBy('mid').last())!;
		expect(edit).toMatchObject({ op: 'upsert', table: 'people', fields: { title: 'Founder' }, baseSeq: 41 });
		await people.edit(result.personId, { title: 'Founder' }, now + 1);
		expect(await db.outbox.orderBy('mid').last()).toEqual(edit);
	});

	it('makes one entry of a burst of edits to one row, but never changes an entry being sent', async () => {
		const { db, capture, people, sync } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		const result = await capture.commit(draft, now, sequentialIds());
		if (!result.ok) throw new Error(result.message);
		await people.edit(result.personId, { title: 'F' }, now);
		await people.edit(result.personId, { title: 'Founder' }, now);
		await people.edit(result.personId, { org: 'Sahel Grid' }, now);
		expect(await ops(db)).toEqual(['1 create people', '2 create encounters', '3 create follow_ups', '4 upsert people']);
		expect((await db.outbox.get(4))?.fields).toEqual({ title: 'Founder', org: 'Sahel Grid' });

		// Handed to a push: the next edit is an entry of its own.
		expect(await sync.outbox(10)).toHaveLength(4);
		await people.edit(result.personId, { title: 'CEO' }, now);
		expect((await db.outbox.get(4))?.fields).toEqual({ title: 'Founder', org: 'Sahel Grid' });
		expect((await db.outbox.get(5))?.fields).toEqual({ title: 'CEO' });
		// An edit of another row in between ends the burst.
		await people.editNote(draft.id, 'Talked about grid storage and the pilot');
		await people.edit(result.personId, { title: 'Chief Executive' }, now);
		expect(await ops(db)).toHaveLength(7);
	});

	it('claims what was captured before sync existed (schema version 1) as waiting changes', async () => {
		const name = `sync-store-upgrade-${++counter}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({
			events: 'id',
			people: 'id',
			encounters: 'id',
			followUps: 'id',
			promises: 'id',
			drafts: 'id',
			settings: 'key'
		});
		await v1.table('people').add({
			id: '5e0c0c1e-0000-4000-8000-000000000001',
			name: 'Grace Hopper',
			org: 'Navy',
			title: '',
			email: '',
			phone: '',
			linkedin: '',
			url: '',
			badgeId: '',
			matchKeys: [],
			createdAt: now,
			updatedAt: now
		});
		v1.close();
		const { db } = open(name);
		expect(await ops(db)).toEqual(['1 create people']);
		expect((await db.outbox.get(1))?.fields).toMatchObject({ name: 'Grace Hopper', org: 'Navy' });
		expect(await db.syncMeta.get('nextMid')).toEqual({ key: 'nextMid', value: 2 });
	});
});

describe('an erasure on another device', () => {
	it('clears this copy once, then pulls from the start; the first page only records where things stand', async () => {
		const { db, capture, sync } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		await capture.commit(draft, now, sequentialIds());
		const page = (erasedAt: string | null) => ({ rows: [], next: 12, has_more: false, erased_at: erasedAt });

		// A device that never pulled before, of a user who erased long ago: nothing to clear.
		expect(await sync.applyPage(page('2026-01-01T00:00:00Z'))).toBe('applied');
		expect(await db.people.count()).toBe(1);
		expect(await sync.cursor()).toBe(12);

		expect(await sync.applyPage(page('2026-11-23T10:00:00Z'))).toBe('restart');
		expect(await db.people.count()).toBe(0);
		expect(await db.encounters.count()).toBe(0);
		expect(await db.followUps.count()).toBe(0);
		expect(await sync.pendingCount()).toBe(0);
		expect(await sync.cursor()).toBe(0);

		// Heard: the same answer again is just a page.
		expect(await sync.applyPage(page('2026-11-23T10:00:00Z'))).toBe('applied');
		expect(await sync.cursor()).toBe(12);
	});

	it('clears the same way when a push is answered "erased", and remembers which erasure it heard of', async () => {
		const { db, capture, sync } = open();
		await capture.commit(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'), now, sequentialIds());
		expect(await sync.seenErasure()).toBeUndefined();
		await sync.applyPage({ rows: [], next: 5, has_more: false, erased_at: null });
		expect(await sync.seenErasure()).toBeNull();
		await db.syncFailures.add({ entry: (await db.outbox.get(1))!, reason: 'refused', code: null, at: now });

		await sync.clearForErasure('2026-11-23T10:00:00.123456+00:00');
		expect(await db.people.count()).toBe(0);
		expect(await db.encounters.count()).toBe(0);
		expect(await sync.pendingCount()).toBe(0);
		expect(await sync.failures()).toEqual([]);
		expect(await sync.cursor()).toBe(0);
		expect(await sync.seenErasure()).toBe('2026-11-23T10:00:00.123456+00:00');
		expect(await sync.erasedElsewhereAt()).toEqual(expect.any(Number));
		// The next page of that erasure is just a page.
		expect(
			await sync.applyPage({ rows: [], next: 7, has_more: false, erased_at: '2026-11-23T10:00:00.123456+00:00' })
		).toBe('applied');
	});

	it('never clears for a user who never erased', async () => {
		const { db, capture, sync } = open();
		await capture.commit(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'), now, sequentialIds());
		for (let i = 0; i < 2; i++) {
			expect(await sync.applyPage({ rows: [], next: 3, has_more: false, erased_at: null })).toBe('applied');
		}
		expect(await db.people.count()).toBe(1);
	});
});

describe('pulled rows', () => {
	it('keep local edits still waiting on top, and a waiting delete keeps the row gone', async () => {
		const { db, capture, people, sync } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		const result = await capture.commit(draft, now, sequentialIds());
		if (!result.ok) throw new Error(result.message);
		await people.edit(result.personId, { title: 'Founder' }, now);
		const person = (await db.people.get(result.personId))!;
		await sync.applyPage({
			rows: [
				{
					table: 'people',
					row: {
						id: person.id,
						name: 'Mamadou Diallo',
						org: 'Sahel Grid',
						title: 'Engineer',
						email: 'm@sahel.example',
						phone: '',
						linkedin: '',
						url: '',
						badge_id: '',
						match_keys: person.matchKeys,
						server_seq: 7,
						created_at: '2026-11-20T10:00:00Z',
						updated_at: '2026-11-20T10:06:00Z'
					}
				}
			],
			next: 7,
			has_more: false
		});
		expect(await db.people.get(person.id)).toMatchObject({ org: 'Sahel Grid', title: 'Founder' });
		expect(await db.rowSeq.get(['people', person.id])).toMatchObject({ seq: 7 });
		expect(await sync.cursor()).toBe(7);

		await people.remove(person.id);
		await sync.applyPage({
			rows: [
				{
					table: 'people',
					row: {
						id: person.id,
						name: 'Mamadou',
						server_seq: 8,
						created_at: '2026-11-20T10:00:00Z',
						updated_at: '2026-11-20T10:07:00Z'
					}
				}
			],
			next: 8,
			has_more: false
		});
		expect(await db.people.get(person.id)).toBeUndefined();
	});
});

describe('changes the server refused', () => {
	it('are kept with their reason, and can be retried or discarded', async () => {
		const { db, capture, sync } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		await capture.commit(draft, now, sequentialIds());
		const entries = await sync.outbox(10);
		await sync.acknowledge(
			entries.map((entry) => ({
				entry,
				result:
					entry.table === 'encounters'
						? { mid: entry.mid, status: 'rejected', reason: 'The note is too long.' }
						: { mid: entry.mid, status: 'applied' }
			}))
		);
		expect(await sync.pendingCount()).toBe(0);
		const failure = (await sync.failures())[0]!;
		expect(failure).toMatchObject({ reason: 'The note is too long.', entry: { table: 'encounters', id: draft.id } });

		await sync.retry([failure.key!]);
		expect(await sync.failures()).toEqual([]);
		expect(await sync.outbox(10)).toEqual([{ ...failure.entry, mid: 4 }]);

		await sync.acknowledge([
			{ entry: (await sync.outbox(1))[0]!, result: { mid: 4, status: 'rejected', reason: 'Still too long.' } }
		]);
		const again = (await sync.failures())[0]!;
		await db.syncMeta.put({ key: 'cursor', value: 12 });
		await sync.discard([again.key!]);
		// Never accepted by the server: the encounter leaves the device, and everything is pulled again.
		expect(await db.encounters.get(draft.id)).toBeUndefined();
		expect(await sync.cursor()).toBe(0);
		expect(await sync.failures()).toEqual([]);
	});
});

describe('giving up a refused person', () => {
	it('gives up the refused conversation and follow-up that need them, here too', async () => {
		const { db, capture, sync } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		await capture.commit(draft, now, sequentialIds());
		const entries = await sync.outbox(10);
		await sync.acknowledge(
			entries.map((entry) => ({ entry, result: { mid: entry.mid, status: 'rejected', reason: 'Refused.' } }))
		);
		const failures = await sync.failures();
		expect(failures.map((f) => f.entry.table)).toEqual(['people', 'encounters', 'follow_ups']);
		const person = failures[0]!;
		await sync.discard(discardOrder(failures, person.key!));
		expect(await sync.failures()).toEqual([]);
		expect(await db.people.count()).toBe(0);
		expect(await db.encounters.count()).toBe(0);
		expect(await db.followUps.count()).toBe(0);
	});
});

describe('a note changed by a sync while the user was editing it', () => {
	it('is not overwritten: the save is refused with the current note, to merge', async () => {
		const { db, capture, people } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		await capture.commit(draft, now, sequentialIds());
		const before = await db.outbox.count();
		await db.encounters.update(draft.id, { note: 'Pulled from the laptop: grid storage in Dakar' });
		expect(
			await people.editNote(draft.id, 'Typed on the phone: battery recycling', { basedOn: 'Talked about grid storage' })
		).toEqual({
			ok: false,
			message: expect.stringContaining('changed on another device'),
			current: 'Pulled from the laptop: grid storage in Dakar'
		});
		expect(await db.encounters.get(draft.id)).toMatchObject({ note: 'Pulled from the laptop: grid storage in Dakar' });
		expect(await db.outbox.count()).toBe(before);
	});
});

describe('a person scanned again', () => {
	it('is sent as a create, so a delete made elsewhere meanwhile does not hide the new conversation', async () => {
		const { db, capture } = open();
		await capture.commit(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'), now, sequentialIds());
		await db.outbox.clear();
		await capture.commit(
			makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;', { note: 'Second chat about solar' }),
			now,
			sequentialIds()
		);
		expect(await ops(db)).toEqual([
			expect.stringMatching(/ create people$/),
			expect.stringMatching(/ create encounters$/),
			expect.stringMatching(/ create follow_ups$/)
		]);
	});
});

describe('a note edited on two devices at once', () => {
	it('shows both versions until the user merges them', async () => {
		const { db, capture, people } = open();
		const draft = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;');
		await capture.commit(draft, now, sequentialIds());
		await db.encounters.update(draft.id, { note: 'Talked about grid storage in Dakar', noteConflict: true });
		await db.noteRevisions.bulkPut([
			{
				id: 'r1',
				encounterId: draft.id,
				note: 'Talked about grid storage in Dakar',
				source: 'server',
				serverSeq: 5,
				createdAt: now
			},
			{
				id: 'r2',
				encounterId: draft.id,
				note: 'Talked about batteries and the pilot',
				source: 'client',
				serverSeq: 6,
				createdAt: now
			}
		]);
		expect(await people.noteVersions(draft.id)).toEqual({
			kept: 'Talked about grid storage in Dakar',
			other: 'Talked about batteries and the pilot'
		});
		expect(await people.editNote(draft.id, 'ok')).toMatchObject({ ok: false });
		expect(
			await people.editNote(draft.id, 'Grid storage in Dakar; batteries and the pilot', { resolved: true })
		).toEqual({ ok: true });
		expect(await db.encounters.get(draft.id)).toMatchObject({
			note: 'Grid storage in Dakar; batteries and the pilot',
			noteConflict: false
		});
		expect(await people.noteVersions(draft.id)).toBeNull();
		expect((await db.outbox.orderBy('mid').last())?.fields).toEqual({
			note: 'Grid storage in Dakar; batteries and the pilot',
			note_conflict: false
		});
	});
});

describe('signing in again after capturing signed out', () => {
	it('moves the guest captures and drafts into the returning user’s data, as changes to push', async () => {
		const { moveGuestData } = await import('$lib/adapters/local/guest-data');
		const guest = open();
		const user = open();
		const first = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;ORG:Sahel Grid;;');
		await guest.capture.commit(first, now, sequentialIds());
		await guest.capture.saveDraft(makeDraft('MECARD:N:Okafor,Adaeze;EMAIL:a@lumen.example;;', { note: '' }));
		// The user already knew Mamadou, without his company.
		const known = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;', {
			note: 'Met at the airport, talked solar'
		});
		await user.capture.commit(known, now, sequentialIds());
		await user.db.outbox.clear();

		expect(await moveGuestData(guest.db, user.db)).toBe(4);
		const people = await user.db.people.toArray();
		expect(people).toHaveLength(1);
		expect(people[0]).toMatchObject({ name: 'Mamadou Diallo', org: 'Sahel Grid' });
		expect(await user.db.encounters.count()).toBe(2);
		expect(await user.db.drafts.count()).toBe(1);
		// Numbered after the user's own earlier changes.
		expect(await ops(user.db)).toEqual(['4 create people', '5 create encounters', '6 create follow_ups']);
		expect(await guest.db.people.count()).toBe(0);
		expect(await guest.db.outbox.count()).toBe(0);
		expect(await moveGuestData(guest.db, user.db)).toBe(0);
	});

	it('keeps a draft another tab saved while the move ran, and the next move brings it', async () => {
		const { moveGuestData } = await import('$lib/adapters/local/guest-data');
		const guest = open();
		const user = open();
		const draft = makeDraft('MECARD:N:Okafor,Adaeze;EMAIL:a@lumen.example;;', { note: 'Solar' });
		await guest.capture.saveDraft(draft);
		// Between the move's read and its clearing, the other tab's autosave writes more of the note.
		const typed = { ...draft, note: 'Solar mini-grids for clinics', updatedAt: draft.updatedAt + 1 };
		expect(
			await moveGuestData(guest.db, user.db, {
				beforeClear: async () => {
					await guest.capture.saveDraft(typed);
				}
			})
		).toBe(1);
		expect((await guest.db.drafts.get(draft.id))?.note).toBe('Solar mini-grids for clinics');
		// That tab reloads into the user's data, moving what is left: the later note wins.
		expect(await moveGuestData(guest.db, user.db)).toBe(1);
		expect((await user.db.drafts.get(draft.id))?.note).toBe('Solar mini-grids for clinics');
		expect(await guest.db.drafts.count()).toBe(0);
	});

	it('moves once when two tabs sign in at once: each change is waiting to be pushed once', async () => {
		const { moveGuestData } = await import('$lib/adapters/local/guest-data');
		const guest = open();
		const user = open();
		await guest.capture.commit(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'), now, sequentialIds());
		// A lock manager like navigator.locks: one task at a time per name, in order.
		let held = Promise.resolve<unknown>(undefined);
		const locks = {
			request<T>(_name: string, task: () => Promise<T>): Promise<T> {
				const run = held.then(task);
				held = run.catch(() => undefined);
				return run;
			}
		};
		const [first, second] = await Promise.all([
			moveGuestData(guest.db, user.db, { locks }),
			moveGuestData(guest.db, user.db, { locks })
		]);
		expect([first, second]).toEqual([3, 0]);
		expect(await ops(user.db)).toEqual(['1 create people', '2 create encounters', '3 create follow_ups']);
	});
});
