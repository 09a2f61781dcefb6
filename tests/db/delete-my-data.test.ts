import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/adapters/supabase/database.types';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import { RemoteError } from '$lib/domain/sync/ports';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { createDevice } from '../support/sync/device';
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

		// Afterwards the same device starts again at mid 1, and its rows come after every cursor.
		const again = await ada.rpc('sync_push', { client_id: phone, mutations: capture(personId, encounterId) });
		const results = (again.data as { results: { status: string; server_seq: number }[] }).results;
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect(Math.min(...results.map((r) => r.server_seq))).toBeGreaterThan(before.next);
		const pulled = (await ada.rpc('sync_pull', { since: before.next, lim: 1000 })).data as { rows: unknown[] };
		expect(pulled.rows).toHaveLength(2);
	});

	it("another device of the user's clears its copy at its next sync, and then has what came since", async () => {
		const noFaults = { rate: 0, counts: new Map() };
		const email = 'katherine@example.org';
		const phone = await createDevice(standIn, email, 'phone', new Random(1), noFaults);
		const laptop = await createDevice(standIn, email, 'laptop', new Random(2), noFaults);
		try {
			const met = async (device: typeof phone, payload: string, note: string) => {
				const draft = {
					...draftFromScan(parseBadgePayload(payload), { id: crypto.randomUUID(), now: Date.now(), eventId: null }),
					note
				};
				const result = await device.capture.commit(draft, Date.now(), () => crypto.randomUUID());
				expect(result.ok).toBe(true);
			};
			await met(phone, 'MECARD:N:Vaughan,Dorothy;EMAIL:dorothy@langley.example;;', 'FORTRAN classes for the team');
			await phone.engine.sync();
			await laptop.engine.sync();
			expect(await laptop.db.people.count()).toBe(1);
			// Typed on the laptop while the phone erases: pushed at its next sync, before it hears of the
			// erasure, so it is kept, like anything typed after (nothing typed is lost).
			await met(laptop, 'MECARD:N:Jackson,Mary;EMAIL:mary@langley.example;;', 'Wind tunnel models');

			expect(await phone.gateway.deleteMyData()).toBeGreaterThan(0);
			await met(phone, 'MECARD:N:Johnson,Katherine;EMAIL:katherine@langley.example;;', 'Orbital trajectories');
			await phone.engine.sync();

			await laptop.engine.sync();
			// Dorothy, erased, is gone from the laptop too; it holds exactly what the server holds.
			const names = async (device: typeof phone) => (await device.db.people.toArray()).map((p) => p.name).sort();
			expect(await names(laptop)).toEqual(['Katherine Johnson', 'Mary Jackson']);
			expect(await laptop.db.encounters.count()).toBe(2);
			expect(await laptop.sync.pendingCount()).toBe(0);
			await phone.engine.sync();
			expect(await names(phone)).toEqual(['Katherine Johnson', 'Mary Jackson']);
			// Heard once: the next rounds change nothing.
			await laptop.engine.sync();
			expect(await laptop.db.people.count()).toBe(2);
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
