import type { NetworkingEvent } from '$lib/domain/capture/records';
import { followUpStats, type FollowUpStats } from '$lib/domain/queue/rate';
import type { LocalDb } from './db';

export interface Debrief {
	/** The event, or null for everyone met (no event picked and none recorded). */
	event: NetworkingEvent | null;
	stats: FollowUpStats;
}

/** Follow-up figures per event: the debrief, and the home screen's headline. */
export class DebriefStore {
	constructor(private readonly db: LocalDb) {}

	async forEvent(eventId: string | null, now: number): Promise<FollowUpStats> {
		const followUps = eventId
			? await this.db.followUps.where('eventId').equals(eventId).toArray()
			: await this.db.followUps.toArray();
		const [encounters, promises] = await Promise.all([
			this.db.encounters.bulkGet(followUps.map((f) => f.encounterId ?? '')),
			this.db.promises
				.where('followUpId')
				.anyOf(followUps.map((f) => f.id))
				.toArray()
		]);
		const metAt = new Map(encounters.filter((e) => e !== undefined).map((e) => [e.id, e.metAt]));
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
			(currentId ? await this.db.events.get(currentId) : undefined) ??
			(await this.db.events.orderBy('startDate').last());
		return { event: event ?? null, stats: await this.forEvent(event?.id ?? null, now) };
	}
}
