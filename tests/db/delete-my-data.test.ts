import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/adapters/supabase/database.types';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import { eraseAllData } from '$lib/domain/sync/erase';
import { RemoteError } from '$lib/domain/sync/ports';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { createDevice, type Device } from '../support/sync/device';
import type { FaultSwitch } from '../support/sync/faulty-fetch';
import { Random } from '../support/sync/random';
import { draftFromScan } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';

let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let ada: SupabaseClient<Database>;
let grace: SupabaseClient<Database>;
let adaId: string;
let graceId: string;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database });
	ada = clientFor(standIn) as SupabaseClient<Database>;
	grace = clientFor(standIn) as SupabaseClient<Database>;
	adaId = await signIn(ada, standIn, 'ada@example.org');
	graceId = await signIn(grace, standIn, 'grace@example.org');
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

const TABLES = ['events', 'people', 'encounters', 'follow_ups', 'promises', 'note_revisions', 'sync_ledger'];

/** How many rows a user has in each table, read as the database owner (past RLS). */
async function rowsOf(userId: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const rows = await database.transaction((q) =>
			q(`select count(*)::int as n from app_private.${table} where owner_id = $1`, [userId])
		);
		counts[table] = Number(rows[0]!.n);
	}
	return counts;
}

/** A person met and what was said, from one device (the same ids for both users on purpose). */
function capture(personId: string, encounterId: string) {
	return [
		{ mid: 1, table: 'people', id: personId, op: 'create', fields: { name: 'Lena', email: 'lena@x.example' } },
		{
			mid: 2,
			table: 'encounters',
			id: encounterId,
			op: 'create',
			fields: { person_id: personId, met_at: '2026-11-20T10:00:00Z', note: 'Robotics grants' }
		}
	];
}

const noFaults = (): FaultSwitch => ({ rate: 0, counts: new Map() });

/** The device meets someone and writes what they talked about (a scan, saved as the app does). */
async function met(device: Device, payload: string, note: string): Promise<void> {
	const draft = {
		...draftFromScan(parseBadgePayload(payload), { id: crypto.randomUUID(), now: Date.now(), eventId: null }),
		note
	};
	const result = await device.capture.commit(draft, Date.now(), () => crypto.randomUUID());
	expect(result.ok).toBe(true);
}

const names = async (device: Device) => (await device.db.people.toArray()).map((p) => p.name).sort();

/** The names of the people a user has on the server (read past RLS, as the database owner). */
async function serverNames(userId: string): Promise<string[]> {
	const rows = await database.transaction((q) =>
		q('select name from app_private.people where owner_id = $1 and deleted_at is null order by name', [userId])
	);
	return rows.map((r) => String(r.name));
}

/**
 * "Delete all my data" as the app does it (src/lib/domain/sync/erase.ts): the server's copy, then
 * this device's database; the app then opens a fresh one, signed in as before.
 */
async function eraseAllDataOn(device: Device, email: string): Promise<Device> {
	const outcome = await eraseAllData({ server: device.gateway, eraseLocal: () => device.close() });
	expect(outcome).toMatchObject({ ok: true });
	return createDevice(standIn, email, `${device.name}-after-erasing`, new Random(99), noFaults());
}

describe('delete_my_data through supabase-js → stand-in → PGlite', () => {
	it("deletes the caller's rows on the server and none of another user's", async () => {
		const phone = randomUUID();
		const personId = randomUUID();
		const encounterId = randomUUID();
		for (const client of [ada, grace]) {
			const { error } = await client.rpc('sync_push', { client_id: phone, mutations: capture(personId, encounterId) });
			expect(error).toBeNull();
		}
		// Ada's note, edited on a second device at once: two note revisions.
		const edit = await ada.rpc('sync_push', {
			client_id: randomUUID(),
			mutations: [{ mid: 1, table: 'encounters', id: encounterId, base_seq: 0, fields: { note: 'Grants, and a demo' } }]
		});
		expect((edit.data as { results: { status: string }[] }).results[0]!.status).toBe('conflict');
		const before = (await ada.rpc('sync_pull', { since: 0, lim: 1000 })).data as { next: number };
		expect(await rowsOf(adaId)).toMatchObject({ people: 1, encounters: 1, note_revisions: 2, sync_ledger: 3 });
		const graceBefore = await rowsOf(graceId);

		const deleted = await new SupabaseGateway(ada).deleteMyData();

		expect(deleted).toBe(7);
		expect(Object.values(await rowsOf(adaId))).toEqual(TABLES.map(() => 0));
		expect(await rowsOf(graceId)).toEqual(graceBefore);
		expect(((await ada.rpc('sync_pull', { since: 0, lim: 1000 })).data as { rows: unknown[] }).rows).toEqual([]);
		const graceRows = (
			(await grace.rpc('sync_pull', { since: 0, lim: 1000 })).data as { rows: { row: { id: string } }[] }
		).rows;
		expect(graceRows.map((r) => r.row.id).sort()).toEqual([personId, encounterId].sort());

		// Afterwards the same device, once it heard of the erasure, starts again at mid 1, and its rows
		// come after every cursor.
		const heard = ((await ada.rpc('sync_pull', { since: 0, lim: 1 })).data as { erased_at: string }).erased_at;
		const again = await ada.rpc('sync_push', {
			client_id: phone,
			mutations: capture(personId, encounterId),
			seen_erasure: heard
		});
		const results = (again.data as { results: { status: string; server_seq: number }[] }).results;
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect(Math.min(...results.map((r) => r.server_seq))).toBeGreaterThan(before.next);
		const pulled = (await ada.rpc('sync_pull', { since: before.next, lim: 1000 })).data as { rows: unknown[] };
		expect(pulled.rows).toHaveLength(2);
	});

	it("another device of the user's clears its copy at its next sync, waiting changes included, then has what came since", async () => {
		const email = 'katherine@example.org';
		let phone = await createDevice(standIn, email, 'phone', new Random(1), noFaults());
		const laptop = await createDevice(standIn, email, 'laptop', new Random(2), noFaults());
		try {
			await met(phone, 'MECARD:N:Vaughan,Dorothy;EMAIL:dorothy@langley.example;;', 'FORTRAN classes for the team');
			await phone.engine.sync();
			await laptop.engine.sync();
			expect(await names(laptop)).toEqual(['Dorothy Vaughan']);
			// Typed on the laptop before it hears of the erasure: "Delete all my data" covers it.
			await met(laptop, 'MECARD:N:Jackson,Mary;EMAIL:mary@langley.example;;', 'Wind tunnel models');

			phone = await eraseAllDataOn(phone, email);
			await met(phone, 'MECARD:N:Johnson,Katherine;EMAIL:katherine@langley.example;;', 'Orbital trajectories');
			await phone.engine.sync();

			await laptop.engine.sync();
			expect(await names(laptop)).toEqual(['Katherine Johnson']);
			expect(await laptop.db.encounters.count()).toBe(1);
			expect(await laptop.sync.pendingCount()).toBe(0);
			expect(await laptop.sync.erasedElsewhereAt()).toEqual(expect.any(Number));
			expect(await serverNames(phone.userId)).toEqual(['Katherine Johnson']);
			await phone.engine.sync();
			expect(await names(phone)).toEqual(['Katherine Johnson']);
			// Heard once: the next rounds change nothing.
			await laptop.engine.sync();
			expect(await names(laptop)).toEqual(['Katherine Johnson']);
		} finally {
			await phone.close();
			await laptop.close();
		}
	});

	it('a batch whose answer was lost, sent again after the erasure, brings nothing back anywhere; what is typed after syncs', async () => {
		const email = 'mary@example.org';
		let phone = await createDevice(standIn, email, 'phone', new Random(3), noFaults());
		const laptopFaults = noFaults();
		const laptop = await createDevice(standIn, email, 'laptop', new Random(4), laptopFaults);
		try {
			await met(phone, 'MECARD:N:Vaughan,Dorothy;EMAIL:dorothy@langley.example;;', 'FORTRAN classes for the team');
			await phone.engine.sync();
			await laptop.engine.sync();
			await met(laptop, 'MECARD:N:Jackson,Mary;EMAIL:mary@langley.example;;', 'Wind tunnel models');
			// The laptop's push is applied, but its answer is lost on the way back.
			laptopFaults.planned = ['drop-response'];
			await expect(laptop.engine.sync()).rejects.toMatchObject({ kind: 'offline' });
			expect(await serverNames(laptop.userId)).toEqual(['Dorothy Vaughan', 'Mary Jackson']);
			expect(await laptop.sync.pendingCount()).toBeGreaterThan(0);

			phone = await eraseAllDataOn(phone, email);
			expect(await serverNames(laptop.userId)).toEqual([]);

			// The laptop sends the same batch again. (Before, the emptied ledger answered "gap", the
			// laptop renumbered its changes from 1, and Mary came back on the server and everywhere.)
			await laptop.engine.sync();
			expect(await serverNames(laptop.userId)).toEqual([]);
			expect(await names(laptop)).toEqual([]);
			expect(await laptop.sync.pendingCount()).toBe(0);
			expect(await laptop.sync.failures()).toEqual([]);
			await phone.engine.sync();
			expect(await names(phone)).toEqual([]);

			// What the laptop types now, after it cleared, syncs to the server and the phone.
			await met(laptop, 'MECARD:N:Johnson,Katherine;EMAIL:katherine@langley.example;;', 'Orbital trajectories');
			await laptop.engine.sync();
			await phone.engine.sync();
			expect(await serverNames(laptop.userId)).toEqual(['Katherine Johnson']);
			expect(await names(laptop)).toEqual(['Katherine Johnson']);
			expect(await names(phone)).toEqual(['Katherine Johnson']);
			expect(await laptop.sync.pendingCount()).toBe(0);
		} finally {
			await phone.close();
			await laptop.close();
		}
	});

	it('refuses an anonymous caller; the gateway reports it as unauthorized', async () => {
		const anonymous = clientFor(standIn) as SupabaseClient<Database>;
		const raw = await anonymous.rpc('delete_my_data');
		expect(raw.status).toBe(401);
		expect(raw.error?.code).toBe('42501');
		const failure = await new SupabaseGateway(anonymous).deleteMyData().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(RemoteError);
		expect(failure).toMatchObject({ kind: 'unauthorized' });
	});
});
