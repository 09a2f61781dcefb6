import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMigratedCluster } from './postgres-cluster.mjs';
import { clientFor, signIn } from '../support/supabase/clients';
import { postgresDatabase, type Sql } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

// The same stand-in over a real Postgres 15 (Debian's): supabase-js → HTTP → Postgres.
let cluster: Awaited<ReturnType<typeof startMigratedCluster>>;
let database: Sql;
let standIn: StandIn;

beforeAll(async () => {
	cluster = await startMigratedCluster();
	database = await postgresDatabase((role) => cluster.urlFor(role));
	standIn = await startStandIn({ database });
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
	cluster?.stop();
});

describe('the stand-in over a real Postgres', () => {
	it('signs in by email code and syncs through the migrated functions', async () => {
		const client = clientFor(standIn);
		await signIn(client, standIn, 'ada@example.org');
		const id = randomUUID();
		const pushed = await client.rpc('sync_push', {
			client_id: randomUUID(),
			mutations: [{ mid: 1, table: 'people', id, fields: { name: 'Grace', email: 'grace@x.example' } }]
		});
		expect(pushed.error).toBeNull();
		expect(pushed.data.results[0]).toMatchObject({ status: 'applied', id });
		const pulled = await client.rpc('sync_pull', { since: 0, lim: 10 });
		expect(pulled.data.rows).toEqual([
			{ table: 'people', row: expect.objectContaining({ id, name: 'Grace', server_seq: 1 }) }
		]);
	});
});
