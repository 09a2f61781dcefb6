// One pass of the sender: claim due reminders in batches, push each to every device of its user,
// mail the digest where it is on, and record the outcome. Stops claiming when its CPU or wall-clock
// budget is spent (Edge Functions allow 2 s of CPU per request), so a big backlog takes several
// requests; what it claimed it always finishes.
import process from 'node:process';
import type postgres from 'npm:postgres@3.4.7';
import { type Claim, readClaim, topicOf } from './claim.ts';
import type { Digest } from './mail.ts';
import { digestFor } from './mail.ts';
import { pushMessage } from './message.ts';
import type { Delivery, PushOptions } from './push.ts';
import type { Subscription } from './claim.ts';

export interface PassDeps {
	sql: postgres.Sql;
	push: { send(subscription: Subscription, payload: string, options: PushOptions): Promise<Delivery> };
	/** Absent when no SMTP is configured: digests are then left to retry. */
	mail?: { send(digest: Digest): Promise<boolean> };
	appUrl: string | undefined;
	unsubscribeUrl(userId: string): string;
	/** The time to claim at; the database's own clock when absent (one clock for every sender). */
	now?: Date;
	batchSize?: number;
	concurrency?: number;
	cpuBudgetMs?: number;
	wallBudgetMs?: number;
}

export interface Summary {
	claimed: number;
	sent: number;
	retried: number;
	gone: number;
	failed: number;
	emailed: number;
	/** True when the pass stopped on its budget with work possibly left: call again. */
	more: boolean;
	cpu_ms: number;
	wall_ms: number;
}

const TTL_SECONDS: Record<Claim['kind'], number> = { due_soon: 6 * 3600, overdue: 24 * 3600, summary: 12 * 3600 };
const URGENCY: Record<Claim['kind'], PushOptions['urgency']> = {
	due_soon: 'high',
	overdue: 'normal',
	summary: 'normal'
};

const cpuNow = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

async function deliver(claim: Claim, deps: PassDeps, summary: Summary) {
	const payload = JSON.stringify(pushMessage(claim, deps.appUrl));
	const options = { ttlSeconds: TTL_SECONDS[claim.kind], urgency: URGENCY[claim.kind], topic: topicOf(claim.key) };
	const results = await Promise.all(claim.subscriptions.map((s) => deps.push.send(s, payload, options)));
	const ids = (what: Delivery) => claim.subscriptions.filter((_, i) => results[i] === what).map((s) => s.id);
	const outcome = { sent: ids('sent'), gone: ids('gone'), retry: ids('retry'), failed: ids('failed'), emailed: false };
	let mailRetry = false;
	if (claim.kind === 'summary' && claim.email) {
		const digest = deps.appUrl && digestFor(claim, deps.appUrl, deps.unsubscribeUrl(claim.userId));
		outcome.emailed = digest && deps.mail ? await deps.mail.send({ ...digest, to: claim.email }) : false;
		mailRetry = !outcome.emailed;
	}
	summary.sent += outcome.sent.length;
	summary.gone += outcome.gone.length;
	summary.failed += outcome.failed.length;
	if (outcome.emailed) summary.emailed += 1;
	const status = outcome.retry.length > 0 || mailRetry ? 'retry' : 'sent';
	if (status === 'retry') summary.retried += 1;
	await deps.sql`select app_private.finish_reminder(${claim.claimId}, ${deps.sql.json({ status, ...outcome })})`;
}

/** Runs one pass; resolves with what it did. */
export async function runPass(deps: PassDeps): Promise<Summary> {
	const { sql, batchSize = 100, concurrency = 16, cpuBudgetMs = 1200, wallBudgetMs = 100_000 } = deps;
	const cpuStart = cpuNow();
	const wallStart = performance.now();
	const summary: Summary = {
		claimed: 0,
		sent: 0,
		retried: 0,
		gone: 0,
		failed: 0,
		emailed: 0,
		more: false,
		cpu_ms: 0,
		wall_ms: 0
	};
	const at = deps.now ? deps.now.toISOString() : null;
	// A claim released for a retry is not sent again in the same pass, even if the database offers it.
	const seen = new Set<string>();
	for (;;) {
		if (cpuNow() - cpuStart > cpuBudgetMs || performance.now() - wallStart > wallBudgetMs) {
			summary.more = true;
			break;
		}
		const rows =
			await sql`select * from app_private.claim_reminders(coalesce(${at}::timestamptz, now()), ${batchSize})`;
		const fresh = rows.filter((row) => !seen.has(String(row.ledger_key ?? row.claim_id)));
		for (const row of rows) seen.add(String(row.ledger_key ?? row.claim_id));
		summary.claimed += fresh.length;
		for (const row of rows.filter((r) => !fresh.includes(r)))
			await sql`select app_private.finish_reminder(${row.claim_id}, ${sql.json({ status: 'retry', sent: [], gone: [], retry: [], failed: [] })})`;
		const queue = [...fresh];
		const worker = async () => {
			for (let row = queue.shift(); row; row = queue.shift()) {
				let claim: Claim;
				try {
					claim = readClaim(row);
				} catch (error) {
					console.error((error as Error).message);
					summary.failed += 1;
					await sql`select app_private.finish_reminder(${row.claim_id}, ${sql.json({ status: 'failed', sent: [], gone: [], retry: [], failed: [] })})`;
					continue;
				}
				await deliver(claim, deps, summary);
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
		if (rows.length < batchSize || fresh.length === 0) break;
	}
	summary.cpu_ms = Math.round(cpuNow() - cpuStart);
	summary.wall_ms = Math.round(performance.now() - wallStart);
	return summary;
}
