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

async function pass(): Promise<Response> {
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
