import { followUpStats, type FollowUpStats } from '$lib/domain/queue/rate';
import type { Debrief } from '$lib/domain/queue/views';
import type { LocalDb } from './db';
import { EncounterRow, EventRow, FollowUpRow, PromiseRow, readRow, readRows } from './rows';

/** Follow-up figures per event: the debrief, and the home screen's headline. */
export class DebriefStore {
	constructor(private readonly db: LocalDb) {}

	/**
	 * The figures for an event's follow-ups; "people met" are the people with a conversation at the
	 * event, as the People list's "Met at" filter finds them (or everyone met at all, for null).
	 */
	async forEvent(eventId: string | null, now: number): Promise<FollowUpStats> {
		const { db } = this;
		const [rows, met] = await Promise.all([
			eventId ? db.followUps.where('eventId').equals(eventId).toArray() : db.followUps.toArray(),
			eventId ? db.encounters.where('eventId').equals(eventId).toArray() : db.encounters.toArray()
		]);
		const followUps = readRows(FollowUpRow, rows, 'follow-up');
		const encounters = readRows(EncounterRow, met, 'encounter');
		const known = new Set(encounters.map((e) => e.id));
		// A follow-up's first conversation is normally at its event; read it when it is not.
		const missing = followUps.map((f) => f.encounterId).filter((id): id is string => !!id && !known.has(id));
		const [elsewhere, promiseRows] = await Promise.all([
			missing.length ? db.encounters.bulkGet(missing) : [],
			db.promises
				.where('followUpId')
				.anyOf(followUps.map((f) => f.id))
				.toArray()
		]);
		const others = readRows(EncounterRow, elsewhere.filter(Boolean), 'encounter');
		return followUpStats({
			followUps,
			promises: readRows(PromiseRow, promiseRows, 'promise'),
			encounters,
			now,
			meetings: others
		});
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
