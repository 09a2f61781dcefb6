import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let ada: SupabaseClient;
let grace: SupabaseClient;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database });
	ada = clientFor(standIn);
	grace = clientFor(standIn);
	await signIn(ada, standIn, 'ada@example.org');
	await signIn(grace, standIn, 'grace@example.org');
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

const person = (id: string, name: string) => ({
	table: 'people',
	id,
	op: 'upsert',
	fields: { name, email: `${name.toLowerCase()}@x.example` }
});

describe('sync_push / sync_pull through supabase-js → stand-in → PGlite', () => {
	it('pushes, pulls, and keeps two users apart', async () => {
		const device = randomUUID();
		const id = randomUUID();
		const { data, error } = await ada.rpc('sync_push', {
			client_id: device,
			mutations: [{ mid: 1, ...person(id, 'Adaeze') }]
		});
		expect(error).toBeNull();
		expect(data.results[0]).toMatchObject({ mid: 1, status: 'applied', table: 'people', id });

		const pulled = await ada.rpc('sync_pull', { since: 0, lim: 100 });
		expect(pulled.error).toBeNull();
		expect(pulled.data.rows).toHaveLength(1);
		expect(pulled.data.rows[0]).toMatchObject({ table: 'people', row: { id, name: 'Adaeze' } });
		expect(pulled.data.rows[0].row).not.toHaveProperty('owner_id');
		expect(pulled.data.has_more).toBe(false);

		const other = await grace.rpc('sync_pull', { since: 0, lim: 100 });
		expect(other.data.rows).toEqual([]);
	});

	it('is idempotent and stops at a gap', async () => {
		const device = randomUUID();
		const id = randomUUID();
		const first = await ada.rpc('sync_push', { client_id: device, mutations: [{ mid: 1, ...person(id, 'Tomasz') }] });
		const again = await ada.rpc('sync_push', { client_id: device, mutations: [{ mid: 1, ...person(id, 'Tomasz') }] });
		expect(again.data.results[0]).toMatchObject({ status: 'duplicate', original: first.data.results[0] });
		const gap = await ada.rpc('sync_push', {
			client_id: device,
			mutations: [{ mid: 3, ...person(randomUUID(), 'Late') }]
		});
		expect(gap.data.results[0]).toEqual({ mid: 3, status: 'gap', expected: 2 });
	});

	it('answers an anonymous caller as PostgREST does', async () => {
		const anonymous = clientFor(standIn);
		const { error, status } = await anonymous.rpc('sync_pull', { since: 0, lim: 10 });
		expect(status).toBe(401);
		expect(error?.code).toBe('42501');
	});
});

describe('the stand-in speaks PostgREST and GoTrue as supabase-js expects', () => {
	it('maps errors to PostgREST statuses and bodies', async () => {
		const tooMany = Array.from({ length: 101 }, (_, i) => ({ mid: i + 1, ...person(randomUUID(), `P${i}`) }));
		const big = await ada.rpc('sync_push', { client_id: randomUUID(), mutations: tooMany });
		expect(big.status).toBe(400);
		expect(big.error).toMatchObject({ code: '22023', message: 'At most 100 mutations per push (got 101).' });
		const missing = await ada.rpc('drop_everything', {});
		expect(missing.status).toBe(404);
		expect(missing.error?.code).toBe('PGRST202');
	});

	it('refuses an expired token with 401, and a refreshed session works again', async () => {
		const { data } = await ada.auth.getUser();
		// PostgREST allows 30 seconds of clock skew (src/PostgREST/Auth/Jwt.hs): this one expired 31 s ago.
		const expired = await standIn.signAccessToken(data.user!.id, 'ada@example.org', -31);
		const response = await fetch(`${standIn.url}/rest/v1/rpc/sync_pull`, {
			method: 'POST',
			headers: { apikey: standIn.anonKey, authorization: `Bearer ${expired}`, 'content-type': 'application/json' },
			body: JSON.stringify({ since: 0, lim: 1 })
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });

		const before = (await ada.auth.getSession()).data.session!;
		const refreshed = await ada.auth.refreshSession();
		expect(refreshed.error).toBeNull();
		expect(refreshed.data.session!.refresh_token).not.toBe(before.refresh_token);
		expect((await ada.rpc('sync_pull', { since: 0, lim: 1 })).error).toBeNull();
	});

	it('signs out: the refresh token stops working', async () => {
		const bob = clientFor(standIn);
		await signIn(bob, standIn, 'bob@example.org');
		const refreshToken = (await bob.auth.getSession()).data.session!.refresh_token;
		expect((await bob.auth.signOut()).error).toBeNull();
		const response = await fetch(`${standIn.url}/auth/v1/token?grant_type=refresh_token`, {
			method: 'POST',
			headers: { apikey: standIn.anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ refresh_token: refreshToken })
		});
		expect(response.status).toBe(400);
	});

	it('refuses a wrong code', async () => {
		const eve = clientFor(standIn);
		await eve.auth.signInWithOtp({ email: 'eve@example.org' });
		const sent = standIn.mailbox('eve@example.org').at(-1);
		const wrong = sent === '000000' ? '111111' : '000000';
		const { error } = await eve.auth.verifyOtp({ email: 'eve@example.org', token: wrong, type: 'email' });
		expect(error?.status).toBe(403);
		expect((await eve.auth.getSession()).data.session).toBeNull();
	});
});

describe('two devices of one user, and two users, through supabase-js', () => {
	it('a note edited on both devices keeps both versions; another user sees none of it', async () => {
		const phone = randomUUID();
		const laptop = randomUUID();
		const personId = randomUUID();
		const encounterId = randomUUID();
		await ada.rpc('sync_push', {
			client_id: phone,
			mutations: [
				{ mid: 1, ...person(personId, 'Lena') },
				{
					mid: 2,
					table: 'encounters',
					id: encounterId,
					fields: { person_id: personId, met_at: '2026-11-20T10:00:00Z', note: 'Robotics grants' }
				}
			]
		});
		const pulled = await ada.rpc('sync_pull', { since: 0, lim: 1000 });
		const base = pulled.data.rows.find((r: { table: string; row: { id: string } }) => r.row.id === encounterId).row
			.server_seq;
		const fromPhone = await ada.rpc('sync_push', {
			client_id: phone,
			mutations: [
				{ mid: 3, table: 'encounters', id: encounterId, base_seq: base, fields: { note: 'Robotics grants in Bavaria' } }
			]
		});
		const fromLaptop = await ada.rpc('sync_push', {
			client_id: laptop,
			mutations: [
				{
					mid: 1,
					table: 'encounters',
					id: encounterId,
					base_seq: base,
					fields: { note: 'Robotics grants; intro to Kenji' }
				}
			]
		});
		expect(fromPhone.data.results[0].status).toBe('applied');
		expect(fromLaptop.data.results[0]).toMatchObject({
			status: 'conflict',
			conflicts: [{ field: 'note', rule: 'both-kept' }]
		});
		const after = (await ada.rpc('sync_pull', { since: base, lim: 1000 })).data.rows;
		const revisions = after
			.filter((r: { table: string }) => r.table === 'note_revisions')
			.map((r: { row: { note: string } }) => r.row.note);
		expect(revisions.sort()).toEqual(['Robotics grants in Bavaria', 'Robotics grants; intro to Kenji']);
		expect(after.find((r: { table: string }) => r.table === 'encounters').row).toMatchObject({
			note: 'Robotics grants in Bavaria',
			note_conflict: true
		});

		const graceSees = (await grace.rpc('sync_pull', { since: 0, lim: 1000 })).data.rows;
		expect(graceSees.some((r: { row: { id: string } }) => r.row.id === encounterId || r.row.id === personId)).toBe(
			false
		);
	});
});
