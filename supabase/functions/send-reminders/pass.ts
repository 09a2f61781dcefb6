// One pass of the sender: claim due reminders in batches, push each to every device of its user,
// mail the digest where it is on, and record the outcome. Stops claiming when its CPU or wall-clock
// budget is spent (Edge Functions allow 2 s of CPU per request), so a big backlog takes several
// requests; what it claimed it always finishes.
import process from 'node:process';
import type postgres from 'npm:postgres@3.4.7';
import { type Claim, readClaim, type Subscription } from './claim.ts';
import { type Digest, digestFor } from './mail.ts';
import { pushMessage } from './message.ts';
import type { Delivery, PushOptions } from './push.ts';

export interface PassDeps {
	sql: postgres.Sql;
	push: { send(subscription: Subscription, payload: string, options: PushOptions): Promise<Delivery> };
	/** Absent when no SMTP is configured: a digest-only reminder then waits, to be retried. */
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
	/** Pushes the push services accepted (201). */
	sent: number;
	/** Reminders released for a later run: a device or the email to retry (429, 5xx, timeout, mail not sent). */
	retried: number;
	/** Subscriptions that answered 404/410, now deleted. */
	gone: number;
	failed: number;
	emailed: number;
	/** Finished reminders older than a week taken out of the ledger (app_private.prune_reminders). */
	pruned: number;
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

type Status = 'sent' | 'retry' | 'failed';
type Outcome = {
	status: Status;
	/** Each target's own outcome: a device (its subscription id) or the email. */
	targets?: { target: string; status: Status }[];
	gone?: string[];
	retry_after?: number;
	attempt?: number;
	error?: string;
};

async function deliver(claim: Claim, deps: PassDeps, summary: Summary): Promise<Outcome> {
	const payload = JSON.stringify(pushMessage(claim, deps.appUrl));
	const options = { ttlSeconds: TTL_SECONDS[claim.kind], urgency: URGENCY[claim.kind], topic: claim.tag };
	const results = await Promise.all(claim.subscriptions.map((s) => deps.push.send(s, payload, options)));
	const count = (what: Delivery['result']) => results.filter((r) => r.result === what).length;
	const gone = claim.subscriptions.filter((_, i) => results[i]!.result === 'gone').map((s) => s.id);
	let emailed = false;
	let mailWaits = false;
	if (claim.kind === 'summary' && claim.email) {
		const digest = deps.appUrl ? digestFor(claim, deps.appUrl, deps.unsubscribeUrl(claim.userId)) : undefined;
		emailed = digest && deps.mail ? await deps.mail.send({ ...digest, to: claim.email }) : false;
		mailWaits = !emailed;
	}
	summary.sent += count('sent');
	summary.gone += gone.length;
	summary.failed += count('failed');
	if (emailed) summary.emailed += 1;
	// The ledger settles each target on its own (a gone device's row goes with its subscription): a
	// device or inbox that got it is never sent it again, one that failed for now is retried on a
	// later run, with the others left out.
	const targets: NonNullable<Outcome['targets']> = claim.subscriptions.flatMap((s, i) => {
		const result = results[i]!.result;
		return result === 'gone' ? [] : [{ target: s.id, status: result }];
	});
	if (claim.kind === 'summary' && claim.email) targets.push({ target: 'email', status: emailed ? 'sent' : 'retry' });
	const attempt = claim.attempt;
	if (count('retry') > 0 || mailWaits) {
		const retryAfter = Math.max(0, ...results.map((r) => r.retryAfter ?? 0));
		summary.retried += 1;
		const status = count('sent') > 0 || emailed ? 'sent' : 'retry';
		return { status, targets, gone, attempt, ...(retryAfter ? { retry_after: retryAfter } : {}) };
	}
	if (count('sent') > 0 || emailed) return { status: 'sent', targets, gone, attempt };
	return {
		status: 'failed',
		targets,
		gone,
		attempt,
		error: gone.length ? 'every device is gone' : 'refused by the push service'
	};
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
		pruned: 0,
		more: false,
		cpu_ms: 0,
		wall_ms: 0
	};
	const at = deps.now ? deps.now.toISOString() : null;
	const finish = (claimId: unknown, outcome: Outcome) =>
		sql`select app_private.finish_reminder(${String(claimId)}, ${sql.json(outcome)})`;
	// A batch is claimed only if it fits: the dearest batch so far, on top of what is spent, stays
	// within the budget (a claimed batch is always finished, whatever it costs).
	let dearest = 0;
	for (;;) {
		const spent = cpuNow() - cpuStart;
		if (spent + dearest > cpuBudgetMs || performance.now() - wallStart > wallBudgetMs) {
			summary.more = true;
			break;
		}
		const rows =
			await sql`select * from app_private.claim_reminders(coalesce(${at}::timestamptz, now()), ${batchSize})`;
		summary.claimed += rows.length;
		const queue = [...rows];
		const worker = async () => {
			for (let row = queue.shift(); row; row = queue.shift()) {
				let outcome: Outcome;
				try {
					outcome = await deliver(readClaim(row), deps, summary);
				} catch (error) {
					// A row this sender cannot read: recorded, not retried for ever.
					summary.failed += 1;
					outcome = { status: 'failed', error: String((error as Error).message).slice(0, 1000) };
				}
				await finish(row.claim_id, outcome);
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
		dearest = Math.max(dearest, cpuNow() - cpuStart - spent);
		if (rows.length < batchSize) break;
	}
	// The ledger's old rows, once the due work is done (a pass that ran out of budget leaves it to the
	// next). Pruning is housekeeping: its failure never fails the pass.
	if (!summary.more) {
		try {
			const [pruned] = await sql`select app_private.prune_reminders(coalesce(${at}::timestamptz, now()), 1000) as n`;
			summary.pruned = Number(pruned?.n ?? 0);
		} catch (error) {
			console.error(`ledger not pruned: ${(error as Error).message}`);
		}
	}
	summary.cpu_ms = Math.round(cpuNow() - cpuStart);
	summary.wall_ms = Math.round(performance.now() - wallStart);
	return summary;
}
