import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { Encounter, FollowUp, NetworkingEvent, Person, PromiseItem } from '$lib/domain/capture/records';
import { changedServerFields, LOCAL_TABLES, SERVER_TABLE } from '$lib/domain/sync/mapping';
import type { OutboxEntry } from '$lib/domain/sync/ports';

export interface SettingRow {
	key: string;
	value: unknown;
}

/** The server_seq of the version of a row this device last pulled (the base of its next edit). */
export interface RowSeqRow {
	table: string;
	id: string;
	seq: number;
}

/** One side of a note edited on two devices at once, as the server kept it. */
export interface NoteRevisionRow {
	id: string;
	encounterId: string;
	note: string;
	source: 'server' | 'client';
	serverSeq: number;
	createdAt: number;
}

/** A change the server refused, kept with its reason until the user retries or discards it. */
export interface SyncFailureRow {
	key?: number;
	entry: OutboxEntry;
	reason: string;
	code: string | null;
	at: number;
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
	outbox!: EntityTable<OutboxEntry, 'mid'>;
	rowSeq!: Table<RowSeqRow, [string, string]>;
	syncMeta!: EntityTable<SettingRow, 'key'>;
	noteRevisions!: EntityTable<NoteRevisionRow, 'id'>;
	syncFailures!: Table<SyncFailureRow, number>;

	constructor(name = 'networking-companion') {
		super(name);
		// Another tab deletes this database ("Delete all my data") or upgrades it (a newer version):
		// close for good. Dexie's own handler closes so that the next query reopens, which would
		// create the erased database again, with this tab's late autosave in it.
		this.on('versionchange', () => {
			this.close({ disableAutoOpen: true });
			return false;
		});
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
		this.version(2)
			.stores({
				// Sync: every change waiting to be pushed (same transaction as the change), the base
				// version of each row, the device's id/counters/cursor, note conflicts and refusals.
				outbox: 'mid, [table+id]',
				rowSeq: '[table+id]',
				syncMeta: 'key',
				noteRevisions: 'id, encounterId',
				syncFailures: '++key'
			})
			.upgrade(async (tx) => {
				// What was captured before sync existed is waiting to be pushed, like anything new.
				let mid = 1;
				for (const table of LOCAL_TABLES) {
					for (const row of await tx.table(table).toArray()) {
						const fields = changedServerFields(table, null, row);
						if (fields)
							await tx
								.table('outbox')
								.add({ mid: mid++, table: SERVER_TABLE[table], id: row.id, op: 'create', fields, baseSeq: null });
					}
				}
				await tx.table('syncMeta').put({ key: 'nextMid', value: mid });
			});
		this.version(3).stores({
			// The snoozed open items (a row whose snoozedUntil is null has no key here): the shell's counts
			// take them off what the queue indexes count, instead of reading every open item.
			followUps:
				'id, personId, encounterId, eventId, [status+kind+queueAt], [eventId+status+kind+queueAt], [status+snoozedUntil]'
		});
		this.version(4).stores({
			// Overdue is measured from the 48-hour deadline, not from where a snooze put an item in the
			// queue: the shell counts overdue and coming-due follow-ups by their deadline.
			followUps:
				'id, personId, encounterId, eventId, [status+kind+queueAt], [eventId+status+kind+queueAt], [status+snoozedUntil], [status+kind+dueAt]'
		});
	}
}
