import type { FollowUp, PromiseItem } from '../capture/records';

export interface FollowUpStats {
	/** People with a follow-up after meeting them. */
	met: number;
	/** Follow-ups whose 48 hours are over or that are done, not counting "not a fit". */
	counted: number;
	/** Of those, done within 48 hours (by the original deadline, snoozes notwithstanding). */
	onTime: number;
	/** onTime / counted, or null when nothing can be counted yet. */
	rate: number | null;
	/** Median time from meeting to follow-up, over done follow-ups; null when none is done. */
	medianMs: number | null;
	doneLate: number;
	overdueNow: number;
	notAFit: number;
	promisesOpen: number;
	promisesKept: number;
}

function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The 48-hour follow-up rate and its companions for a set of follow-ups (an event's, or all).
 * Only first follow-ups count (check-ins do not); `metAt` gives each one's meeting time.
 * A follow-up still inside its 48 hours is not counted either way yet.
 */
export function followUpStats(
	followUps: readonly FollowUp[],
	promises: readonly PromiseItem[],
	metAt: (followUp: FollowUp) => number | undefined,
	now: number
): FollowUpStats {
	const firsts = followUps.filter((f) => f.kind === 'follow-up');
	const counted = firsts.filter((f) => f.status !== 'not-a-fit' && (f.status === 'done' || f.dueAt <= now));
	const done = firsts.filter((f) => f.status === 'done' && f.doneAt !== null);
	const onTime = done.filter((f) => f.doneAt! <= f.dueAt).length;
	const delays = done.map((f) => f.doneAt! - (metAt(f) ?? f.createdAt)).filter((ms) => ms >= 0);
	return {
		met: new Set(firsts.map((f) => f.personId)).size,
		counted: counted.length,
		onTime,
		rate: counted.length ? onTime / counted.length : null,
		medianMs: median(delays),
		doneLate: done.length - onTime,
		overdueNow: firsts.filter((f) => f.status === 'open' && f.dueAt < now).length,
		notAFit: firsts.filter((f) => f.status === 'not-a-fit').length,
		promisesOpen: promises.filter((p) => p.status === 'open').length,
		promisesKept: promises.filter((p) => p.status === 'kept').length
	};
}
