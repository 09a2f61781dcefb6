import { CHECK_IN_LEAD_MS, inQueue } from '$lib/domain/queue/queue-rules';
import type { FollowUp } from '$lib/domain/capture/records';
import type { LocalDb } from './db';

const HOUR = 3_600_000;

/**
 * How many follow-ups need action, counted through the queue's indexes: what the app shell shows
 * (the number on the navigation and the app icon, the reminder banner). The queue itself is
 * FollowUpQueue, which the shell does not load.
 */
export class FollowUpCounts {
	constructor(protected readonly db: LocalDb) {}

	/**
	 * Both numbers the shell shows, in one read: `now`, the items needing action now (the navigation
	 * and the app icon), and `within`, those due within `hours` (the reminder). The shell counts
	 * these after every change to a follow-up and every 30 seconds, so the queue indexes count them
	 * without reading a row (a cursor over 3,750 open items held IndexedDB for ~150 ms, and the next
	 * save waited), and only the snoozed items, few, are read to take them off. One transaction, not
	 * one per count: a saved contact re-runs this before the save is done.
	 */
	async actionCounts(now: number, hours: number): Promise<{ now: number; within: number }> {
		const { db } = this;
		const table = db.followUps;
		const until = now + hours * HOUR;
		const checkIns = now + CHECK_IN_LEAD_MS;
		const count = (kind: FollowUp['kind'], by: number) =>
			table.where('[status+kind+queueAt]').between(['open', kind, -Infinity], ['open', kind, by], true, true).count();
		return db.transaction('r', table, async () => {
			const [firsts, firstsSoon, checks, checksSoon, snoozed] = await Promise.all([
				count('follow-up', Infinity),
				count('follow-up', until),
				count('check-in', checkIns),
				count('check-in', Math.min(checkIns, until)),
				table
					.where('[status+snoozedUntil]')
					.between(['open', now], ['open', Infinity], false, true)
					.filter((f) => inQueue(f, now))
					.toArray()
			]);
			return {
				now: firsts + checks - snoozed.length,
				within: firstsSoon + checksSoon - snoozed.filter((f) => f.queueAt <= until).length
			};
		});
	}
}
