import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { PeopleStore } from '$lib/adapters/local/people-store';
import type { Person } from '$lib/domain/capture/records';
import { personIdFor } from '$lib/domain/contact/match';
import { peopleVCards } from '$lib/domain/people/exports';
import { readVcfFile, type VcfContacts } from '$lib/domain/people/vcf-read';
import { BOUNDS_SCHEMA } from '$lib/domain/sync/record-fit';
import * as v from 'valibot';
import { badgeFixture } from '../../../support/fixtures';
import { makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');
let counter = 0;
const opened: LocalDb[] = [];
function open() {
	const db = new LocalDb(`contact-import-test-${++counter}`);
	opened.push(db);
	return db;
}
afterEach(async () => {
	vi.restoreAllMocks();
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

const SHOWN = ['name', 'org', 'title', 'email', 'phone', 'linkedin', 'url'] as const;
const shown = (people: Person[]) =>
	people.map((p) => Object.fromEntries(SHOWN.map((f) => [f, p[f]]))).sort((a, b) => (a.name! < b.name! ? -1 : 1));

function contacts(text: string): VcfContacts {
	const read = readVcfFile(text);
	if (!read.ok) throw new Error(read.message);
	return read;
}

/** A device where people were met and scanned: several scripts, a LinkedIn profile, a typed name only. */
async function metAtAnEvent(): Promise<LocalDb> {
	const db = open();
	const capture = new CaptureStore(db);
	const scans = [
		makeDraft(badgeFixture('vcard30-basic').payload, { promises: ['Send the deck'] }),
		makeDraft(badgeFixture('vcard40').payload),
		makeDraft(badgeFixture('vcard30-cjk').payload),
		makeDraft(
			'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:José Müller-Ødegård\r\nORG:Grid\\, Storage & Co\r\nTITLE:CTO\\; "boss"\r\nTEL:+4790000000\r\nURL:https://grid.example/a,b?x=1\r\nEND:VCARD\r\n'
		),
		makeDraft('MECARD:N:Doe,Jane;;')
	];
	for (const draft of scans) {
		const result = await capture.commit(draft, now, sequentialIds());
		expect(result.ok).toBe(true);
	}
	return db;
}

describe('importing a contacts file', () => {
	it('export .vcf → import into an empty device gives the same people, with no meetings, waiting to sync', async () => {
		const source = await metAtAnEvent();
		const sourcePeople = await source.people.toArray();
		const vcf = peopleVCards(await new PeopleStore(source).summaries(), new Map(), 'UTC');

		const target = open();
		const store = new PeopleStore(target);
		const plan = await store.importContacts(contacts(vcf), now, sequentialIds());
		expect(plan).toMatchObject({ alreadyHere: 0, update: [], skipped: [], mergedInFile: 0 });
		expect(plan.add).toHaveLength(5);

		const imported = await target.people.toArray();
		expect(shown(imported)).toEqual(shown(sourcePeople));
		// Anyone known by an email, LinkedIn or phone gets the same id on both devices (one row once synced).
		for (const person of sourcePeople.filter((p) => p.matchKeys.length)) {
			expect(imported.find((p) => p.name === person.name)?.id).toBe(person.id);
		}
		expect(await target.encounters.count()).toBe(0);
		expect(await target.followUps.count()).toBe(0);
		expect(await target.promises.count()).toBe(0);

		// Every person is in the outbox, so it syncs.
		const outbox = await target.outbox.toArray();
		expect(outbox.map((e) => [e.table, e.op, e.id]).sort()).toEqual(
			imported.map((p) => ['people', 'create', p.id]).sort()
		);
		const ada = imported.find((p) => p.name === 'Adaeze Okafor')!;
		expect(outbox.find((e) => e.id === ada.id)?.fields).toMatchObject({
			name: 'Adaeze Okafor',
			org: 'Lumen Labs',
			match_keys: ada.matchKeys
		});

		// Shown as people not met yet.
		const summaries = await store.summaries();
		expect(summaries.map((s) => [s.encounters.length, s.lastMetAt])).toEqual(Array(5).fill([0, null]));
		expect(await store.detail(ada.id)).toMatchObject({ encounters: [], followUps: [], promises: [] });
	});

	it('importing the same file again adds and changes nothing, and sends nothing', async () => {
		const source = await metAtAnEvent();
		const vcf = peopleVCards(await new PeopleStore(source).summaries(), new Map(), 'UTC');
		const target = open();
		await new PeopleStore(target).importContacts(contacts(vcf), now, sequentialIds());
		const people = await target.people.toArray();
		const outbox = await target.outbox.count();

		const again = await new PeopleStore(target).importContacts(contacts(vcf), now + 60_000, sequentialIds());
		expect(again).toMatchObject({ add: [], update: [], alreadyHere: 5 });
		expect(await target.people.toArray()).toEqual(people);
		expect(await target.outbox.count()).toBe(outbox);

		// Nor does importing it on the device it came from.
		const sourceOutbox = await source.outbox.count();
		const home = await new PeopleStore(source).importContacts(contacts(vcf), now + 60_000, sequentialIds());
		expect(home).toMatchObject({ add: [], update: [], alreadyHere: 5 });
		expect(await source.outbox.count()).toBe(sourceOutbox);
	});

	it('fills only the empty details of someone already here, and sends just those', async () => {
		const db = open();
		await new CaptureStore(db).commit(
			makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'),
			now,
			sequentialIds()
		);
		const [before] = await db.people.toArray();
		const outbox = await db.outbox.count();

		const vcf =
			'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:M. Diallo\r\nTITLE:Founder\r\nEMAIL:M@Sahel.example\r\nTEL:+221 77 555 01 23\r\nEND:VCARD\r\n';
		const plan = await new PeopleStore(db).importContacts(contacts(vcf), now + 1, sequentialIds());
		expect(plan).toMatchObject({ add: [], alreadyHere: 1 });

		const after = await db.people.get(before!.id);
		expect(after).toMatchObject({ name: 'Mamadou Diallo', title: 'Founder', phone: '+221775550123' });
		expect(after!.matchKeys).toEqual(['email:m@sahel.example', 'phone:+221775550123']);
		const entries = await db.outbox.toArray();
		expect(entries).toHaveLength(outbox + 1);
		expect(entries.at(-1)).toMatchObject({ table: 'people', id: before!.id, op: 'upsert' });
		expect(Object.keys(entries.at(-1)!.fields).sort()).toEqual(['match_keys', 'phone', 'title']);
	});

	it('writes all of a file or none of it', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const db = open();
		// A half-written row sits where the second contact would go: the import must fail as a whole.
		const blocked = personIdFor(['email:b@example.com'], () => '');
		await db.people.put({ id: blocked, broken: true } as unknown as Person);
		const vcf =
			'BEGIN:VCARD\r\nFN:A\r\nEMAIL:a@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nEMAIL:b@example.com\r\nEND:VCARD\r\n';

		await expect(new PeopleStore(db).importContacts(contacts(vcf), now, sequentialIds())).rejects.toThrow();
		expect(await db.people.count()).toBe(1);
		expect(await db.outbox.count()).toBe(0);
	});

	it('Cancel while the people are written changes nothing; every person imported is within the server’s bounds', async () => {
		const file = Array.from(
			{ length: 600 },
			(_, i) =>
				`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i} ${'x'.repeat(i % 3 ? 0 : 500)}\r\nEMAIL:p${i}@example.org\r\nEND:VCARD\r\n`
		).join('');
		const db = open();
		const store = new PeopleStore(db);
		const controller = new AbortController();
		const seen: number[] = [];
		await expect(
			store.importContacts(contacts(file), now, sequentialIds(), {
				signal: controller.signal,
				onProgress: (done) => {
					seen.push(done);
					controller.abort();
				}
			})
		).rejects.toMatchObject({ name: 'AbortError' });
		expect(seen).toEqual([500]);
		expect(await db.people.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);

		const progress: string[] = [];
		const plan = await store.importContacts(contacts(file), now, sequentialIds(), {
			onProgress: (done, total) => progress.push(`${done}/${total}`)
		});
		expect(progress).toEqual(['500/600', '600/600']);
		expect(plan).toMatchObject({ cut: 0, unfit: 0 });
		for (const person of await db.people.toArray())
			expect(v.safeParse(BOUNDS_SCHEMA.people, person).success).toBe(true);
	}, 30_000); // fake-indexeddb writes 1,100 people one by one: seconds on a loaded machine
});
