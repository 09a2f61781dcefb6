// Test helpers for the send-reminders function under `deno test` (started by tests/functions/run.mjs,
// which makes the certificate and the migrated cluster first): databases made from the migrated one,
// the function as a real `deno run` process on its own port, VAPID keys, and waiting for a state.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import postgres from 'postgres';
// @ts-types="../support/push-service.d.mts"
import { readCertificate, startPushService } from '../support/push-service.mjs';
import { mailer } from '../../supabase/functions/send-reminders/mail.ts';
import { runPass } from '../../supabase/functions/send-reminders/pass.ts';
import { pushSender } from '../../supabase/functions/send-reminders/push.ts';
import { unsubscribeLink } from '../../supabase/functions/send-reminders/tokens.ts';

export const root = new URL('../../', import.meta.url).pathname;
export const certificate = readCertificate(Deno.env.get('TEST_CERT_DIR') ?? '');
const pgPort = Deno.env.get('TEST_PG_PORT');
if (!pgPort || !Deno.env.get('TEST_CERT_DIR')) throw new Error('Run these tests with `npm run test:functions`.');
const pgUrl = (role: string, database: string) => `postgresql://${role}@127.0.0.1:${pgPort}/${database}`;

/** Polls `probe` until it returns something truthy (a state, never a duration, decides). */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, limitMs = 60_000): Promise<NonNullable<T>> {
	const start = Date.now();
	for (;;) {
		const value = await probe();
		if (value) return value as NonNullable<T>;
		if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

let databases = 0;
/** A new database holding the migrations (a copy of the migrated `postgres`), and its superuser client. */
export async function newDatabase() {
	const name = `fn_${Deno.pid}_${++databases}`;
	const maintenance = postgres(pgUrl('supabase_admin', 'template1'), { max: 1, onnotice: () => {} });
	await maintenance.unsafe(`create database ${name} template postgres`);
	await maintenance.end();
	const admin = postgres(pgUrl('supabase_admin', name), { max: 4, onnotice: () => {} });
	return {
		name,
		/** What the function connects with (SUPABASE_DB_URL): the role postgres, as on Supabase. */
		url: pgUrl('postgres', name),
		admin,
		async drop() {
			await admin.end();
			const m = postgres(pgUrl('supabase_admin', 'template1'), { max: 1, onnotice: () => {} });
			await m.unsafe(`drop database if exists ${name} with (force)`);
			await m.end();
		}
	};
}

/** A VAPID key pair as `web-push generate-vapid-keys` prints it (base64url raw point and scalar). */
export function vapidKeys() {
	const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
	const pub = publicKey.export({ format: 'jwk' });
	const priv = privateKey.export({ format: 'jwk' });
	const raw = Buffer.concat([Buffer.from([4]), Buffer.from(pub.x!, 'base64url'), Buffer.from(pub.y!, 'base64url')]);
	return { publicKey: raw.toString('base64url'), privateKey: String(priv.d) };
}

export const SECRET = 'test-reminders-secret-0123456789';
export const APP_URL = 'https://app.example';

/** Starts the function as Supabase would run it: `deno run` of index.ts, settings in the environment. */
export async function startFunction(
	env: Record<string, string>,
	options: { preload?: string; chainToSelf?: boolean } = {}
) {
	const port = await freePort();
	const dir = `${root}supabase/functions/send-reminders`;
	const args = ['run', '-A', '--config', `${dir}/deno.json`];
	if (options.preload) args.push('--preload', options.preload);
	const child = new Deno.Command(`${root}node_modules/.bin/deno`, {
		args: [...args, `${dir}/index.ts`],
		env: {
			REMINDERS_SECRET: SECRET,
			PUSH_TIMEOUT_MS: '2000',
			...env,
			...(options.chainToSelf ? { REMINDERS_CHAIN_URL: `http://127.0.0.1:${port}` } : {}),
			PORT: String(port),
			HOST: '127.0.0.1',
			NO_COLOR: '1'
		},
		stdout: 'piped',
		stderr: 'piped'
	}).spawn();
	let output = '';
	const collect = async (stream: ReadableStream<Uint8Array>) => {
		for await (const chunk of stream.pipeThrough(new TextDecoderStream())) output += chunk;
	};
	const collected = Promise.all([collect(child.stdout), collect(child.stderr)]);
	const url = `http://127.0.0.1:${port}`;
	let exited = false;
	const status = child.status.then((s) => ((exited = true), s));
	await waitFor(async () => {
		if (exited) throw new Error(`the function exited:\n${output}`);
		try {
			await (await fetch(url)).body?.cancel();
			return true;
		} catch {
			return false;
		}
	}, 'the function to listen');
	return {
		url,
		output: () => output,
		/** POSTs a pass with the secret (or the given authorization) and returns status and JSON. */
		async run(authorization: string | null = `Bearer ${SECRET}`) {
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (authorization !== null) headers.authorization = authorization;
			const response = await fetch(url, { method: 'POST', headers, body: '{}' });
			return { status: response.status, body: await response.json() };
		},
		/** Kills the process outright (SIGKILL: no cleanup, like a crashed worker). */
		async kill() {
			if (!exited) child.kill('SIGKILL');
			await status;
			await collected;
		},
		async stop() {
			if (!exited) child.kill('SIGTERM');
			await status;
			await collected;
		}
	};
}

/**
 * Passes run in this process at chosen times (a later run, or simulated days), with the same
 * modules the function serves; pushes go over the network to the local push service as usual.
 */
export function sender(
	dbUrl: string,
	vapid: { publicKey: string; privateKey: string },
	options: { smtpUrl?: string; unsubscribeBase?: string } = {}
) {
	const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
	const push = pushSender({ subject: 'mailto:reminders@example.com', ...vapid }, 2000);
	const mail = options.smtpUrl ? mailer(options.smtpUrl, 'Follow-ups <reminders@example.com>', 4000) : undefined;
	return {
		run: (at: Date) =>
			runPass({
				sql,
				push,
				mail,
				now: at,
				appUrl: APP_URL,
				unsubscribeUrl: (userId) =>
					unsubscribeLink(options.unsubscribeBase ?? 'https://fn.example/unsubscribe', userId, SECRET)
			}),
		async close() {
			push.close();
			mail?.close();
			await sql.end();
		}
	};
}

/** One pass in this process at `at` (see sender). */
export async function runAt(
	dbUrl: string,
	at: Date,
	vapid: { publicKey: string; privateKey: string },
	options: { smtpUrl?: string; unsubscribeBase?: string } = {}
) {
	const s = sender(dbUrl, vapid, options);
	try {
		return await s.run(at);
	} finally {
		await s.close();
	}
}

/**
 * A fixed-offset zone where it is about noon now, and settings with no quiet hours and the digest
 * time at 23:59: a follow-up due in a few hours then makes a due_soon reminder at any hour the
 * tests run (no summary, no quiet hours in the way).
 */
export function middayUser() {
	const offset = 12 - new Date().getUTCHours(); // -11 … +12
	const timeZone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
	return { timeZone, settings: { quiet_start: '00:00', quiet_end: '00:00', digest_time: '23:59' } };
}

/** A database, a push service and VAPID keys; `env` is what the function needs to use them. */
export async function world() {
	const db = await newDatabase();
	const push = await startPushService({ certificate });
	const vapid = vapidKeys();
	const env = {
		SUPABASE_DB_URL: db.url,
		VAPID_PUBLIC_KEY: vapid.publicKey,
		VAPID_PRIVATE_KEY: vapid.privateKey,
		VAPID_SUBJECT: 'mailto:reminders@example.com',
		APP_URL
	};
	const device = (label: string) => push.subscribe({ label, applicationServerKey: vapid.publicKey });
	const claims = async () => Number((await db.admin`select count(*) as n from app_private.reminder_claims`)[0]!.n);
	const subscriptionsOf = async (user: string) =>
		(await db.admin`select endpoint from app_private.push_subscriptions where owner_id = ${user}`).map(
			(r) => r.endpoint as string
		);
	return {
		db,
		push,
		vapid,
		env,
		device,
		claims,
		subscriptionsOf,
		async close() {
			await push.stop();
			await db.drop();
		}
	};
}
