import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DB } from '$lib/adapters/local/accounts';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { stopReminders } from '$lib/adapters/notifications/permission';
import { keepReminderDatabase, readReminderDatabase } from '$lib/adapters/notifications/reminder-target';
import { REMINDER_TAG, showDueReminders } from '$lib/adapters/notifications/reminders';
import { makeDraft, sequentialIds } from '../../../support/factories';

const HOUR = 3_600_000;
const metAt = Date.parse('2026-11-20T10:00:00Z');
// Two hours before the first follow-up (made 48 hours after meeting) is due.
const now = metAt + 46 * HOUR;

/** The worker's registration, recording what it shows and closes. */
function fakeRegistration() {
	const shown: { title: string; closed: boolean }[] = [];
	const tags = new Set([REMINDER_TAG]);
	const registration = {
		showNotification: async (title: string) => void shown.push({ title, closed: false }),
		getNotifications: async () => shown.filter((n) => !n.closed).map((n) => ({ close: () => (n.closed = true) })),
		periodicSync: {
			getTags: async () => [...tags],
			unregister: async (tag: string) => void tags.delete(tag)
		}
	};
	return { registration: registration as unknown as ServiceWorkerRegistration, shown, tags };
}

async function withContact(name: string, person: string): Promise<void> {
	const db = new LocalDb(name);
	const result = await new CaptureStore(db).commit(makeDraft(`MECARD:N:${person};;`), metAt, sequentialIds());
	expect(result).toMatchObject({ ok: true });
	db.close();
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

beforeEach(async () => {
	for (const name of await databaseNames()) if (name) await Dexie.delete(name);
});
afterEach(async () => {
	for (const name of await databaseNames()) if (name) await Dexie.delete(name);
});

describe("the service worker's reminders read the database the app has open", () => {
	it("a second account's reminders name its contacts, not the first account's (the default database)", async () => {
		// Ada signed in first and claimed the default database; Bob's is one of its own.
		await withContact(DEFAULT_DB, 'Ada contact,Grace');
		await withContact(`${DEFAULT_DB}-guest-bob`, 'Bob contact,Chidi');
		await keepReminderDatabase(`${DEFAULT_DB}-guest-bob`);
		const { registration, shown } = fakeRegistration();

		expect(await showDueReminders(registration, now)).toBe(1);
		expect(shown.map((n) => n.title)).toEqual(['Follow up with Chidi Bob contact']);
	});

	it('after sign-out or "Delete all my data" shows nothing and creates no database', async () => {
		await keepReminderDatabase(null);
		const { registration, shown } = fakeRegistration();

		expect(await showDueReminders(registration, now)).toBe(0);
		expect(shown).toEqual([]);
		expect(await databaseNames()).not.toContain(DEFAULT_DB);
	});

	it('a database erased after it was named is not opened again (nor re-created)', async () => {
		await keepReminderDatabase(`${DEFAULT_DB}-gone`);
		const { registration } = fakeRegistration();

		expect(await showDueReminders(registration, now)).toBe(0);
		expect(await databaseNames()).not.toContain(`${DEFAULT_DB}-gone`);
	});

	it('a copy of the app that never named one (before this was kept) reads the default database, as before', async () => {
		await withContact(DEFAULT_DB, 'Mensah,Kofi');
		const { registration, shown } = fakeRegistration();

		expect(await showDueReminders(registration, now)).toBe(1);
		expect(shown.map((n) => n.title)).toEqual(['Follow up with Kofi Mensah']);
	});
});

describe('stopReminders (sign-out, "Delete all my data")', () => {
	it('closes the reminders on screen, stops the background checks and names no database', async () => {
		await withContact(DEFAULT_DB, 'Mensah,Kofi');
		await keepReminderDatabase(DEFAULT_DB);
		const { registration, shown, tags } = fakeRegistration();
		await showDueReminders(registration, now);
		expect(shown).toHaveLength(1);

		await stopReminders(registration);

		expect(shown.every((n) => n.closed)).toBe(true);
		expect([...tags]).toEqual([]);
		expect(await readReminderDatabase()).toBeNull();
		// The browser waking the worker anyway finds nothing to say.
		expect(await showDueReminders(registration, now)).toBe(0);
	});
});
