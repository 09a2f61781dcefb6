import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseRegistry } from '$lib/adapters/local/accounts';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { eraseLocalData } from '$lib/adapters/local/erase';
import { SettingsStore } from '$lib/adapters/local/settings-store';
import { eraseAllData } from '$lib/domain/sync/erase';
import { RemoteError } from '$lib/domain/sync/ports';
import { memoryStorage } from '../../../support/supabase/clients';
import { makeCard, makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');
let counter = 0;
const opened: LocalDb[] = [];

afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

/**
 * A device where Ada signed in (claiming what was captured signed out) and Bob signed in after her:
 * each with a contact, a card, a half-typed card and an unfinished capture. Ada is signed in now.
 */
async function sharedDevice() {
	const run = ++counter;
	const registry = new DatabaseRegistry(memoryStorage(), () => `t${run}-${++counter}`);
	const names = { bob: registry.signIn(`bob-${run}`) };
	registry.signOut();
	const ada = registry.signIn(`ada-${run}`);
	const fill = async (name: string, person: string) => {
		const db = new LocalDb(name);
		opened.push(db);
		const result = await new CaptureStore(db).commit(
			makeDraft(`MECARD:N:${person};EMAIL:x@y.example;;`),
			now,
			sequentialIds()
		);
		expect(result).toMatchObject({ ok: true });
		const settings = new SettingsStore(db);
		await settings.saveCard(makeCard());
		await settings.saveCardDraft(makeCard({ title: 'Half-typed' }));
		await new CaptureStore(db).saveDraft(makeDraft('MECARD:N:Unfinished;;', { note: 'Still typing' }));
		return db;
	};
	return {
		registry,
		userId: `ada-${run}`,
		ada: await fill(ada, 'Diallo,Mamadou'),
		bob: await fill(names.bob, 'Okafor,Chidi')
	};
}

const contents = async (db: LocalDb) => ({
	people: await db.people.count(),
	encounters: await db.encounters.count(),
	followUps: await db.followUps.count(),
	outbox: await db.outbox.count(),
	drafts: await db.drafts.count(),
	settings: (await db.settings.toArray()).map((row) => row.key).sort()
});

describe('eraseLocalData: this device, for the person using it', () => {
	it("deletes the open database, card, settings and drafts included, and forgets it; others' stay", async () => {
		const { registry, userId, ada, bob } = await sharedDevice();
		expect(await contents(ada)).toMatchObject({ people: 1, drafts: 1, settings: ['cardDraft', 'myCard'] });
		const bobBefore = await contents(bob);
		const adaName = ada.name;

		await eraseLocalData(ada, registry, userId);

		expect(await Dexie.exists(adaName)).toBe(false);
		// A late query (a live query still subscribed) does not bring the database back.
		await expect(ada.people.count()).rejects.toThrow();
		expect(await Dexie.exists(adaName)).toBe(false);
		expect(registry.userDatabase(userId)).toBeNull();
		expect(registry.active()).toBe(registry.guest());
		expect(registry.active()).not.toBe(adaName);
		expect(await contents(bob)).toEqual(bobBefore);
		// Her next sign-in starts like a first one, from the (empty) guest database.
		expect(registry.signIn(userId)).not.toBe(adaName);
	});

	it('signed out: deletes the guest database and leaves the registry as it was', async () => {
		const registry = new DatabaseRegistry(memoryStorage());
		const db = new LocalDb(`guest-${++counter}`);
		opened.push(db);
		await new SettingsStore(db).saveCard(makeCard());
		const before = { active: registry.active(), guest: registry.guest() };

		await eraseLocalData(db, registry, null);

		expect(await Dexie.exists(db.name)).toBe(false);
		expect({ active: registry.active(), guest: registry.guest() }).toEqual(before);
	});
});

describe('another tab with the erased database open', () => {
	it('closes it for good: its autosave cannot bring the database (or an erased note) back', async () => {
		const { registry, userId, ada } = await sharedDevice();
		// The same database open in a second tab: a connection of its own.
		const otherTab = new LocalDb(ada.name);
		opened.push(otherTab);
		expect(await otherTab.people.count()).toBe(1);

		await eraseLocalData(ada, registry, userId);

		// Its draft autosave fires after the erasure.
		await expect(
			new CaptureStore(otherTab).saveDraft(makeDraft('MECARD:N:Erased;;', { note: 'An erased note' }))
		).rejects.toThrow();
		expect(await Dexie.exists(ada.name)).toBe(false);
	});
});

describe('"Delete all my data" with this device\'s real database', () => {
	it('when the server cannot be reached, nothing on this device is deleted', async () => {
		const { registry, userId, ada } = await sharedDevice();
		const before = await contents(ada);
		const activeBefore = registry.active();
		let calls = 0;

		const outcome = await eraseAllData({
			server: {
				deleteMyData: async () => {
					calls++;
					throw new RemoteError('offline', 'Failed to fetch');
				},
				refreshSession: async () => true
			},
			eraseLocal: () => eraseLocalData(ada, registry, userId)
		});

		expect(outcome).toMatchObject({ ok: false, failed: 'server', kind: 'offline' });
		expect(calls).toBe(1);
		expect(await Dexie.exists(ada.name)).toBe(true);
		expect(await contents(ada)).toEqual(before);
		expect(registry.active()).toBe(activeBefore);
		expect(registry.userDatabase(userId)).toBe(ada.name);
	});

	it('once the server has deleted its copy, this device deletes its own', async () => {
		const { registry, userId, ada } = await sharedDevice();

		const outcome = await eraseAllData({
			server: { deleteMyData: async () => 7, refreshSession: async () => true },
			eraseLocal: () => eraseLocalData(ada, registry, userId)
		});

		expect(outcome).toEqual({ ok: true, serverRows: 7 });
		expect(await Dexie.exists(ada.name)).toBe(false);
		expect(registry.userDatabase(userId)).toBeNull();
	});
});
