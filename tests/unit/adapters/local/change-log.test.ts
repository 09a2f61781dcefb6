import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLogTables, logChange, logChanges, type Change } from '$lib/adapters/local/change-log';
import { LocalDb } from '$lib/adapters/local/db';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { badgeFixture } from '../../../support/fixtures';
import { makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');
let counter = 0;
const opened: LocalDb[] = [];

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

/** A device that already synced a person once (it has their row version) and has 6 entries queued. */
async function device(): Promise<LocalDb> {
	const db = new LocalDb(`change-log-test-${++counter}`);
	opened.push(db);
	await db.rowSeq.put({ table: 'people', id: 'p1', seq: 41 });
	await db.syncMeta.put({ key: 'nextMid', value: 7 });
	return db;
}

/** The rows a saved contact writes: the person, the encounter, the follow-up and two promises. */
async function savedContact() {
	const db = await device();
	const draft = makeDraft(badgeFixture('vcard30-basic').payload, { promises: ['Send the dataset', 'Intro to Kenji'] });
	await new CaptureStore(db).commit(draft, now, sequentialIds('row'));
	const [[person], [encounter], [followUp], promises] = await Promise.all([
		db.people.toArray(),
		db.encounters.toArray(),
		db.followUps.toArray(),
		db.promises.toArray()
	]);
	// The person as this device last synced them: the one the outbox row versions know.
	return { person: { ...person!, id: 'p1' }, encounter: encounter!, followUp: followUp!, promises };
}

async function logged(log: (db: LocalDb) => Promise<void>) {
	const db = await device();
	await db.transaction('rw', changeLogTables(db), () => log(db));
	return { outbox: await db.outbox.toArray(), nextMid: (await db.syncMeta.get('nextMid'))?.value };
}

describe('logChanges', () => {
	it('writes the outbox exactly as one logChange per change, in order', async () => {
		const { person, encounter, followUp, promises } = await savedContact();
		const before = { ...person, org: 'Old Co' };
		const changes: Change[] = [
			{ table: 'people', before, after: person, options: { revive: true } },
			{ table: 'encounters', before: null, after: encounter },
			{ table: 'followUps', before: null, after: followUp },
			...promises.map((after) => ({ table: 'promises' as const, before: null, after }))
		];
		const batched = await logged((db) => logChanges(db, changes));
		const oneByOne = await logged(async (db) => {
			for (const c of changes) await logChange(db, c.table, c.before, c.after, c.options);
		});
		expect(batched).toEqual(oneByOne);
		expect(batched.outbox.map((e) => [e.mid, e.table, e.op])).toEqual([
			[7, 'people', 'create'],
			[8, 'encounters', 'create'],
			[9, 'follow_ups', 'create'],
			[10, 'promises', 'create'],
			[11, 'promises', 'create']
		]);
		expect(batched.outbox[0]!.baseSeq).toBe(41);
		expect(batched.nextMid).toBe(12);
	});

	it('logs an edit and a deletion as logChange does', async () => {
		const { person, encounter } = await savedContact();
		const edited = { ...person, org: 'New Co' };
		const changes: Change[] = [
			{ table: 'people', before: person, after: edited },
			{ table: 'encounters', before: encounter, after: null }
		];
		const batched = await logged((db) => logChanges(db, changes));
		const oneByOne = await logged(async (db) => {
			for (const c of changes) await logChange(db, c.table, c.before, c.after, c.options);
		});
		expect(batched).toEqual(oneByOne);
		expect(batched.outbox.map((e) => e.op)).toEqual(['upsert', 'delete']);
	});
});

describe('saving a contact logs its changes with the versions read ahead', () => {
	const draft = () =>
		makeDraft(badgeFixture('vcard30-basic').payload, { promises: ['Send the dataset'], note: 'Grid storage' });

	/** Saves the draft on a device that pulled `person` at version 41, and returns the outbox. */
	async function saveOver(person: { id: string; matchKeys: string[] } | null) {
		const db = new LocalDb(`change-log-test-${++counter}`);
		opened.push(db);
		await db.syncMeta.put({ key: 'nextMid', value: 7 });
		if (person) {
			await db.people.put({
				name: 'Adaeze Okafor',
				org: '',
				title: '',
				email: 'adaeze@lumenlabs.example',
				phone: '',
				linkedin: '',
				url: '',
				badgeId: '',
				createdAt: now - 1000,
				updatedAt: now - 1000,
				...person
			});
			await db.rowSeq.put({ table: 'people', id: person.id, seq: 41 });
		}
		const result = await new CaptureStore(db).commit(draft(), now, sequentialIds('fresh'));
		expect(result.ok).toBe(true);
		return { outbox: await db.outbox.toArray(), nextMid: (await db.syncMeta.get('nextMid'))?.value };
	}

	it('a person known under the id their email gives: the version read in the first round', async () => {
		const { outbox: none } = await saveOver(null);
		const id = none[0]!.id;
		const { outbox, nextMid } = await saveOver({ id, matchKeys: ['email:adaeze@lumenlabs.example'] });
		expect(outbox.map((e) => [e.mid, e.table, e.baseSeq])).toEqual([
			[7, 'people', 41],
			[8, 'encounters', null],
			[9, 'follow_ups', null],
			[10, 'promises', null]
		]);
		expect(outbox[0]!.id).toBe(id);
		expect(nextMid).toBe(11);
	});

	it('a person known under another id (first met by phone): their version is still read', async () => {
		const { outbox } = await saveOver({ id: 'p-by-phone', matchKeys: ['phone:+2348035550142'] });
		expect(outbox[0]).toMatchObject({ mid: 7, table: 'people', id: 'p-by-phone', baseSeq: 41 });
	});

	it('a new person: no version, mids from the counter', async () => {
		const { outbox, nextMid } = await saveOver(null);
		expect(outbox.map((e) => [e.mid, e.baseSeq])).toEqual([
			[7, null],
			[8, null],
			[9, null],
			[10, null]
		]);
		expect(nextMid).toBe(11);
	});
});
