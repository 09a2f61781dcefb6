import type { FollowUp, Person } from '$lib/domain/capture/records';
import type { LocalDb } from './db';

export interface FollowUpRow {
	followUp: FollowUp;
	person: Person | null;
	note: string;
	openPromises: number;
}

/** Open follow-ups in due order, read through the [status+dueAt] index. */
export class FollowUpStore {
	constructor(private readonly db: LocalDb) {}

	async open(): Promise<FollowUpRow[]> {
		const { db } = this;
		const items = await db.followUps.where('[status+dueAt]').between(['open', -Infinity], ['open', Infinity]).toArray();
		const [people, encounters, promises] = await Promise.all([
			db.people.bulkGet(items.map((i) => i.personId)),
			db.encounters.bulkGet(items.map((i) => i.encounterId)),
			db.promises
				.where('followUpId')
				.anyOf(items.map((i) => i.id))
				.toArray()
		]);
		return items.map((followUp, i) => ({
			followUp,
			person: people[i] ?? null,
			note: encounters[i]?.note ?? '',
			openPromises: promises.filter((p) => p.followUpId === followUp.id && p.status === 'open').length
		}));
	}
}
