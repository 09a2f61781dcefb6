import Dexie, { type EntityTable } from 'dexie';
import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { Encounter, FollowUp, NetworkingEvent, Person, PromiseItem } from '$lib/domain/capture/records';

export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * The device's own store. Schema versions only ever grow: a new version adds indexes or an
 * upgrade function, never drops data a user captured.
 */
export class LocalDb extends Dexie {
	events!: EntityTable<NetworkingEvent, 'id'>;
	people!: EntityTable<Person, 'id'>;
	encounters!: EntityTable<Encounter, 'id'>;
	followUps!: EntityTable<FollowUp, 'id'>;
	promises!: EntityTable<PromiseItem, 'id'>;
	drafts!: EntityTable<CaptureDraft, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;

	constructor(name = 'networking-companion') {
		super(name);
		this.version(1).stores({
			events: 'id, startDate',
			// *matchKeys: one index entry per email/phone/LinkedIn/badge key, for duplicate matching.
			people: 'id, *matchKeys, name, updatedAt',
			encounters: 'id, personId, eventId, metAt, [personId+metAt]',
			// The queue reads [status+kind+queueAt] in order; the event filter the same, per event.
			followUps: 'id, personId, encounterId, eventId, [status+kind+queueAt], [eventId+status+kind+queueAt]',
			promises: 'id, personId, encounterId, followUpId, status',
			drafts: 'id, updatedAt',
			settings: 'key'
		});
	}
}
