// The shared limits of supabase/migrations/20261208120000_push_limits.sql as the app meets them:
// supabase-js → the stand-in's PostgREST (PTxyz SQLSTATEs answered with HTTP xyz, as PostgREST
// does: tests/support/supabase/postgrest-errors.ts) → PGlite, read by the app's own gateway.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import type { Database } from '$lib/adapters/supabase/database.types';
import type { OutboxEntry } from '$lib/domain/sync/ports';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let ada: SupabaseClient;
let adaId: string;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database });
	ada = clientFor(standIn);
	await signIn(ada, standIn, 'ada@example.org');
	adaId = (await ada.auth.getUser()).data.user!.id;
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

const person = (mid: number, name: string): OutboxEntry => ({
	mid,
	table: 'people',
	id: randomUUID(),
	op: 'create',
	fields: { name },
	baseSeq: null
});

describe('sync_push at the shared limits, through the stand-in', () => {
	it('a push over 2,000,000 bytes is HTTP 413, refused (the engine sends its changes one by one)', async () => {
		const gateway = new SupabaseGateway(ada as unknown as SupabaseClient<Database>);
		const huge = { ...person(1, 'Grace'), table: 'x'.repeat(2_000_000) } as unknown as OutboxEntry;
		await expect(gateway.push(randomUUID(), [huge], null)).rejects.toMatchObject({
			kind: 'refused',
			cause: { code: 'PT413', details: 'sync_push_too_large' }
		});
	});

	it('at the day’s bytes the push is HTTP 429 and a QuotaError; nothing of it is applied', async () => {
		const gateway = new SupabaseGateway(ada as unknown as SupabaseClient<Database>);
		const device = randomUUID();
		expect((await gateway.push(device, [person(1, 'Grace')], null)).results[0]).toMatchObject({ status: 'applied' });
		await database.transaction((query) =>
			query('update app_private.sync_state set pushed_bytes = 25000000 where owner_id = $1', [adaId])
		);
		const status = await ada.rpc('sync_push', {
			client_id: device,
			mutations: [{ ...person(2, 'Tomasz'), base_seq: null }]
		});
		expect(status).toMatchObject({ status: 429, error: { code: 'PT429', details: 'sync_quota_bytes_per_day' } });
		await expect(gateway.push(device, [person(2, 'Tomasz')], null)).rejects.toMatchObject({
			kind: 'quota',
			limit: 'bytes-per-day'
		});
		const pulled = await gateway.pull(0, 100);
		expect(pulled.rows.map((r) => r.row.name)).toEqual(['Grace']);
	});
});
