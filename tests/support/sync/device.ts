// TEST TOOL: one app install (phone or laptop) of one user, with the app's real stores, outbox and
// sync engine, talking to the stand-in through supabase-js over a faulty network.
import 'fake-indexeddb/auto';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { PeopleStore } from '$lib/adapters/local/people-store';
import { DexieSyncStore } from '$lib/adapters/local/sync-store';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import { SyncEngine } from '$lib/domain/sync/engine';
import { clientFor, signIn } from '../supabase/clients';
import type { StandIn } from '../supabase/stand-in';
import { faultyFetch, type FaultSwitch } from './faulty-fetch';
import type { Random } from './random';

let counter = 0;

export interface Device {
	name: string;
	userId: string;
	db: LocalDb;
	capture: CaptureStore;
	followUps: FollowUpStore;
	people: PeopleStore;
	sync: DexieSyncStore;
	/** The device's calls to the server (sync and "Delete all my data"). */
	gateway: SupabaseGateway;
	engine: SyncEngine;
	/** The device's clock: off by up to two days, which must not matter. */
	now(): number;
	close(): Promise<void>;
}

export async function createDevice(
	standIn: StandIn,
	email: string,
	name: string,
	random: Random,
	faults: FaultSwitch
): Promise<Device> {
	const skew = Math.round((random.next() * 2 - 1) * 2 * 24 * 3_600_000);
	const client = clientFor(standIn, faultyFetch(random, faults));
	const userId = await signIn(client, standIn, email);
	const db = new LocalDb(`sync-device-${++counter}-${name}`);
	const sync = new DexieSyncStore(db);
	const gateway = new SupabaseGateway(client as never);
	return {
		name,
		userId,
		db,
		capture: new CaptureStore(db),
		followUps: new FollowUpStore(db),
		people: new PeopleStore(db),
		sync,
		gateway,
		engine: new SyncEngine(sync, gateway, { batchSize: 20, pageSize: 50 }),
		now: () => Date.now() + skew,
		close: async () => {
			db.close();
			await db.delete();
			await client.removeAllChannels();
		}
	};
}
