// npm run bench:reminders
// 10,000 people × 2 devices with 50,000 open follow-ups (one due within 6 hours each) in a throwaway
// Postgres 15 migrated like a Supabase project; the send-reminders function (`deno run` of index.ts)
// against the strict local push service (VAPID verified, every body decrypted). One pass: POSTs
// until a request claims nothing, each within the function's CPU budget (Edge Functions allow 2 s
// of CPU per request). Prints reminders due, sent, duplicates, missed, wrong-user, CPU ms per
// request (goal ≤ 1,500) and the wall time of the pass. Exits non-zero if any count is off or a
// request went over the goal.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { root, startMigratedCluster } from '../db/postgres-cluster.mjs';
import { makeCertificate, startPushService } from '../support/push-service.mjs';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const DEVICES = 2;
const FOLLOW_UPS = 5; // per person: 50,000 open; one due in 2 hours, the others in 2 to 5 days
const GOAL_CPU_MS = 1500;
const SECRET = 'bench-reminders-secret';

const freePort = () =>
	new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});

function vapidKeys() {
	const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const pub = publicKey.export({ format: 'jwk' });
	const raw = Buffer.concat([
		Buffer.from([4]),
		Buffer.from(String(pub.x), 'base64url'),
		Buffer.from(String(pub.y), 'base64url')
	]);
	return { publicKey: raw.toString('base64url'), privateKey: String(privateKey.export({ format: 'jwk' }).d) };
}

// A zone where it is about noon, no quiet hours, the digest time late: every due follow-up makes a
// due_soon reminder whenever the benchmark runs.
const offset = 12 - new Date().getUTCHours();
const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;

const certificate = makeCertificate();
const cluster = await startMigratedCluster();
const push = await startPushService({ certificate });
const vapid = vapidKeys();
const db = new pg.Client({ connectionString: cluster.urlFor('supabase_admin', 'postgres') });
/** @type {import('node:child_process').ChildProcess | undefined} */
let fn;
let failed = false;
try {
	await db.connect();
	let start = performance.now();
	await db.query(`
		insert into auth.users (id, email)
		select ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'person' || n || '@bench.example'
		from generate_series(1, ${PEOPLE}) as n;
		insert into app_private.people (owner_id, id, name, server_seq)
		select u.id, md5(u.id::text || k)::uuid, 'Contact ' || k || ' of ' || u.email, 0
		from auth.users as u, generate_series(1, ${FOLLOW_UPS}) as k;
		insert into app_private.encounters (owner_id, id, person_id, met_at, note, server_seq)
		select u.id, md5(u.id::text || k || 'e')::uuid, md5(u.id::text || k)::uuid, now() - interval '1 day',
			'Talked about topic ' || k, 0
		from auth.users as u, generate_series(1, ${FOLLOW_UPS}) as k;
		insert into app_private.follow_ups (owner_id, id, person_id, encounter_id, due_at, queue_at, server_seq)
		select u.id, md5(u.id::text || k || 'f')::uuid, md5(u.id::text || k)::uuid, md5(u.id::text || k || 'e')::uuid,
			now() + case k when 1 then interval '2 hours' else k * interval '1 day' end,
			now() + case k when 1 then interval '2 hours' else k * interval '1 day' end, 0
		from auth.users as u, generate_series(1, ${FOLLOW_UPS}) as k;
		insert into app_private.reminder_settings (owner_id, quiet_start, quiet_end, digest_time, time_zone)
		select id, '00:00', '00:00', '23:59', '${zone}' from auth.users;
	`);
	const { rows: users } = await db.query('select id from auth.users order by id');
	/** @type {Map<string, string>} endpoint → user */
	const ownerOf = new Map();
	for (let i = 0; i < users.length; i += 500) {
		const values = [];
		const params = [];
		for (const { id } of users.slice(i, i + 500))
			for (let d = 0; d < DEVICES; d++) {
				const s = push.subscribe({ label: id, applicationServerKey: vapid.publicKey });
				ownerOf.set(s.endpoint, id);
				params.push(id, s.endpoint, s.keys.p256dh, s.keys.auth);
				const n = params.length;
				values.push(`($${n - 3}, $${n - 2}, $${n - 1}, $${n}, '${zone}')`);
			}
		await db.query(
			`insert into app_private.push_subscriptions (owner_id, endpoint, p256dh, auth, time_zone) values ${values.join(',')}`,
			params
		);
	}
	const { rows: due } = await db.query(
		`select owner_id, id from app_private.follow_ups where due_at < now() + interval '6 hours' and status = 'open'`
	);
	/** @type {Map<string, string>} follow-up → user */
	const dueOwner = new Map(due.map((r) => [r.id, r.owner_id]));
	const { rows: all } = await db.query(`select owner_id, id from app_private.follow_ups`);
	const followUpOwner = new Map(all.map((r) => [r.id, r.owner_id]));
	console.log(
		`seeded ${PEOPLE.toLocaleString('en')} people × ${DEVICES} devices, ${all.length.toLocaleString('en')} open follow-ups, ` +
			`${due.length.toLocaleString('en')} due within 6 hours (${((performance.now() - start) / 1000).toFixed(1)} s)`
	);

	const port = await freePort();
	const dir = join(root, 'supabase/functions/send-reminders');
	fn = spawn(
		join(root, 'node_modules/.bin/deno'),
		['run', '-A', '--config', join(dir, 'deno.json'), join(dir, 'index.ts')],
		{
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DENO_CERT: certificate.caFile,
				SUPABASE_DB_URL: cluster.urlFor('postgres', 'postgres'),
				REMINDERS_SECRET: SECRET,
				VAPID_PUBLIC_KEY: vapid.publicKey,
				VAPID_PRIVATE_KEY: vapid.privateKey,
				VAPID_SUBJECT: 'mailto:bench@example.com',
				APP_URL: 'https://app.example'
			},
			stdio: ['ignore', 'inherit', 'inherit']
		}
	);
	const url = `http://127.0.0.1:${port}`;
	for (let tries = 0; ; tries++) {
		try {
			await (await fetch(url)).arrayBuffer();
			break;
		} catch {
			if (tries > 600) throw new Error('the function did not start');
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	// The pass: requests one after another until one claims nothing.
	start = performance.now();
	const requests = [];
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: '{}' });
		const body = await response.json();
		if (response.status !== 200) throw new Error(`pass failed: ${response.status} ${JSON.stringify(body)}`);
		requests.push(body);
		if (body.claimed === 0 && !body.more) break;
	}
	const wallMs = performance.now() - start;

	const shown = new Map(); // endpoint → tags
	let wrongUser = 0;
	const reached = new Map(); // follow-up → endpoints
	for (const d of push.delivered) {
		const tags = shown.get(d.endpoint) ?? new Set();
		tags.add(d.json.notification.tag);
		shown.set(d.endpoint, tags);
		for (const id of d.json.notification.data.follow_ups) {
			if (followUpOwner.get(id) !== ownerOf.get(d.endpoint)) wrongUser += 1;
			reached.set(id, (reached.get(id) ?? new Set()).add(d.endpoint));
		}
	}
	const duplicates = push.delivered.length - [...shown.values()].reduce((n, tags) => n + tags.size, 0) +
		[...shown.values()].reduce((n, tags) => n + tags.size - 1, 0); // prettier-ignore
	const missed = [...dueOwner.keys()].filter((id) => (reached.get(id)?.size ?? 0) < DEVICES).length;
	const claimed = requests.reduce((n, r) => n + r.claimed, 0);
	const cpu = requests.map((r) => r.cpu_ms);
	const sum = (key) => requests.reduce((n, r) => n + r[key], 0);
	console.log(`reminders due:   ${dueOwner.size.toLocaleString('en')}`);
	console.log(`claimed:         ${claimed.toLocaleString('en')} in ${requests.length} requests`);
	console.log(
		`pushes sent:     ${sum('sent').toLocaleString('en')} (delivered and decrypted: ${push.delivered.length.toLocaleString('en')}, refused: ${push.rejected.length})`
	);
	console.log(`retried:         ${sum('retried')}, gone: ${sum('gone')}, failed: ${sum('failed')}`);
	console.log(`duplicates:      ${duplicates}`);
	console.log(`missed:          ${missed}`);
	console.log(`wrong-user:      ${wrongUser}`);
	console.log(`claimed/request: ${requests.map((r) => r.claimed).join(' ')}`);
	console.log(
		`CPU ms/request:  max ${Math.max(...cpu)}, mean ${Math.round(cpu.reduce((a, b) => a + b, 0) / cpu.length)} (goal ≤ ${GOAL_CPU_MS}): ${cpu.join(' ')}`
	);
	console.log(
		`wall time:       ${(wallMs / 1000).toFixed(1)} s for the pass (${Math.round(push.delivered.length / (wallMs / 1000))} pushes/s)`
	);
	failed =
		duplicates !== 0 || missed !== 0 || wrongUser !== 0 || push.rejected.length !== 0 || claimed !== dueOwner.size ||
		Math.max(...cpu) > GOAL_CPU_MS; // prettier-ignore
} catch (error) {
	console.error(error);
	failed = true;
} finally {
	fn?.kill('SIGTERM');
	await db.end().catch(() => {});
	await push.stop();
	cluster.stop();
	certificate.remove();
}
process.exit(failed ? 1 : 0);
