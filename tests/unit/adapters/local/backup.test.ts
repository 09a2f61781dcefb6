import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '$lib/adapters/local/backup';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { EventStore } from '$lib/adapters/local/event-store';
import { SettingsStore } from '$lib/adapters/local/settings-store';
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
		expect(await restoreBackup(target, JSON.stringify(backup))).toEqual({ ok: true, records: 10 });
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

	it('refuses a backup holding a date or key the server would refuse, and changes nothing', async () => {
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
			{ ...backup, people: backup.people.map((p) => ({ ...p, matchKeys: [...(p.matchKeys as string[]), ''] })) },
			{ ...backup, drafts: backup.drafts.map((d) => ({ ...d, metAt: -1e15 })) }
		];
		const where = [];
		const target = open();
		for (const tampered of cases) {
			const result = await restoreBackup(target, JSON.stringify(tampered));
			expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/date or key this app does not keep/) });
			where.push(/\(at (\S+)\)/.exec(result.ok ? '' : result.message)?.[1]);
		}
		expect(where).toEqual([
			'encounters.1.metAt',
			'followUps.0.snoozedUntil',
			'events.0.endDate',
			'people.0.matchKeys',
			'drafts.0.metAt'
		]);
		expect(await target.people.count()).toBe(0);
		expect(await target.outbox.count()).toBe(0);
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
});
