import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMigratedCluster, type MigratedCluster } from './postgres-cluster.mjs';

// Two sender runs at once, over real connections to a real Postgres 15 (Debian's) with the
// migrations: claim_reminders claims with `for update skip locked` and records each claim in the
// ledger in the same transaction, so two runs get disjoint sets, none waits for the other, and a
// run that dies loses nothing. The interleavings are driven by hand (one run's transaction held
// open while the other claims), then left to the database.

const USERS = 60;
const T = '2026-07-01T08:00:00Z';
const later = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();

let cluster: MigratedCluster;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: cluster.url });
	await client.connect();
	clients.push(client);
	return client;
}

interface Claim {
	claim_id: string;
	user_id: string;
	tag: string;
	attempt: number;
}

async function claim(client: pg.Client, at: string, limit: number): Promise<Claim[]> {
	const { rows } = await client.query<Claim>(
		'select claim_id, user_id, tag, attempt from app_private.claim_reminders($1, $2)',
		[at, limit]
	);
	return rows;
}

async function finishAll(client: pg.Client, claims: Claim[]): Promise<void> {
	for (const c of claims)
		await client.query(`select app_private.finish_reminder($1, '{"status": "sent"}')`, [c.claim_id]);
}

/** USERS users (UTC, no quiet hours), each with one device and one follow-up due at T + 3 h. */
async function seed(client: pg.Client): Promise<void> {
	await client.query(`
		truncate app_private.reminder_targets, app_private.reminder_items, app_private.reminder_claims, app_private.push_subscriptions,
			app_private.reminder_settings;
		delete from auth.users;
		do $$
		declare
			who uuid;
		begin
			for n in 1..${USERS} loop
				who := ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid;
				insert into auth.users (id, email) values (who, 'user' || n || '@test.example');
				perform set_config('request.jwt.claims', json_build_object('sub', who, 'role', 'authenticated')::text, true);
				perform set_config('role', 'authenticated', true);
				perform public.sync_push(gen_random_uuid(), jsonb_build_array(
					jsonb_build_object('mid', 1, 'table', 'people', 'id', who, 'fields', jsonb_build_object('name', 'Contact ' || n)),
					jsonb_build_object('mid', 2, 'table', 'follow_ups', 'id', who, 'fields', jsonb_build_object(
						'person_id', who, 'due_at', '2026-07-01T11:00:00Z', 'queue_at', '2026-07-01T11:00:00Z'))));
				perform public.save_push_subscription(jsonb_build_object(
					'endpoint', 'https://push.example/' || n,
					'keys', jsonb_build_object(
						'p256dh', 'BF5d7-9RCx579d3PjmOBhc11fiD_YTUJeFIvQ2uF0tUazYBtxLyR3gbI_Xwuyb2AH-ajmDU-HJZdcxxEe5i7RFA',
						'auth', '2z9UdGXVPtMTomb-vhR-Yg')), 'UTC');
				perform public.save_reminder_settings('{"quiet_start": "00:00", "quiet_end": "00:00", "digest_time": "23:59"}');
				perform set_config('role', 'none', true);
			end loop;
		end;
		$$;
	`);
}

const users = (claims: Claim[]) => claims.map((c) => c.user_id);

beforeAll(async () => {
	cluster = await startMigratedCluster();
}, 120_000);
afterAll(async () => {
	await Promise.all(clients.map((c) => c.end().catch(() => {})));
	cluster?.stop();
});
beforeEach(async () => {
	const admin = await connect();
	await seed(admin);
	await admin.end();
}, 60_000);

describe('two sender runs at once', () => {
	it('claim disjoint users while one holds its batch uncommitted, without waiting for it', async () => {
		const a = await connect();
		const b = await connect();
		await a.query('begin');
		const first = await claim(a, T, 25);
		// b would block here if claim_reminders waited for a's row locks.
		const second = await claim(b, T, 100);
		await a.query('commit');
		expect(first).toHaveLength(25);
		expect(second).toHaveLength(USERS - 25);
		expect(new Set([...users(first), ...users(second)]).size).toBe(USERS);
		expect(await claim(a, T, 100)).toEqual([]);
		await finishAll(a, [...first, ...second]);
		expect(await claim(b, later(5), 100)).toEqual([]);
	});

	it('left to run freely, in batches, claim every user exactly once between them', async () => {
		const a = await connect();
		const b = await connect();
		const run = async (client: pg.Client) => {
			const got: Claim[] = [];
			for (;;) {
				const batch = await claim(client, T, 7);
				if (batch.length === 0) return got;
				got.push(...batch);
				await finishAll(client, batch);
			}
		};
		const [fromA, fromB] = await Promise.all([run(a), run(b)]);
		const all = [...users(fromA), ...users(fromB)];
		expect(all).toHaveLength(USERS);
		expect(new Set(all).size).toBe(USERS);
		expect(await claim(a, later(5), 100)).toEqual([]);
	});

	it('lose nothing when a run dies before committing its claims', async () => {
		const a = await connect();
		const b = await connect();
		await a.query('begin');
		expect(await claim(a, T, 100)).toHaveLength(USERS);
		expect(await claim(b, T, 100)).toEqual([]);
		// The run's connection drops mid-batch: its transaction is rolled back.
		await a.end();
		await expect.poll(async () => (await claim(b, T, 100)).length).toBe(USERS);
	});

	it('prune gives way to an erasure that holds what it needs, instead of deadlocking with it', async () => {
		const a = await connect();
		const b = await connect();
		await finishAll(a, await claim(a, T, 100));
		const pid = (await b.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
		const who = '00000000-0000-4000-8000-000000000001';
		// delete_my_data's order: the user's reminder items, then their claims. The erasure has taken
		// the items when the prune (claims first, then their items) starts.
		await a.query('begin');
		await a.query('delete from app_private.reminder_items where owner_id = $1', [who]);
		const pruning = b
			.query<{ n: number }>(`select app_private.prune_reminders($1, 1000) as n`, [later(8 * 24 * 60)])
			.then(
				(r) => r.rows[0]!.n,
				(error: Error) => error.message
			);
		await expect
			.poll(async () => {
				const { rows } = await a.query('select wait_event_type from pg_stat_activity where pid = $1', [pid]);
				return rows[0]?.wait_event_type;
			})
			.toBe('Lock');
		// The erasure now needs the claim the prune holds: the prune gives up (and undoes its work).
		await a.query('delete from app_private.reminder_claims where owner_id = $1', [who]);
		await a.query('commit');
		expect(await pruning).toBe(0);
		const { rows } = await b.query<{ n: number }>(`select app_private.prune_reminders($1, 1000) as n`, [
			later(8 * 24 * 60)
		]);
		expect(rows[0]!.n).toBe(USERS - 1);
	});

	it('send again, as the same claims, what a run claimed but never finished, once its lease is over', async () => {
		const a = await connect();
		const b = await connect();
		const died = await claim(a, T, 100);
		expect(died).toHaveLength(USERS);
		expect(await claim(b, later(1), 100)).toEqual([]);
		const again = await claim(b, later(5), 100);
		expect(again.map((c) => [c.claim_id, c.tag, c.attempt]).sort()).toEqual(
			died.map((c) => [c.claim_id, c.tag, 2]).sort()
		);
		await finishAll(b, again);
		expect(await claim(a, later(10), 100)).toEqual([]);
	});
});
