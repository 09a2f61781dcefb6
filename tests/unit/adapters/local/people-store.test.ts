import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalDb } from '$lib/adapters/local/db';
import { PeopleStore } from '$lib/adapters/local/people-store';
import type { Encounter, Person } from '$lib/domain/capture/records';
import { emptyFields } from '$lib/domain/contact/types';

const T = Date.parse('2026-11-19T14:30:00Z');
const MINUTE = 60_000;
let counter = 0;
let db: LocalDb;

function openStore(): PeopleStore {
	db = new LocalDb(`people-store-test-${++counter}`);
	return new PeopleStore(db);
}

afterEach(async () => {
	vi.restoreAllMocks();
	db.close();
	await db.delete();
});

const person = (id: string, name = id): Person => ({
	...emptyFields(),
	id,
	name,
	matchKeys: [],
	createdAt: T,
	updatedAt: T
});
const met = (personId: string, metAt: number, id = `${personId}-${metAt}`): Encounter => ({
	id,
	personId,
	eventId: null,
	metAt,
	note: `Talked with ${personId}`,
	helpOffer: '',
	raw: '',
	kind: 'typed',
	createdAt: metAt
});

const ids = (rows: { person: Person }[]) => rows.map((r) => r.person.id);

describe('PeopleStore.firstPage', () => {
	it('is the start of the whole list: several encounters each, ties, contacts not met yet', async () => {
		const store = openStore();
		const people = Array.from({ length: 30 }, (_, i) => person(`p${String(i).padStart(2, '0')}`, `Person ${i % 7}`));
		const encounters: Encounter[] = [];
		people.slice(0, 24).forEach((p, i) => {
			// Everyone met once; every third person again, later; pairs met at the same minute.
			encounters.push(met(p.id, T + Math.floor(i / 2) * MINUTE));
			if (i % 3 === 0) encounters.push(met(p.id, T + (40 + i) * MINUTE));
		});
		await db.people.bulkAdd(people);
		await db.encounters.bulkAdd(encounters);

		const everyone = await store.summaries();
		for (const limit of [1, 5, 8, 12, 24, 25, 40]) {
			const page = await store.firstPage(limit);
			expect(page.total).toBe(30);
			expect(ids(page.rows), `limit ${limit}`).toEqual(ids(everyone.slice(0, limit)));
			expect(page.rows).toEqual(everyone.slice(0, limit));
		}
	});

	it('leaves out encounters whose person is gone and rows it cannot read', async () => {
		const store = openStore();
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		await db.people.bulkAdd([person('a'), person('b'), person('c')]);
		await db.encounters.bulkAdd([
			met('gone', T + 5 * MINUTE),
			met('a', T + 4 * MINUTE),
			met('b', T + 3 * MINUTE),
			met('c', T + 2 * MINUTE)
		]);
		await db.people.put({ id: 'b', name: 42 } as unknown as Person);
		const page = await store.firstPage(2);
		expect(ids(page.rows)).toEqual(['a', 'c']);
		expect(ids(page.rows)).toEqual(ids((await store.summaries()).slice(0, 2)));
	});

	it('is empty on a new device', async () => {
		expect(await openStore().firstPage(50)).toEqual({ rows: [], total: 0 });
	});

	it('stays current, like the whole list, when someone is met', async () => {
		const store = openStore();
		await db.people.bulkAdd([person('a'), person('b')]);
		await db.encounters.bulkAdd([met('a', T), met('b', T + MINUTE)]);
		const seen: string[][] = [];
		const everyone: string[][] = [];
		const pages = liveQuery(() => store.firstPage(1)).subscribe((page) => seen.push(ids(page.rows)));
		const all = liveQuery(() => store.summaries()).subscribe((rows) => everyone.push(ids(rows)));
		await vi.waitFor(() => expect(seen.at(-1)).toEqual(['b']));
		await vi.waitFor(() => expect(everyone.at(-1)).toEqual(['b', 'a']));
		await db.encounters.add(met('a', T + 2 * MINUTE));
		await vi.waitFor(() => expect(seen.at(-1)).toEqual(['a']));
		await vi.waitFor(() => expect(everyone.at(-1)).toEqual(['a', 'b']));
		pages.unsubscribe();
		all.unsubscribe();
	});
});

describe('PeopleStore.edit', () => {
	it('adds an email and phone to someone saved with a name only: new match keys, found by them, sent to sync', async () => {
		const store = openStore();
		await db.people.add(person('p-lena', 'Lena Fischer'));
		await store.edit('p-lena', { email: 'lena@robotics.example', phone: '+4915155501234' }, T + MINUTE);

		const found = await db.people.where('matchKeys').equals('email:lena@robotics.example').toArray();
		expect(found.map((p) => p.id)).toEqual(['p-lena']);
		expect(await db.people.get('p-lena')).toMatchObject({
			email: 'lena@robotics.example',
			phone: '+4915155501234',
			matchKeys: ['email:lena@robotics.example', 'phone:+4915155501234'],
			updatedAt: T + MINUTE
		});
		const sent = await db.outbox.orderBy('mid').last();
		expect(sent).toMatchObject({
			op: 'upsert',
			table: 'people',
			id: 'p-lena',
			fields: {
				email: 'lena@robotics.example',
				phone: '+4915155501234',
				match_keys: ['email:lena@robotics.example', 'phone:+4915155501234']
			}
		});
	});

	it('keeps the keys the person already had (keys only ever grow)', async () => {
		const store = openStore();
		await db.people.add({ ...person('p-lena', 'Lena Fischer'), matchKeys: ['badge:WS-1'] });
		await store.edit('p-lena', { email: 'lena@robotics.example' }, T + MINUTE);
		expect((await db.people.get('p-lena'))?.matchKeys).toEqual(['badge:WS-1', 'email:lena@robotics.example']);
	});
});
