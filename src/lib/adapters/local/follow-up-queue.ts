import type { CalendarItem } from '$lib/domain/queue/calendar';
import type { FollowUp } from '$lib/domain/capture/records';
import type { QueuePage, QueueRow } from '$lib/domain/queue/views';
import { CHECK_IN_LEAD_MS, compareQueue, inQueue, onePerPerson } from '$lib/domain/queue/queue-rules';
import { FollowUpCounts } from './follow-up-counts';
import { EncounterRow, FollowUpRow, PersonRow, PromiseRow, readRow, readRows } from './rows';

/**
 * The follow-up queue, read through its indexes so the first screen never loads everything: what
 * the queue screen, the calendar export and the service worker's reminders read, on top of the
 * counts the app shell reads (FollowUpCounts). Acting on a follow-up is FollowUpStore.
 */
export class FollowUpQueue extends FollowUpCounts {
	/**
	 * Open first follow-ups and check-ins (due ones, or all with `lead` Infinity), each read in queue
	 * order, for one event or all. Fresh collections on every call: Dexie's limit() changes the
	 * collection it is called on.
	 */
	private ranges(eventId: string | null, lead: number) {
		const table = this.db.followUps;
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

	/** The items snoozed now that would otherwise be in the queue (few: read, not counted). */
	private async snoozedNow(eventId: string | null, now: number): Promise<FollowUp[]> {
		const rows = await this.db.followUps
			.where('[status+snoozedUntil]')
			.between(['open', now], ['open', Infinity], false, true)
			.toArray();
		return readRows(FollowUpRow, rows, 'follow-up')
			.filter((f) => inQueue(f, now) && (!eventId || f.eventId === eventId))
			.sort(compareQueue);
	}

	/**
	 * The first `limit` items of the queue with what a row shows, the queue's length, and the items
	 * snoozed now: a snooze hides an item from the queue (and its length) until it ends. One row per
	 * person: two open follow-ups for one person (made on two devices offline) show as the first.
	 */
	async page(eventId: string | null, now: number, limit: number): Promise<QueuePage> {
		const lead = now + CHECK_IN_LEAD_MS;
		const counts = this.ranges(eventId, lead);
		const [snoozed, countA, countB] = await Promise.all([
			this.snoozedNow(eventId, now),
			counts[0]!.count(),
			counts[1]!.count()
		]);
		// Snoozed items sit in the same ranges: read as many more as there are of them.
		const [firsts, checkIns] = this.ranges(eventId, lead);
		const [a, b] = await Promise.all([
			firsts!.limit(limit + snoozed.length).toArray(),
			checkIns!.limit(limit + snoozed.length).toArray()
		]);
		const hidden = new Set(snoozed.map((f) => f.id));
		const shown = readRows(FollowUpRow, [...a, ...b], 'follow-up')
			.filter((f) => !hidden.has(f.id))
			.sort(compareQueue);
		const items = onePerPerson(shown);
		const [rows, snoozedRows] = await Promise.all([this.rows(items.slice(0, limit)), this.rows(snoozed)]);
		return { rows, total: countA + countB - snoozed.length - (shown.length - items.length), snoozed: snoozedRows };
	}

	/** What a queue row shows for each item: the person, the first conversation's note, promises to keep. */
	private async rows(items: FollowUp[]): Promise<QueueRow[]> {
		if (!items.length) return [];
		const [people, encounters, promiseRows] = await Promise.all([
			this.db.people.bulkGet(items.map((i) => i.personId)),
			this.db.encounters.bulkGet(items.map((i) => i.encounterId ?? '')),
			this.db.promises
				.where('followUpId')
				.anyOf(items.map((i) => i.id))
				.toArray()
		]);
		const promises = readRows(PromiseRow, promiseRows, 'promise');
		return items.map((followUp, i) => ({
			followUp,
			person: readRow(PersonRow, people[i], 'person'),
			note: readRow(EncounterRow, encounters[i], 'encounter')?.note ?? '',
			openPromises: promises.filter((p) => p.followUpId === followUp.id && p.status === 'open').length
		}));
	}

	/** Every item in the queue now (not snoozed), for the reminders. */
	async allInQueue(now: number): Promise<QueueRow[]> {
		const { total } = await this.page(null, now, 1);
		return (await this.page(null, now, Math.max(total, 1))).rows;
	}

	/**
	 * Every open item with its open promises, for the calendar file: follow-ups, snoozed ones at the
	 * end of their snooze, and check-ins however far off (a calendar is where a check-in planned for
	 * months ahead belongs).
	 */
	async calendarItems(): Promise<CalendarItem[]> {
		const ranges = this.ranges(null, Infinity);
		const found = await Promise.all(ranges.map((range) => range.toArray()));
		const rows = await this.rows(onePerPerson(readRows(FollowUpRow, found.flat(), 'follow-up').sort(compareQueue)));
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
