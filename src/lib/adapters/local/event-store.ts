import type { NetworkingEvent } from '$lib/domain/capture/records';
import type { LocalDb } from './db';
import { EventRow, plainCopy, readRow, readRows } from './rows';

// What sync sends is logged with each change; that code loads with a screen's first change.
const changeLog = () => import('./change-log');

/** Events the user has been to, newest first. */
export class EventStore {
	constructor(private readonly db: LocalDb) {}

	async list(): Promise<NetworkingEvent[]> {
		return readRows(EventRow, await this.db.events.orderBy('startDate').reverse().toArray(), 'event');
	}

	async get(id: string): Promise<NetworkingEvent | null> {
		return readRow(EventRow, await this.db.events.get(id), 'event');
	}

	async create(event: NetworkingEvent): Promise<void> {
		const { db } = this;
		const { changeLogTables, logChange } = await changeLog();
		await db.transaction('rw', [db.events, ...changeLogTables(db)], async () => {
			await db.events.add(plainCopy(event));
			await logChange(db, 'events', null, event);
		});
	}

	/** Moves an event to another time zone (the one it is really in, once the user got there). */
	async setTimeZone(id: string, timeZone: string): Promise<void> {
		const { db } = this;
		const { changeLogTables, logChange } = await changeLog();
		await db.transaction('rw', [db.events, ...changeLogTables(db)], async () => {
			const before = readRow(EventRow, await db.events.get(id), 'event');
			if (!before || before.timeZone === timeZone) return;
			const after = { ...before, timeZone };
			await db.events.put(plainCopy(after));
			await logChange(db, 'events', before, after);
		});
	}
}
