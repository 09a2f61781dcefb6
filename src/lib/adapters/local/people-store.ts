import { summarisePeople, type PersonDetail, type PersonSummary } from '$lib/domain/people/search';
import type { LocalDb } from './db';
import { EncounterRow, EventRow, FollowUpRow, PersonRow, PromiseRow, readRow, readRows } from './rows';

/** People met, with their encounters and what was promised. */
export class PeopleStore {
	constructor(private readonly db: LocalDb) {}

	async summaries(): Promise<PersonSummary[]> {
		const [people, encounters] = await Promise.all([this.db.people.toArray(), this.db.encounters.toArray()]);
		return summarisePeople(readRows(PersonRow, people, 'person'), readRows(EncounterRow, encounters, 'encounter'));
	}

	async detail(id: string): Promise<PersonDetail | null> {
		const person = readRow(PersonRow, await this.db.people.get(id), 'person');
		if (!person) return null;
		const [encounters, followUps, promises, events] = await Promise.all([
			this.db.encounters.where('[personId+metAt]').between([id, -Infinity], [id, Infinity]).reverse().toArray(),
			this.db.followUps.where('personId').equals(id).toArray(),
			this.db.promises.where('personId').equals(id).toArray(),
			this.db.events.toArray()
		]);
		const eventsById = new Map(readRows(EventRow, events, 'event').map((e) => [e.id, e]));
		return {
			person,
			encounters: readRows(EncounterRow, encounters, 'encounter').map((e) => ({
				...e,
				event: (e.eventId && eventsById.get(e.eventId)) || null
			})),
			followUps: readRows(FollowUpRow, followUps, 'follow-up'),
			promises: readRows(PromiseRow, promises, 'promise')
		};
	}
}
