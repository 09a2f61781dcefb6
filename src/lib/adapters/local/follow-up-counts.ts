import { CHECK_IN_LEAD_MS, inQueue } from '$lib/domain/queue/queue-rules';
import type { FollowUp } from '$lib/domain/capture/records';
import type { LocalDb } from './db';

const HOUR = 3_600_000;

/** What the app shell shows: how many need action, and the reminder's two numbers. */
export interface ActionCounts {
	/** Items needing action now (the navigation and the app icon). */
	now: number;
	/** Of those, follow-ups past their 48-hour deadline. */
	overdue: number;
	/** Of those, the others due within the reminder's hours. */
	dueSoon: number;
}

/**
 * How many follow-ups need action, counted through the queue's indexes: what the app shell shows
 * (the number on the navigation and the app icon, the reminder banner). The queue itself is
 * FollowUpQueue, which the shell does not load.
 */
export class FollowUpCounts {
	constructor(protected readonly db: LocalDb) {}

	/**
	 * The shell's numbers in one read, as reminderCounts and needsAction count them. The shell
	 * counts these after every change to a follow-up and every 30 seconds, so the indexes count them
	 * without reading a row (a cursor over 3,750 open items held IndexedDB for ~150 ms, and the next
	 * save waited), and only the snoozed items, few, are read to take them off. Follow-ups are overdue
	 * or coming due by their deadline (dueAt), check-ins by their place in the queue. One
	 * transaction, not one per count: a saved contact re-runs this before the save is done.
	 */
	async actionCounts(now: number, hours: number): Promise<ActionCounts> {
		const { db } = this;
		const table = db.followUps;
		const until = now + hours * HOUR;
		const checkIns = now + CHECK_IN_LEAD_MS;
		const byQueue = (kind: FollowUp['kind'], by: number) =>
			table.where('[status+kind+queueAt]').between(['open', kind, -Infinity], ['open', kind, by], true, true).count();
		const byDeadline = (from: number, to: number, toIncluded: boolean) =>
			table
				.where('[status+kind+dueAt]')
				.between(['open', 'follow-up', from], ['open', 'follow-up', to], true, toIncluded)
				.count();
		return db.transaction('r', table, async () => {
			const [firsts, overdue, firstsSoon, checks, checksSoon, snoozed] = await Promise.all([
				byQueue('follow-up', Infinity),
				byDeadline(-Infinity, now, false),
				byDeadline(now, until, true),
				byQueue('check-in', checkIns),
				byQueue('check-in', Math.min(checkIns, until)),
				table
					.where('[status+snoozedUntil]')
					.between(['open', now], ['open', Infinity], false, true)
					.filter((f) => inQueue(f, now))
					.toArray()
			]);
			// Each snoozed item is taken off the counts the indexes put it in.
			const snoozedFirsts = snoozed.filter((f) => f.kind === 'follow-up');
			const snoozedSoon = snoozed.filter((f) =>
				f.kind === 'follow-up' ? f.dueAt >= now && f.dueAt <= until : f.queueAt <= until
			);
			return {
				now: firsts + checks - snoozed.length,
				overdue: overdue - snoozedFirsts.filter((f) => f.dueAt < now).length,
				dueSoon: firstsSoon + checksSoon - snoozedSoon.length
			};
		});
	}
}
