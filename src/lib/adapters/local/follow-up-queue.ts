import type { CalendarItem } from '$lib/domain/queue/calendar';
import type { QueuePage, QueueRow } from '$lib/domain/queue/views';
import { CHECK_IN_LEAD_MS, compareQueue, inQueue } from '$lib/domain/queue/queue-rules';
import type { LocalDb } from './db';
import { EncounterRow, FollowUpRow, PersonRow, PromiseRow, readRow, readRows } from './rows';

const HOUR = 3_600_000;

/**
 * The follow-up queue, read through its indexes so the first screen never loads everything: what
 * the app shell (the count on the navigation, the reminder banner), the queue screen, the calendar
 * export and the service worker's reminders read. Acting on a follow-up is FollowUpStore.
 */
export class FollowUpQueue {
	constructor(protected readonly db: LocalDb) {}

	/**
	 * Open first follow-ups and due check-ins, each read in queue order, for one event or all.
	 * Fresh collections on every call: Dexie's limit() changes the collection it is called on.
	 */
	private ranges(eventId: string | null, now: number) {
		const table = this.db.followUps;
		const lead = now + CHECK_IN_LEAD_MS;
		if (eventId) {
			const index = () => table.where('[eventId+status+kind+queueAt]');
			return [
				index().between([eventId, 'open', 'follow-up', -Infinity], [eventId, 'open', 'follow-up', Infinity]),
				index().between([eventId, 'open', 'check-in', -Infinity], [eventId, 'open', 'check-in', lead], true, true)
			];
		}
		const index = () => table.where('[status+kind+queueAt]');
		return [
			index().between(['open', 'follow-up', -Infinity], ['open', 'follow-up', Infinity]),
			index().between(['open', 'check-in', -Infinity], ['open', 'check-in', lead], true, true)
		];
	}

	/** The first `limit` items of the queue with what a row shows, and the queue's length. */
	async page(eventId: string | null, now: number, limit: number): Promise<QueuePage> {
		const [firsts, checkIns] = this.ranges(eventId, now);
		const counts = this.ranges(eventId, now);
		const [a, b, countA, countB] = await Promise.all([
			firsts!.limit(limit).toArray(),
			checkIns!.limit(limit).toArray(),
			counts[0]!.count(),
			counts[1]!.count()
		]);
		const items = readRows(FollowUpRow, [...a, ...b], 'follow-up')
			.sort(compareQueue)
			.slice(0, limit);
		const [people, encounters, promiseRows] = await Promise.all([
			this.db.people.bulkGet(items.map((i) => i.personId)),
			this.db.encounters.bulkGet(items.map((i) => i.encounterId ?? '')),
			this.db.promises
				.where('followUpId')
				.anyOf(items.map((i) => i.id))
				.toArray()
		]);
		const promises = readRows(PromiseRow, promiseRows, 'promise');
		const rows = items.map((followUp, i) => ({
			followUp,
			person: readRow(PersonRow, people[i], 'person'),
			note: readRow(EncounterRow, encounters[i], 'encounter')?.note ?? '',
			openPromises: promises.filter((p) => p.followUpId === followUp.id && p.status === 'open').length
		}));
		return { rows, total: countA + countB };
	}

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

	/** Every item in the queue, for the calendar file and reminders. */
	async allInQueue(now: number): Promise<QueueRow[]> {
		const { total } = await this.page(null, now, 1);
		return (await this.page(null, now, Math.max(total, 1))).rows;
	}

	/** Every item in the queue with its open promises, for the calendar file. */
	async calendarItems(now: number): Promise<CalendarItem[]> {
		const rows = await this.allInQueue(now);
		const promises = readRows(
			PromiseRow,
			await this.db.promises
				.where('followUpId')
				.anyOf(rows.map((r) => r.followUp.id))
				.toArray(),
			'promise'
		);
		return rows.map((row) => ({
			followUp: row.followUp,
			personName: row.person?.name ?? 'Someone',
			note: row.note,
			promises: promises.filter((p) => p.followUpId === row.followUp.id && p.status === 'open').map((p) => p.text)
		}));
	}

	async openPromiseCount(): Promise<number> {
		return this.db.promises.where('status').equals('open').count();
	}
}
