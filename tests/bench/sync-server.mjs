// npm run bench:sync-server
// Against a throwaway Postgres 15 cluster migrated like a Supabase project, as PostgREST calls the
// functions (role `authenticated` and the JWT claims set per transaction):
//   - 1,000 new rows (people, encounters, follow-ups) pushed with sync_push in batches of 50;
//   - 1,000 edits of those rows, in batches of 50 (the change-by-change path);
//   - 10,000 rows pulled with sync_pull in pages of 500 (and of 100).
// Prints the time of each.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startMigratedCluster } from '../db/postgres-cluster.mjs';

const cluster = await startMigratedCluster();
const client = new pg.Client({ connectionString: cluster.url });
const user = randomUUID();
try {
	await client.connect();
	await client.query('insert into auth.users (id, email) values ($1, $2)', [user, 'bench@example.org']);
	const claims = JSON.stringify({ sub: user, role: 'authenticated' });
	const asUser = async (text, params) => {
		await client.query('begin');
		await client.query('set local role authenticated');
		await client.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
		const result = await client.query(text, params);
		await client.query('commit');
		return result.rows[0];
	};

	// 1,000 mutations: per person, the person, an encounter and its follow-up.
	const device = randomUUID();
	const mutations = [];
	for (let i = 0; mutations.length < 1000; i++) {
		const person = randomUUID();
		const encounter = randomUUID();
		mutations.push({
			table: 'people',
			id: person,
			fields: { name: `Person ${i}`, email: `p${i}@bench.example`, match_keys: [`email:p${i}@bench.example`] }
		});
		mutations.push({
			table: 'encounters',
			id: encounter,
			fields: { person_id: person, met_at: new Date().toISOString(), note: `Talked about topic ${i}` }
		});
		mutations.push({
			table: 'follow_ups',
			id: randomUUID(),
			fields: {
				person_id: person,
				encounter_id: encounter,
				due_at: new Date(Date.now() + 172_800_000).toISOString(),
				queue_at: new Date(Date.now() + 172_800_000).toISOString()
			}
		});
	}
	const batch = mutations.slice(0, 1000).map((m, i) => ({ mid: i + 1, ...m }));
	let start = performance.now();
	let applied = 0;
	for (let i = 0; i < batch.length; i += 50) {
		const { result } = await asUser('select public.sync_push($1, $2) as result', [
			device,
			JSON.stringify(batch.slice(i, i + 50))
		]);
		applied += result.results.filter((r) => r.status === 'applied').length;
	}
	const pushMs = performance.now() - start;
	console.log(
		`sync_push: 1,000 new rows in 20 batches of 50: ${pushMs.toFixed(0)} ms (${(pushMs / 1000).toFixed(2)} ms per mutation), ${applied} applied`
	);

	// 1,000 edits of rows the server has (each person's title): the change-by-change path.
	const people = batch.filter((m) => m.table === 'people');
	const edits = [];
	for (let i = 0; edits.length < 1000; i++) {
		const person = people[i % people.length];
		edits.push({ mid: 1001 + edits.length, table: 'people', id: person.id, fields: { title: `Title ${i}` } });
	}
	start = performance.now();
	applied = 0;
	for (let i = 0; i < edits.length; i += 50) {
		const { result } = await asUser('select public.sync_push($1, $2) as result', [
			device,
			JSON.stringify(edits.slice(i, i + 50))
		]);
		applied += result.results.filter((r) => r.status !== 'rejected').length;
	}
	const editMs = performance.now() - start;
	console.log(
		`sync_push: 1,000 edits of existing rows in 20 batches of 50: ${editMs.toFixed(0)} ms (${(editMs / 1000).toFixed(2)} ms per mutation), ${applied} applied`
	);

	// 10,000 rows to pull: bulk-insert 9,000 more people as the user (the trigger stamps each).
	await asUser(
		`insert into app_private.people (id, name, server_seq) select gen_random_uuid(), 'Bulk ' || n, 0 from generate_series(1, 9000) as n`
	);
	for (const size of [500, 100]) {
		start = performance.now();
		let since = 0;
		let rows = 0;
		let pages = 0;
		for (;;) {
			const { result } = await asUser('select public.sync_pull($1, $2) as result', [since, size]);
			rows += result.rows.length;
			pages++;
			since = result.next;
			if (!result.has_more) break;
		}
		const pullMs = performance.now() - start;
		console.log(
			`sync_pull: ${rows.toLocaleString('en')} rows in ${pages} pages of ${size}: ${pullMs.toFixed(0)} ms (${(pullMs / pages).toFixed(1)} ms per page)`
		);
	}
} finally {
	await client.end().catch(() => {});
	cluster.stop();
}
