import { followUpStats, type FollowUpStats } from '$lib/domain/queue/rate';
import type { Debrief } from '$lib/domain/queue/views';
import type { LocalDb } from './db';
import { EncounterRow, EventRow, FollowUpRow, PromiseRow, readRow, readRows } from './rows';

/** Follow-up figures per event: the debrief, and the home screen's headline. */
export class DebriefStore {
	constructor(private readonly db: LocalDb) {}

	async forEvent(eventId: string | null, now: number): Promise<FollowUpStats> {
		const rows = eventId
			? await this.db.followUps.where('eventId').equals(eventId).toArray()
			: await this.db.followUps.toArray();
		const followUps = readRows(FollowUpRow, rows, 'follow-up');
		const [encounterRows, promiseRows] = await Promise.all([
			this.db.encounters.bulkGet(followUps.map((f) => f.encounterId ?? '')),
			this.db.promises
				.where('followUpId')
				.anyOf(followUps.map((f) => f.id))
				.toArray()
		]);
		const encounters = readRows(EncounterRow, encounterRows.filter(Boolean), 'encounter');
		const metAt = new Map(encounters.map((e) => [e.id, e.metAt]));
		const promises = readRows(PromiseRow, promiseRows, 'promise');
		return followUpStats(followUps, promises, (f) => (f.encounterId ? metAt.get(f.encounterId) : undefined), now);
	}

	/**
	 * The headline: the 48-hour rate of the current event, else of the most recent one, else of
	 * everyone met.
	 */
	async headline(now: number): Promise<Debrief> {
		const current = await this.db.settings.get('currentEventId');
		const currentId = typeof current?.value === 'string' ? current.value : null;
		const event =
			readRow(EventRow, currentId ? await this.db.events.get(currentId) : undefined, 'event') ??
			readRow(EventRow, await this.db.events.orderBy('startDate').last(), 'event');
		return { event, stats: await this.forEvent(event?.id ?? null, now) };
	}
}
