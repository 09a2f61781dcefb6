import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '$lib/adapters/local/backup';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { EventStore } from '$lib/adapters/local/event-store';
import { PeopleStore } from '$lib/adapters/local/people-store';
import { SettingsStore } from '$lib/adapters/local/settings-store';
import { peopleVCards } from '$lib/domain/people/exports';
import { readVcfFile } from '$lib/domain/people/vcf-read';
import { BOUNDS_SCHEMA, characters } from '$lib/domain/sync/record-fit';
import * as v from 'valibot';
import { makeCard, makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');
let counter = 0;
const opened: LocalDb[] = [];
function open() {
	const db = new LocalDb(`backup-test-${++counter}`);
	opened.push(db);
	return db;
}
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await db.delete();
	}
});

/** A device with a card, an event, two people (one with a promise) and an unfinished note. */
async function filled(): Promise<LocalDb> {
	const db = open();
	await new SettingsStore(db).saveCard(makeCard());
	await new EventStore(db).create({
		id: 'e5c0a7d2-0000-4000-8000-000000000001',
		name: 'Lagos Energy Week',
		startDate: '2026-11-18',
		endDate: '2026-11-20',
		timeZone: 'Africa/Lagos',
		clockFromEnd: true,
		createdAt: now
	} as never);
	const capture = new CaptureStore(db);
	await capture.commit(
		makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;', { promises: ['Send the deck'] }),
		now,
		sequentialIds()
	);
	await capture.commit(
		makeDraft('BEGIN:VCARD\nVERSION:3.0\nFN:Ẓofia Ωmega, "Zo"\nEMAIL:z@example.org\nEND:VCARD', {
			note: 'Talked about "quotes", commas, and\nnew lines — and 中文 names'
		}),
		now,
		sequentialIds()
	);
	await capture.saveDraft(makeDraft('MECARD:N:Okafor,Adaeze;;', { note: 'half-written' }));
	return db;
}

const withoutTime = <T extends { exportedAt: string }>(backup: T) => ({ ...backup, exportedAt: '' });

describe('backup and restore', () => {
	it('a restored backup gives identical data, and its records wait to be synced', async () => {
		const source = await filled();
		const backup = await exportBackup(source, now);
		expect(backup.people).toHaveLength(2);
		expect(backup.drafts).toHaveLength(1);

		const target = open();
		expect(await restoreBackup(target, JSON.stringify(backup))).toEqual({
			ok: true,
			records: 10,
			cut: [],
			leftOut: []
		});
		expect(withoutTime(await exportBackup(target, now + 1))).toEqual(withoutTime(backup));
		expect(await target.outbox.count()).toBe(8);
		// Restoring the same backup again changes nothing and sends nothing.
		await restoreBackup(target, JSON.stringify(backup));
		expect(await target.outbox.count()).toBe(8);
	});

	it('refuses a file that is not a backup, with a reason, and changes nothing', async () => {
		const db = await filled();
		const before = await exportBackup(db, now);
		const outbox = await db.outbox.count();
		const good = JSON.stringify(before);
		for (const text of [
			'not json',
			'{"format":"something-else"}',
			good.replace('"version":1', '"version":99'),
			good.replace('"people":[', '"people":[{"id":"x","__proto__":{"polluted":true}},')
		]) {
			const result = await restoreBackup(db, text);
			expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not a backup/) });
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(withoutTime(await exportBackup(db, now))).toEqual(withoutTime(before));
		expect(await db.outbox.count()).toBe(outbox);
	});

	it('leaves out each record holding a date the server would refuse, with what belongs to it, and says which', async () => {
		const db = await filled();
		const backup = await exportBackup(db, now);
		const cases = [
			{
				...backup,
				encounters: backup.encounters.map((e, i) => (i === 1 ? { ...e, metAt: Date.parse('1066-10-14T09:00:00Z') } : e))
			},
			{
				...backup,
				followUps: backup.followUps.map((f) => ({ ...f, snoozedUntil: Date.parse('9999-01-01T00:00:00Z') }))
			},
			{ ...backup, events: backup.events.map((e) => ({ ...e, endDate: '2026-02-30' })) },
			{ ...backup, events: backup.events.map((e) => ({ ...e, endDate: '2026-11-17' })) },
			{ ...backup, drafts: backup.drafts.map((d) => ({ ...d, metAt: -1e15 })) }
		];
		const results = [];
		for (const tampered of cases) {
			const target = open();
			const result = await restoreBackup(target, JSON.stringify(tampered));
			if (!result.ok) throw new Error(result.message);
			results.push({
				records: result.records,
				leftOut: result.leftOut.map(
					(n) => `${n.part}.${n.position}.${n.fields.join()}${n.dependent ? ' (with it)' : ''}`
				),
				people: await target.people.count()
			});
		}
		expect(results).toEqual([
			// The second conversation, and its follow-up with it.
			{ records: 8, leftOut: ['encounters.2.metAt', 'followUps.2.encounterId (with it)'], people: 2 },
			// Both follow-ups, and the promise of the first with it.
			{
				records: 7,
				leftOut: ['followUps.1.snoozedUntil', 'followUps.2.snoozedUntil', 'promises.1.followUpId (with it)'],
				people: 2
			},
			{ records: 9, leftOut: ['events.1.endDate'], people: 2 },
			// An event that ends before it starts.
			{ records: 9, leftOut: ['events.1.endDate'], people: 2 },
			{ records: 9, leftOut: ['drafts.1.metAt'], people: 2 }
		]);
	});

	it('keeps only the fields it knows from a backup', async () => {
		const db = await filled();
		const backup = await exportBackup(db, now);
		const tampered = { ...backup, people: backup.people.map((p) => ({ ...p, isAdmin: true })) };
		const target = open();
		expect(await restoreBackup(target, JSON.stringify(tampered))).toMatchObject({ ok: true });
		expect(Object.keys((await target.people.toArray())[0]!)).not.toContain('isAdmin');
	});
	it('a backup holding text Postgres cannot store is restored cleaned, so it syncs', async () => {
		const backup = await exportBackup(await filled(), now);
		const [encounter] = backup.encounters;
		const [person] = backup.people;
		encounter!.note = 'Solar\u0000 pilots \uD83D';
		person!.name = '\uDE00Mamadou Diallo';
		const target = open();
		expect(await restoreBackup(target, JSON.stringify(backup))).toMatchObject({ ok: true });
		expect((await target.encounters.get(String(encounter!.id)))!.note).toBe('Solar pilots \uFFFD');
		expect((await target.people.get(String(person!.id)))!.name).toBe('\uFFFDMamadou Diallo');
	});

	it('a crafted backup with bare carriage returns, restored and exported, imports again as the same people', async () => {
		const backup = await exportBackup(await filled(), now);
		const injected =
			'\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory\rEND:VCARD\rBEGIN:VCARD\rFN:Eve\rEND:VCARD\rBEGIN:VCARD\rFN:x';
		backup.encounters[0]!.note = `Solar pilots${injected}`;
		backup.people[0]!.org = `Sahel Power\r\nand Grid`;
		backup.people[1]!.name = `Ẓofia Ωmega${injected}`;
		const target = open();
		expect(await restoreBackup(target, JSON.stringify(backup))).toMatchObject({ ok: true });
		// Line breaks come in as one kind: LF in a note, a space in a one-line field.
		const stored = await target.encounters.get(String(backup.encounters[0]!.id));
		expect(stored!.note).toBe(`Solar pilots${injected.replaceAll('\r', '\n')}`);
		expect((await target.people.get(String(backup.people[0]!.id)))!.org).toBe('Sahel Power and Grid');
		expect((await target.people.get(String(backup.people[1]!.id)))!.name).not.toMatch(/[\r\n]/);

		const vcf = peopleVCards(await new PeopleStore(target).summaries(), new Map(), 'UTC');
		const read = readVcfFile(vcf);
		expect(read.ok && read.cards).toBe(2);
		expect(read.ok && read.contacts.map((c) => c.fields.name).sort()).toEqual(
			[backup.people[0]!.name, `Ẓofia Ωmega${injected.replaceAll('\r', ' ')}`].map(String).sort()
		);
	});

	it('cuts text longer than the server keeps (a 100 KB name, a 1 MB note), and says which', async () => {
		const backup = await exportBackup(await filled(), now);
		backup.people[0]!.name = `Mamadou ${'D'.repeat(100_000)}`;
		backup.people[1]!.matchKeys = [...(backup.people[1]!.matchKeys as string[]), '', 'x'.repeat(5000)];
		backup.encounters[0]!.note = '😀'.repeat(1_000_000);
		backup.followUps[0]!.message = { subject: 'Deck', body: 'é'.repeat(50_000) };
		const target = open();
		const result = await restoreBackup(target, JSON.stringify(backup));
		if (!result.ok) throw new Error(result.message);
		expect(result.cut.map((n) => `${n.part}.${n.position}.${n.fields.join()}`).sort()).toEqual([
			'encounters.1.note',
			'followUps.1.message',
			'people.1.name',
			'people.2.matchKeys'
		]);
		expect(result.leftOut).toEqual([]);
		const person = (await target.people.get(String(backup.people[0]!.id)))!;
		expect(person.name).toBe(`Mamadou ${'D'.repeat(192)}`);
		const note = (await target.encounters.get(String(backup.encounters[0]!.id)))!.note;
		// As Postgres counts: 20,000 characters (40,000 UTF-16 units of emoji).
		expect(characters(note)).toBe(20_000);
		expect((await target.people.get(String(backup.people[1]!.id)))!.matchKeys).toEqual(
			(backup.people[1]!.matchKeys as string[]).slice(0, -2)
		);
		// Every restored record is within the server's bounds.
		for (const table of ['events', 'people', 'encounters', 'followUps', 'promises'] as const) {
			for (const row of await target[table].toArray())
				expect(v.safeParse(BOUNDS_SCHEMA[table], row).success).toBe(true);
		}
	}, 30_000); // a 1 MB note, or 1,200 records written three times: seconds on a loaded machine

	it('shows its progress, and Cancel while checking or while writing changes nothing', async () => {
		const backup = await exportBackup(await filled(), now);
		const many = Array.from({ length: 1200 }, (_, i) => ({
			...backup.people[0]!,
			id: `0000${i}`.slice(-4).padStart(8, '0') + '-0000-4000-8000-000000000000',
			name: `Person ${i}`,
			matchKeys: [`email:p${i}@example.org`]
		}));
		const big = JSON.stringify({ ...backup, people: [...backup.people, ...many] });

		const seen: string[] = [];
		const target = open();
		const done = await restoreBackup(target, big, { onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
		expect(done).toMatchObject({ ok: true, records: 1210 });
		// Checked and written 500 at a time (each table's rest in one go), the screen drawn between.
		expect(seen).toEqual([
			'checking 500/1209',
			'checking 1000/1209',
			'writing 1/1209',
			'writing 501/1209',
			'writing 1001/1209',
			'writing 1203/1209',
			'writing 1205/1209',
			'writing 1207/1209',
			'writing 1208/1209',
			'writing 1209/1209'
		]);

		for (const phase of ['checking', 'writing']) {
			const cancelled = open();
			const controller = new AbortController();
			const result = await restoreBackup(cancelled, big, {
				signal: controller.signal,
				onProgress: (p) => p.phase === phase && controller.abort()
			});
			expect(result).toEqual({ ok: false, cancelled: true, message: 'Restore cancelled. Nothing was changed.' });
			expect(await cancelled.people.count()).toBe(0);
			expect(await cancelled.outbox.count()).toBe(0);
			expect(await cancelled.settings.get('myCard')).toBeUndefined();
		}
	}, 30_000); // a 1 MB note, or 1,200 records written three times: seconds on a loaded machine
});
