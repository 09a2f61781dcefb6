import { followUpStats, type FollowUpStats } from '$lib/domain/queue/rate';
import { isEventOn } from '$lib/domain/events/event-on';
import type { Headline } from '$lib/domain/queue/views';
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
	 * everyone met; `current` while the event picked is on (new contacts belong to it, as
	 * state/current-event.ts files them).
	 */
	async headline(now: number): Promise<Headline> {
		const row = await this.db.settings.get('currentEventId');
		const currentId = typeof row?.value === 'string' ? row.value : null;
		const picked = readRow(EventRow, currentId ? await this.db.events.get(currentId) : undefined, 'event');
		const event = picked ?? readRow(EventRow, await this.db.events.orderBy('startDate').last(), 'event');
		const current = !!picked && isEventOn(picked, now);
		return { event, current, stats: await this.forEvent(event?.id ?? null, now) };
	}
}
