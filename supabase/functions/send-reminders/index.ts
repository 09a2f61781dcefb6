// Supabase Edge Function `send-reminders`: each authorised POST runs one pass of the reminder
// sender (pass.ts); POST /unsubscribe?token=… (no bearer: it is the digest's one-click link, RFC
// 8058) turns the email digest off. Run locally with `npx deno run -A
// supabase/functions/send-reminders/index.ts`. Settings come from the environment (see README.md).
import process from 'node:process';
import postgres from 'npm:postgres@3.4.7';
import { mailer } from './mail.ts';
import { runPass } from './pass.ts';
import { pushSender } from './push.ts';
import { bearerMatches, unsubscribeLink, userOfToken } from './tokens.ts';
import { unsubscribePage, turnDigestOff } from './unsubscribe.ts';

const env = (name: string) => Deno.env.get(name) ?? '';
const number = (name: string, fallback: number) => Number(env(name)) || fallback;
const secret = env('REMINDERS_SECRET');

let sql: postgres.Sql | undefined;
const database = () =>
	(sql ??= postgres(env('SUPABASE_DB_URL'), { max: 4, prepare: false, idle_timeout: 20, onnotice: () => {} }));

const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Where the digest's unsubscribe link points: this function's public URL. */
function unsubscribeUrl(userId: string): string {
	const base = env('UNSUBSCRIBE_URL') || `${env('SUPABASE_URL')}/functions/v1/send-reminders/unsubscribe`;
	return unsubscribeLink(base, userId, secret);
}

/**
 * Where a pass that left work due hands on: this function again, so a backlog (10,000 due at once
 * takes about 26 requests' CPU) is sent within minutes, not one request per scheduled run.
 * Hosted, SUPABASE_URL is set for every function; REMINDERS_CHAIN_URL overrides it (tests).
 */
function chainUrl(): string {
	if (env('REMINDERS_CHAIN_URL')) return env('REMINDERS_CHAIN_URL');
	return env('SUPABASE_URL') ? `${env('SUPABASE_URL')}/functions/v1/send-reminders` : '';
}
const HOP = 'x-reminders-hop';

/** Hosted Edge Functions stop a request's work when it answers, unless told to wait for a promise. */
function keepAlive(work: Promise<unknown>): void {
	(globalThis as { EdgeRuntime?: { waitUntil(p: Promise<unknown>): void } }).EdgeRuntime?.waitUntil(work);
}

function handOn(hop: number): void {
	const url = chainUrl();
	if (!url) return;
	if (hop >= number('REMINDERS_CHAIN_MAX', 100)) {
		console.warn(`reminders: chain stopped at hop ${hop}; the next scheduled run goes on`);
		return;
	}
	const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json', [HOP]: String(hop + 1) };
	// The next hop answers at once (202) and works after answering, so no request waits on the rest.
	keepAlive(
		fetch(url, { method: 'POST', headers, body: '{}' })
			.then((response) => response.body?.cancel())
			.catch((error) => console.error('reminders: handing on failed; the next scheduled run goes on', error))
	);
}

async function pass(hop = 0): Promise<Response> {
	const cpuStart = process.cpuUsage();
	const timeoutMs = number('PUSH_TIMEOUT_MS', 5000);
	const push = pushSender(
		{ subject: env('VAPID_SUBJECT'), publicKey: env('VAPID_PUBLIC_KEY'), privateKey: env('VAPID_PRIVATE_KEY') },
		timeoutMs
	);
	const mail = env('SMTP_URL') ? mailer(env('SMTP_URL'), env('MAIL_FROM'), timeoutMs * 2) : undefined;
	try {
		const summary = await runPass({
			sql: database(),
			push,
			mail,
			appUrl: env('APP_URL') || undefined,
			unsubscribeUrl,
			batchSize: number('REMINDERS_BATCH', 100),
			cpuBudgetMs: number('REMINDERS_CPU_BUDGET_MS', 1200)
		});
		const used = process.cpuUsage(cpuStart);
		if (summary.more) handOn(hop);
		else if (hop > 0) console.warn(`reminders: chain done at hop ${hop}`);
		return json({ ...summary, cpu_ms: Math.round((used.user + used.system) / 1000) });
	} finally {
		push.close();
		mail?.close();
	}
}

async function handle(request: Request): Promise<Response> {
	const url = new URL(request.url);
	if (url.pathname.endsWith('/unsubscribe')) {
		const userId = secret ? userOfToken(url.searchParams.get('token') ?? '', secret) : null;
		if (request.method === 'GET') return unsubscribePage(userId !== null, url);
		if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 });
		if (!userId) return unsubscribePage(false, url, 403);
		await turnDigestOff(database(), userId);
		return unsubscribePage(true, url, 200, true);
	}
	if (!secret) return json({ error: 'REMINDERS_SECRET is not set' }, 500);
	if (!bearerMatches(request.headers.get('authorization'), secret)) return json({ error: 'unauthorized' }, 401);
	if (request.method !== 'POST') return json({ error: 'POST to run a pass' }, 405);
	const hop = Number(request.headers.get(HOP)) || 0;
	if (hop > 0) {
		// A hop of the chain: answer now, work after (its summary is only logged).
		keepAlive(pass(hop).catch((error) => console.error('reminders: a chained pass failed', error)));
		return json({ accepted: true, hop }, 202);
	}
	return pass();
}

Deno.serve({ port: number('PORT', 8000), hostname: env('HOST') || '0.0.0.0' }, async (request) => {
	try {
		return await handle(request);
	} catch (error) {
		console.error(error);
		return json(
			{ error: 'the pass failed; nothing claimed and unfinished is lost (it is re-claimed after its lease)' },
			500
		);
	}
});
