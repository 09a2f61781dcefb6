import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromScan } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { eraseAllData } from '$lib/domain/sync/erase';
import { RemoteError } from '$lib/domain/sync/ports';
import { SyncScheduler, type SyncSnapshot } from '$lib/domain/sync/scheduler';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { createDevice, type Device } from '../support/sync/device';
import { Random } from '../support/sync/random';

// A project that is not (or no longer) set up for sync, as PostgREST answers it: a function missing
// or not yet in its schema cache is 404 PGRST202, a missing grant is 403 with SQLSTATE 42501
// (https://postgrest.org/en/stable/references/errors.html). The app's stores, supabase-js, the
// stand-in and the real migrations in PGlite; then the project is put right and the same device syncs.
let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let device: Device;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database });
	device = await createDevice(standIn, 'deploy@example.org', 'phone', new Random(11), {
		rate: 0,
		counts: new Map()
	});
}, 60_000);
afterAll(async () => {
	await device?.close();
	await standIn?.close();
	await database?.close();
});

/** Every overload of the app's functions (their arguments change between migrations). */
async function eachFunction(names: string[], sql: (signature: string) => string) {
	await database.transaction(async (query) => {
		const rows = await query(
			`select p.oid::regprocedure::text as signature from pg_proc p
			 where p.pronamespace = 'public'::regnamespace and p.proname = any($1)`,
			[names]
		);
		for (const { signature } of rows) await query(sql(String(signature)));
	});
}
const SYNC = ['sync_push', 'sync_pull'];
const revoke = (names: string[]) =>
	eachFunction(names, (f) => `revoke execute on function ${f} from public, anon, authenticated`);
const grant = (names: string[]) => eachFunction(names, (f) => `grant execute on function ${f} to authenticated`);
const hide = (names: string[]) =>
	eachFunction(names, (f) => `alter function ${f} rename to ${f.slice(0, f.indexOf('('))}_away`);
const unhide = (names: string[]) =>
	eachFunction(
		names.map((n) => `${n}_away`),
		(f) => `alter function ${f} rename to ${f.slice(0, f.indexOf('_away('))}`
	);

async function capture(note: string) {
	const draft = {
		...draftFromScan(parseBadgePayload('MECARD:N:Hamilton,Margaret;EMAIL:margaret@mit.example;;'), {
			id: crypto.randomUUID(),
			now: Date.now(),
			eventId: null
		}),
		note
	};
	expect((await device.capture.commit(draft, Date.now(), () => crypto.randomUUID())).ok).toBe(true);
}

async function serverNotes(): Promise<string[]> {
	return database.transaction(async (query) => {
		const [found] = await query(
			`select coalesce(to_regclass('app_private.encounters'), to_regclass('public.encounters'))::text as name`
		);
		const rows = await query(`select note from ${String(found!.name)} where owner_id = $1 order by note`, [
			device.userId
		]);
		return rows.map((r) => String(r.note));
	});
}

describe('a server not set up for sync', () => {
	it('404 (function missing) and 403 (no grant) are retried with backoff, never refused; once set up, the same changes sync', async () => {
		await capture('Apollo guidance software');
		const waiting = await device.sync.pendingCount();
		expect(waiting).toBeGreaterThan(0);

		// 404 PGRST202, then 403 42501.
		for (const [breakIt, code] of [
			[() => hide(SYNC), 'PGRST202'],
			[() => revoke(SYNC), '42501']
		] as const) {
			await breakIt();
			const error = await device.engine.sync().catch((e: unknown) => e);
			expect(error).toBeInstanceOf(RemoteError);
			expect(error).toMatchObject({ kind: 'unavailable', cause: { code } });
			expect((error as RemoteError).message).not.toBe('');
			// Nothing moved to "Couldn't sync"; everything still waits.
			expect(await device.sync.failures()).toEqual([]);
			expect(await device.sync.pendingCount()).toBe(waiting);
			if (code === 'PGRST202') await unhide(SYNC);
		}

		// The scheduler, its retries run by hand ("Sync now") on a clock that stands still: it backs
		// off further each time and says why.
		const seen: SyncSnapshot[] = [];
		const now = 0;
		const scheduler = new SyncScheduler({
			sync: () => device.engine.sync(),
			withLock: async (task) => (await task(), true),
			setTimer: () => null,
			clearTimer: () => undefined,
			now: () => now,
			random: () => 0.5,
			online: () => true,
			onChange: (snapshot) => seen.push(snapshot)
		});
		await scheduler.syncNow();
		expect(scheduler.snapshot.phase).toBe('retrying');
		expect(scheduler.snapshot.problem).toMatch(/^The server is not set up for sync: /);
		const firstWait = scheduler.snapshot.retryAt! - now;
		await scheduler.syncNow();
		expect(scheduler.snapshot.retryAt! - now).toBeGreaterThan(firstWait);
		expect(await device.sync.failures()).toEqual([]);

		// Set up again: the next round sends everything that waited.
		await grant(SYNC);
		await scheduler.syncNow();
		expect(scheduler.snapshot).toMatchObject({ phase: 'idle', problem: null });
		expect(await device.sync.pendingCount()).toBe(0);
		expect(await device.sync.failures()).toEqual([]);
		expect(await serverNotes()).toEqual(['Apollo guidance software']);
		expect(seen.some((s) => s.phase === 'retrying')).toBe(true);
	});

	it('"Delete all my data" without delete_my_data on the server says so and deletes nothing here', async () => {
		await hide(['delete_my_data']);
		let erasedHere = false;
		const outcome = await eraseAllData({ server: device.gateway, eraseLocal: async () => void (erasedHere = true) });
		await unhide(['delete_my_data']);
		expect(outcome).toMatchObject({ ok: false, failed: 'server', kind: 'unavailable' });
		expect(!outcome.ok && outcome.message).toMatch(
			/^The server is not set up to delete your data \(.+\)\. Nothing on this device was deleted\./
		);
		expect(erasedHere).toBe(false);
		expect(await serverNotes()).toEqual(['Apollo guidance software']);
	});
});
