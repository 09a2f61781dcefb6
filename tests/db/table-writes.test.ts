import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase, type PrivilegeRegime, type Sql } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

// Issue 11, section 3: every table in a schema PostgREST serves is writable at /rest/v1/<table>
// with the grants and RLS of the caller (PostgREST docs "Tables and Views"). With their own token a
// user could forge sync_ledger rows, overwrite a note without a revision, set erased_at, or push
// their counter to 2^63-1 — all behind sync_push's back. So: for every table the migrations make,
// a user's POST, PATCH and DELETE through the table endpoints of each exposed schema must be
// refused before any row is looked at — the table is not served (404 PGRST205) or the role has no
// privilege on it (401/403, "permission denied") — under both default-privilege regimes. An RLS
// refusal does not count: it refuses this row, not the next one.
interface Attempt {
	call: string;
	status: number;
	code?: string;
	message?: string;
}

describe.each(['legacy', 'current'] as PrivilegeRegime[])("'%s' default privileges", (privileges) => {
	let database: Sql;
	let standIn: StandIn;
	let token: string;
	let userId: string;
	let tables: string[];

	beforeAll(async () => {
		database = await pgliteDatabase({ privileges });
		standIn = await startStandIn({ database });
		const client = clientFor(standIn);
		userId = await signIn(client, standIn, `writer-${randomUUID().slice(0, 8)}@example.org`);
		token = (await client.auth.getSession()).data.session!.access_token;
		// The user has rows everywhere, written the way the app writes them.
		const event = randomUUID();
		const person = randomUUID();
		const encounter = randomUUID();
		const followUp = randomUUID();
		const pushed = await client.rpc('sync_push', {
			client_id: randomUUID(),
			mutations: [
				{
					mid: 1,
					table: 'events',
					id: event,
					fields: { name: 'Summit', start_date: '2026-11-20', end_date: '2026-11-21', time_zone: 'Europe/Lisbon' }
				},
				{ mid: 2, table: 'people', id: person, fields: { name: 'Grace', email: 'grace@x.example' } },
				{
					mid: 3,
					table: 'encounters',
					id: encounter,
					fields: { person_id: person, event_id: event, met_at: '2026-11-20T10:00:00Z', note: 'COBOL' }
				},
				{
					mid: 4,
					table: 'follow_ups',
					id: followUp,
					fields: {
						person_id: person,
						encounter_id: encounter,
						due_at: '2026-11-22T10:00:00Z',
						queue_at: '2026-11-22T10:00:00Z'
					}
				},
				{
					mid: 5,
					table: 'promises',
					id: randomUUID(),
					fields: {
						person_id: person,
						encounter_id: encounter,
						follow_up_id: followUp,
						text: 'Send the paper',
						due_at: '2026-11-22T10:00:00Z'
					}
				}
			]
		});
		expect(pushed.error).toBeNull();
		// Every table the migrations made (they run as postgres), wherever it is now.
		tables = (
			await database.transaction((q) =>
				q(
					`select distinct c.relname from pg_class c where c.relkind in ('r', 'p') and c.relowner = 'postgres'::regrole order by 1`
				)
			)
		).map((r) => String(r.relname));
	}, 120_000);
	afterAll(async () => {
		await standIn?.close();
		await database?.close();
	});

	it('no table the migrations make can be written through /rest/v1 with a user’s own token', async () => {
		expect(tables.length).toBeGreaterThanOrEqual(8);
		const attempts: Attempt[] = [];
		for (const schema of standIn.api.schemas)
			for (const table of tables) {
				const send = async (method: string, query: string, body?: unknown) => {
					const response = await fetch(`${standIn.url}/rest/v1/${table}${query}`, {
						method,
						headers: {
							apikey: standIn.anonKey,
							authorization: `Bearer ${token}`,
							'content-type': 'application/json',
							'content-profile': schema
						},
						body: body === undefined ? undefined : JSON.stringify(body)
					});
					const text = await response.text();
					const error = (text ? JSON.parse(text) : {}) as { code?: string; message?: string };
					attempts.push({
						call: `${method} ${schema}.${table}`,
						status: response.status,
						code: error.code,
						message: error.message
					});
				};
				await send('POST', '', { owner_id: userId });
				await send('PATCH', `?owner_id=eq.${userId}`, { owner_id: userId });
				await send('DELETE', `?owner_id=eq.${userId}`);
			}
		const refused = (a: Attempt) =>
			(a.status === 404 && a.code === 'PGRST205') ||
			((a.status === 401 || a.status === 403) && a.code === '42501' && /^permission denied/.test(a.message ?? ''));
		expect(attempts.filter((a) => !refused(a))).toEqual([]);
	});
});
