import { CHECK_IN_LEAD_MS, inQueue } from '$lib/domain/queue/queue-rules';
import type { LocalDb } from './db';

const HOUR = 3_600_000;

/**
 * How many follow-ups need action, counted through the queue's indexes: what the app shell shows
 * (the number on the navigation and the app icon, the reminder banner). The queue itself is
 * FollowUpQueue, which the shell does not load.
 */
export class FollowUpCounts {
	constructor(protected readonly db: LocalDb) {}

	/** How many items need action now (the number on the navigation and the app icon). */
	async needsActionCount(now: number): Promise<number> {
		return this.countNeedingAction(now, Infinity);
	}

	/** How many items need action within `hours` (or are overdue): the reminder on opening the app. */
	async dueWithinCount(now: number, hours: number): Promise<number> {
		return this.countNeedingAction(now, now + hours * HOUR);
	}

	/**
	 * Items in the queue, not snoozed, queued by `until`. The shell counts these after every change
	 * to a follow-up and every 30 seconds, so the queue indexes count them without reading a row
	 * (a cursor over 3,750 open items held IndexedDB for ~150 ms, and the next save waited), and only
	 * the snoozed items, few, are read to take them off.
	 */
	private async countNeedingAction(now: number, until: number): Promise<number> {
		const table = this.db.followUps;
		const queue = () => table.where('[status+kind+queueAt]');
		const checkInsUntil = Math.min(now + CHECK_IN_LEAD_MS, until);
		const [firsts, checkIns, snoozed] = await Promise.all([
			queue().between(['open', 'follow-up', -Infinity], ['open', 'follow-up', until], true, true).count(),
			queue().between(['open', 'check-in', -Infinity], ['open', 'check-in', checkInsUntil], true, true).count(),
			table
				.where('[status+snoozedUntil]')
				.between(['open', now], ['open', Infinity], false, true)
				.filter((f) => inQueue(f, now) && f.queueAt <= until)
				.count()
		]);
		return firsts + checkIns - snoozed;
	}
}
