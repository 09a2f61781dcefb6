import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_OF, startMigratedCluster, type MigratedCluster } from './postgres-cluster.mjs';
import { clientFor, signIn } from '../support/supabase/clients';
import { postgresDatabase, type PrivilegeRegime, type Sql } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

// The same stand-in over a real Postgres 15 (Debian's), set up as a Supabase project under both
// default-privilege regimes: supabase-js → HTTP → Postgres, with each service logging in as its role.
let cluster: MigratedCluster;
const databases = new Map<PrivilegeRegime, Sql>();
const standIns = new Map<PrivilegeRegime, StandIn>();

beforeAll(async () => {
	cluster = await startMigratedCluster({ privileges: ['legacy', 'current'] });
	for (const regime of ['legacy', 'current'] as const) {
		const database = await postgresDatabase((role) => cluster.urlFor(role, DATABASE_OF[regime]));
		databases.set(regime, database);
		standIns.set(regime, await startStandIn({ database }));
	}
}, 120_000);
afterAll(async () => {
	for (const s of standIns.values()) await s.close();
	for (const d of databases.values()) await d.close();
	cluster?.stop();
});

describe.each(['legacy', 'current'] as PrivilegeRegime[])(
	"the stand-in over a real Postgres, '%s' default privileges",
	(regime) => {
		it('signs in by email code and syncs through the migrated functions', async () => {
			const standIn = standIns.get(regime)!;
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
	}
);

it("cancels a statement that outlasts the role's statement_timeout (anon: 3s) as Postgres does: 500, 57014", async () => {
	const database = databases.get('legacy')!;
	await database.transaction(async (q) => {
		await q(
			`create function public.standin_sleep(seconds double precision) returns integer language sql as $$ select 1 from pg_sleep(seconds) $$`
		);
		await q('grant execute on function public.standin_sleep(double precision) to anon');
	}, 'postgres');
	const standIn = standIns.get('legacy')!;
	const started = Date.now();
	const response = await fetch(`${standIn.url}/rest/v1/rpc/standin_sleep`, {
		method: 'POST',
		headers: {
			apikey: standIn.anonKey,
			authorization: `Bearer ${standIn.anonKey}`,
			'content-type': 'application/json'
		},
		body: JSON.stringify({ seconds: 5 })
	});
	expect(response.status).toBe(500);
	expect(await response.json()).toMatchObject({
		code: '57014',
		message: 'canceling statement due to statement timeout'
	});
	expect(Date.now() - started).toBeLessThan(4_800);
}, 20_000);
