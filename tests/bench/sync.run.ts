// npm run bench:sync
// 1,000 captures made offline on a phone (the app's real stores and outbox, in fake-indexeddb),
// then the network comes back: time until the server holds all of them (supabase-js → the stand-in
// → a throwaway Postgres 15), and until a second device of the same user has pulled them all.
// Prints the times and the largest outbox. Goal: ≤ 5 s to converge.
import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { startMigratedCluster } from '../db/postgres-cluster.mjs';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { DexieSyncStore } from '$lib/adapters/local/sync-store';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import { draftFromScan } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { SyncEngine } from '$lib/domain/sync/engine';
import { clientFor, signIn } from '../support/supabase/clients';
import { postgresDatabase } from '../support/supabase/database';
import { startStandIn } from '../support/supabase/stand-in';

const CAPTURES = 1000;
const network = { push: 0 };

it(`${CAPTURES} offline captures converge`, async () => {
	const cluster = await startMigratedCluster();
	const database = await postgresDatabase((role) => cluster.urlFor(role));
	const standIn = await startStandIn({ database });
	const devices: LocalDb[] = [];
	try {
		const device = async (name: string) => {
			const client = clientFor(standIn);
			await signIn(client, standIn, 'bench@sync.example');
			const db = new LocalDb(`bench-sync-${name}`);
			devices.push(db);
			const store = new DexieSyncStore(db);
			const gateway = new SupabaseGateway(client as never);
			const push = gateway.push.bind(gateway);
			gateway.push = async (...args) => {
				const t = performance.now();
				try {
					return await push(...args);
				} finally {
					network.push += performance.now() - t;
				}
			};
			return { db, store, engine: new SyncEngine(store, gateway) };
		};
		const phone = await device('phone');
		const capture = new CaptureStore(phone.db);
		const start = Date.now();
		for (let i = 0; i < CAPTURES; i++) {
			const payload = `MECARD:N:Person,Number ${i};EMAIL:p${i}@people.example;ORG:Org ${i % 40};;`;
			const draft = {
				...draftFromScan(parseBadgePayload(payload), { id: crypto.randomUUID(), now: start + i, eventId: null }),
				note: `Talked about battery recycling with person ${i}`,
				promises: i % 3 === 0 ? ['Send the deck'] : []
			};
			const result = await capture.commit(draft, start + i, () => crypto.randomUUID());
			if (!result.ok) throw new Error(result.message);
		}
		const largestOutbox = await phone.store.pendingCount();

		const pushStart = performance.now();
		await phone.engine.sync();
		const pushed = performance.now() - pushStart;
		const rows = await database.transaction((query) =>
			query('select count(*)::int as count from app_private.encounters')
		);
		const onServer = Number(rows[0]?.count);
		if ((await phone.store.pendingCount()) !== 0 || onServer !== CAPTURES) {
			throw new Error(
				`Not converged: ${await phone.store.pendingCount()} waiting, ${onServer} encounters on the server`
			);
		}

		const laptop = await device('laptop');
		const pullStart = performance.now();
		await laptop.engine.sync();
		const pulled = performance.now() - pullStart;
		const onLaptop = await laptop.db.encounters.count();
		if (onLaptop !== CAPTURES) throw new Error(`The laptop has ${onLaptop} of ${CAPTURES} encounters`);

		console.log(
			`bench:sync: ${CAPTURES} offline captures (largest outbox ${largestOutbox} changes) on the server in ${(pushed / 1000).toFixed(2)} s (goal ≤ 5 s; ${(network.push / 1000).toFixed(2)} s of it waiting for sync_push); a second device pulled them in ${(pulled / 1000).toFixed(2)} s`
		);
	} finally {
		for (const db of devices) {
			db.close();
			await db.delete();
		}
		await standIn.close();
		await database.close();
		cluster.stop();
	}
}, 300_000);
