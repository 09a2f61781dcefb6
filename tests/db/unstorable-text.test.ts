import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromScan } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { createDevice, type Device } from '../support/sync/device';
import { Random } from '../support/sync/random';

// Postgres's text and jsonb cannot hold NUL (SQLSTATE 22P05) or a lone UTF-16 surrogate (22P02:
// JSON's "\ud800" has no code point), so one such character in a push fails the whole request
// (https://www.postgresql.org/docs/current/datatype-json.html). QR codes can hold both. A capture of
// such a code, through the app's stores and the real supabase-js to the stand-in and PGlite.
let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let device: Device;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database });
	device = await createDevice(standIn, 'nul@example.org', 'phone', new Random(5), { rate: 0, counts: new Map() });
}, 60_000);
afterAll(async () => {
	await device?.close();
	await standIn?.close();
	await database?.close();
});

async function serverRow(table: 'people' | 'encounters', id: string) {
	return database.transaction(async (query) => {
		const [found] = await query(
			`select coalesce(to_regclass('app_private.${table}'), to_regclass('public.${table}'))::text as name`
		);
		const rows = await query(`select * from ${String(found!.name)} where owner_id = $1 and id = $2`, [
			device.userId,
			id
		]);
		return rows[0];
	});
}

describe('a scanned code holding text Postgres cannot store', () => {
	it('a capture of a code with NUL and lone surrogates syncs, cleaned', async () => {
		// A high surrogate with no low one after it in the name, NUL in the company, a lone low
		// surrogate at the end of the code.
		const payload = 'MECARD:N:Lovelace,Ada\uD83D;ORG:Analytical\u0000 Engines;EMAIL:ada@engines.example;;\uDE00';
		const parsed = parseBadgePayload(payload);
		const draft = {
			...draftFromScan(parsed, { id: crypto.randomUUID(), now: Date.now(), eventId: null }),
			note: 'Difference engine funding'
		};
		const saved = await device.capture.commit(draft, Date.now(), () => crypto.randomUUID());
		expect(saved.ok).toBe(true);

		await device.engine.sync();
		expect(await device.sync.failures()).toEqual([]);
		expect(await device.sync.pendingCount()).toBe(0);

		const [encounter] = await device.db.encounters.toArray();
		const person = await serverRow('people', encounter!.personId);
		expect(person).toMatchObject({ name: 'Ada\uFFFD Lovelace', org: 'Analytical Engines' });
		const onServer = await serverRow('encounters', encounter!.id);
		expect(onServer).toMatchObject({
			note: 'Difference engine funding',
			raw: 'MECARD:N:Lovelace,Ada\uFFFD;ORG:Analytical Engines;EMAIL:ada@engines.example;;\uFFFD'
		});
	});
});
