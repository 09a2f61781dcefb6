// TEST TOOL: one app install (phone or laptop) of one user, with the app's real stores, outbox and
// sync engine, talking to the stand-in through supabase-js over a faulty network. A round runs as
// the app runs it (src/lib/state/sync.svelte.ts): nothing is asked of supabase-js while the device
// has no network, and otherwise the session is checked (and refreshed) first.
import 'fake-indexeddb/auto';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { PeopleStore } from '$lib/adapters/local/people-store';
import { DexieSyncStore } from '$lib/adapters/local/sync-store';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import { AUTH_STORAGE_KEY, withLiveSession } from '$lib/adapters/supabase/session';
import { SyncEngine, type SyncReport } from '$lib/domain/sync/engine';
import { eraseAllData, type EraseOutcome } from '$lib/domain/sync/erase';
import { RemoteError } from '$lib/domain/sync/ports';
import { clientFor, memoryStorage, signIn } from '../supabase/clients';
import type { StandIn } from '../supabase/stand-in';
import { faultyFetch, type FaultSwitch } from './faulty-fetch';
import type { Random } from './random';

let counter = 0;

/** What lives in the device's database; replaced by a fresh one when the device erases its data. */
interface Install {
	db: LocalDb;
	capture: CaptureStore;
	followUps: FollowUpStore;
	people: PeopleStore;
	sync: DexieSyncStore;
	engine: SyncEngine;
}

export interface Device extends Install {
	name: string;
	userId: string;
	/** The device's calls to the server (sync and "Delete all my data"). */
	gateway: SupabaseGateway;
	/** No network at all (airplane mode, no signal): every request fails, auth included. */
	offline: boolean;
	/** The device's clock: off by up to two days, which must not matter. */
	now(): number;
	/** One sync round as the app runs one. */
	round(): Promise<SyncReport>;
	/** Makes the stored access token expired, as after an hour away from the app. */
	expireSession(): void;
	/** "Delete all my data" as the app does it: the server's copy first, then a fresh database here. */
	eraseAll(): Promise<EraseOutcome>;
	close(): Promise<void>;
}

function install(name: string): Install {
	const db = new LocalDb(`sync-device-${++counter}-${name}`);
	const sync = new DexieSyncStore(db);
	return {
		db,
		capture: new CaptureStore(db),
		followUps: new FollowUpStore(db),
		people: new PeopleStore(db),
		sync,
		engine: null as unknown as SyncEngine
	};
}

export async function createDevice(
	standIn: StandIn,
	email: string,
	name: string,
	random: Random,
	faults: FaultSwitch
): Promise<Device> {
	const skew = Math.round((random.next() * 2 - 1) * 2 * 24 * 3_600_000);
	const storage = memoryStorage();
	// eslint-disable-next-line prefer-const -- assigned below; the fetch and the round read it later
	let device: Device;
	let calm = true;
	const client = clientFor(
		standIn,
		faultyFetch(
			random,
			faults,
			() => device?.offline ?? false,
			() => calm
		),
		storage
	);
	const userId = await signIn(client, standIn, email);
	// Signing in is done online, and the app syncs at once: the first pull tells a device where
	// erasures stand before anything it captures is pushed. (What a device captures before that
	// first pull — signed out, or in the seconds before it — goes to the account, erasures or not.)
	const signedInRound = async () => {
		calm = true;
		try {
			await device.engine.sync();
		} finally {
			calm = false;
		}
	};
	const gateway = new SupabaseGateway(client as never);
	const withEngine = (parts: Install): Install => ({
		...parts,
		engine: new SyncEngine(parts.sync, gateway, { batchSize: 20, pageSize: 50 })
	});
	// As the app: no network, no call to supabase-js (its refresh failures are cached for 60 s).
	const whileSignedIn = <T>(work: () => Promise<T>): Promise<T> => {
		if (device.offline) return Promise.reject(new RemoteError('offline', 'No network.'));
		return withLiveSession(client.auth as never, userId, work);
	};
	device = {
		name,
		userId,
		gateway,
		offline: false,
		...withEngine(install(name)),
		now: () => Date.now() + skew,
		round: () => whileSignedIn(() => device.engine.sync()),
		expireSession() {
			const stored = JSON.parse(storage.getItem(AUTH_STORAGE_KEY) ?? 'null') as { expires_at: number } | null;
			if (!stored) throw new Error(`${name} has no stored session`);
			stored.expires_at = Math.floor(Date.now() / 1000) - 60;
			storage.setItem(AUTH_STORAGE_KEY, JSON.stringify(stored));
		},
		eraseAll: () =>
			eraseAllData({
				server: {
					deleteMyData: () => whileSignedIn(() => gateway.deleteMyData()),
					refreshSession: () => whileSignedIn(() => gateway.refreshSession())
				},
				eraseLocal: async () => {
					device.db.close();
					await device.db.delete();
					Object.assign(device, withEngine(install(`${name}-after-erasing`)));
					// The app then starts afresh, signed out; the person signs in again.
					await signedInRound();
				}
			}),
		close: async () => {
			device.db.close();
			await device.db.delete();
			await client.removeAllChannels();
		}
	};
	await signedInRound();
	return device;
}
