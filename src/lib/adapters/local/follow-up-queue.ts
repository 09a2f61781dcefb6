import type { CalendarItem } from '$lib/domain/queue/calendar';
import type { QueuePage, QueueRow } from '$lib/domain/queue/views';
import { CHECK_IN_LEAD_MS, compareQueue } from '$lib/domain/queue/queue-rules';
import { FollowUpCounts } from './follow-up-counts';
import { EncounterRow, FollowUpRow, PersonRow, PromiseRow, readRow, readRows } from './rows';

/**
 * The follow-up queue, read through its indexes so the first screen never loads everything: what
 * the queue screen, the calendar export and the service worker's reminders read, on top of the
 * counts the app shell reads (FollowUpCounts). Acting on a follow-up is FollowUpStore.
 */
export class FollowUpQueue extends FollowUpCounts {
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
