import type { FollowUp, MessageDraft, PromiseItem } from '$lib/domain/capture/records';
import type { CalendarItem } from '$lib/domain/queue/calendar';
import type { FollowUpDetail, QueuePage, QueueRow } from '$lib/domain/queue/views';
import { CHECK_IN_LEAD_MS, compareQueue, dueWithin, needsAction } from '$lib/domain/queue/queue-rules';
import { changeLogTables, logChange } from './change-log';
import type { LocalDb } from './db';
import {
	CardRow,
	EncounterRow,
	EventRow,
	FollowUpRow,
	PersonRow,
	PromiseRow,
	plainCopy,
	readRow,
	readRows
} from './rows';

/** What an action changed, so it can be put back exactly ("Undo"). */
export interface UndoSnapshot {
	followUp: FollowUp | null;
	promises: PromiseItem[];
	createdIds: string[];
}

/** An action's writes: the follow-up's new state, promises it settled, records it created. */
export interface ActionChanges {
	followUp?: FollowUp;
	promises?: PromiseItem[];
	created?: FollowUp[];
}

/** The follow-up queue, read through its indexes so the first screen never loads everything. */
export class FollowUpStore {
	constructor(private readonly db: LocalDb) {}

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
		return this.countWhere(now, (f) => needsAction(f, now));
	}

	/** How many items need action within `hours` (or are overdue): the reminder on opening the app. */
	async dueWithinCount(now: number, hours: number): Promise<number> {
		return this.countWhere(now, (f) => dueWithin([f], now, hours).length > 0);
	}

	private async countWhere(now: number, test: (f: FollowUp) => boolean): Promise<number> {
		const counts = await Promise.all(this.ranges(null, now).map((range) => range.filter(test).count()));
		return counts.reduce((a, b) => a + b, 0);
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

	async detail(id: string): Promise<FollowUpDetail | null> {
		const followUp = readRow(FollowUpRow, await this.db.followUps.get(id), 'follow-up');
		if (!followUp) return null;
		const [person, encounter, event, promises, card] = await Promise.all([
			this.db.people.get(followUp.personId),
			followUp.encounterId ? this.db.encounters.get(followUp.encounterId) : undefined,
			followUp.eventId ? this.db.events.get(followUp.eventId) : undefined,
			followUp.encounterId ? this.db.promises.where('encounterId').equals(followUp.encounterId).toArray() : [],
			this.db.settings.get('myCard')
		]);
		return {
			followUp,
			person: readRow(PersonRow, person, 'person'),
			encounter: readRow(EncounterRow, encounter, 'encounter'),
			event: readRow(EventRow, event, 'event'),
			promises: readRows(PromiseRow, promises, 'promise'),
			card: readRow(CardRow, card?.value, 'card')
		};
	}

	/**
	 * Writes an action's result in one transaction. The stored message wording is kept: an action
	 * must not undo an edit that landed while it was being decided. Returns what is needed to undo it.
	 */
	async apply(changes: ActionChanges): Promise<UndoSnapshot> {
		const { db } = this;
		return db.transaction('rw', [db.followUps, db.promises, ...changeLogTables(db)], async () => {
			let previous: FollowUp | null = null;
			if (changes.followUp) {
				previous = readRow(FollowUpRow, await db.followUps.get(changes.followUp.id), 'follow-up');
				if (!previous) throw new Error('This follow-up is no longer on this device.');
				const next = { ...changes.followUp, message: previous.message };
				await db.followUps.put(plainCopy(next));
				await logChange(db, 'followUps', previous, next);
			}
			const before: PromiseItem[] = [];
			for (const promise of changes.promises ?? []) {
				const old = readRow(PromiseRow, await db.promises.get(promise.id), 'promise');
				if (old) before.push(old);
				await db.promises.put(plainCopy(promise));
				await logChange(db, 'promises', old, promise);
			}
			for (const created of changes.created ?? []) {
				await db.followUps.add(plainCopy(created));
				await logChange(db, 'followUps', null, created);
			}
			return { followUp: previous, promises: before, createdIds: (changes.created ?? []).map((c) => c.id) };
		});
	}

	/** Puts back what an action changed (and tells the server, like any other change). */
	async undo(snapshot: UndoSnapshot): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.followUps, db.promises, ...changeLogTables(db)], async () => {
			if (snapshot.followUp) {
				const current = await db.followUps.get(snapshot.followUp.id);
				const restored = { ...snapshot.followUp, message: current?.message ?? snapshot.followUp.message };
				await db.followUps.put(restored);
				await logChange(db, 'followUps', current, restored);
			}
			for (const promise of snapshot.promises) {
				const current = await db.promises.get(promise.id);
				await db.promises.put(promise);
				await logChange(db, 'promises', current, promise);
			}
			for (const id of snapshot.createdIds) {
				const current = await db.followUps.get(id);
				await db.followUps.delete(id);
				await logChange(db, 'followUps', current, null);
			}
		});
	}

	/** Stores the user's wording of the message (null: back to the suggested one). Changes nothing else. */
	async setMessage(id: string, message: MessageDraft | null, now: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.followUps, ...changeLogTables(db)], async () => {
			const current = await db.followUps.get(id);
			if (!current) return;
			const next = { ...current, message: message && plainCopy(message), updatedAt: now };
			await db.followUps.put(next);
			await logChange(db, 'followUps', current, next);
		});
	}

	/** A check-in for someone, outside any follow-up (e.g. a person imported from the phone). */
	async addCheckIn(checkIn: FollowUp): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.followUps, ...changeLogTables(db)], async () => {
			await db.followUps.add(plainCopy(checkIn));
			await logChange(db, 'followUps', null, checkIn);
		});
	}
}
