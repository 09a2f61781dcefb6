import type { Encounter, FollowUp, NetworkingEvent, Person, PromiseItem } from '$lib/domain/capture/records';
import { summarisePeople, type PersonSummary } from '$lib/domain/people/search';
import type { LocalDb } from './db';
import { PersonRow, readRow } from './rows';

export interface PersonDetail {
	person: Person;
	encounters: (Encounter & { event: NetworkingEvent | null })[];
	followUps: FollowUp[];
	promises: PromiseItem[];
}

/** People met, with their encounters and what was promised. */
export class PeopleStore {
	constructor(private readonly db: LocalDb) {}

	async summaries(): Promise<PersonSummary[]> {
		const [rows, encounters] = await Promise.all([this.db.people.toArray(), this.db.encounters.toArray()]);
		const people = rows.map((row) => readRow(PersonRow, row, 'person')).filter((p) => p !== null);
		return summarisePeople(people, encounters);
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
		const eventsById = new Map(events.map((e) => [e.id, e]));
		return {
			person,
			encounters: encounters.map((e) => ({ ...e, event: (e.eventId && eventsById.get(e.eventId)) || null })),
			followUps,
			promises
		};
	}
}
