/**
 * How local records (camelCase, epoch milliseconds) and server rows (snake_case, ISO timestamps)
 * map onto each other, table by table. Only the fields listed here travel; local bookkeeping
 * (createdAt, updatedAt) stays on the device.
 */

export const LOCAL_TABLES = ['events', 'people', 'encounters', 'followUps', 'promises'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];
export type ServerTable = 'events' | 'people' | 'encounters' | 'follow_ups' | 'promises';

export const SERVER_TABLE: Record<LocalTable, ServerTable> = {
	events: 'events',
	people: 'people',
	encounters: 'encounters',
	followUps: 'follow_ups',
	promises: 'promises'
};

export const LOCAL_TABLE: Record<ServerTable, LocalTable> = {
	events: 'events',
	people: 'people',
	encounters: 'encounters',
	follow_ups: 'followUps',
	promises: 'promises'
};

type Kind = 'plain' | 'time' | 'time?';
type Spec = [local: string, server: string, kind: Kind];

const plain = (local: string, server = local): Spec => [local, server, 'plain'];

const FIELDS: Record<LocalTable, Spec[]> = {
	events: [
		plain('name'),
		plain('startDate', 'start_date'),
		plain('endDate', 'end_date'),
		plain('timeZone', 'time_zone'),
		plain('clockFromEnd', 'clock_from_end')
	],
	people: [
		plain('name'),
		plain('org'),
		plain('title'),
		plain('email'),
		plain('phone'),
		plain('linkedin'),
		plain('url'),
		plain('badgeId', 'badge_id'),
		plain('matchKeys', 'match_keys'),
		plain('language')
	],
	encounters: [
		plain('personId', 'person_id'),
		plain('eventId', 'event_id'),
		['metAt', 'met_at', 'time'],
		plain('note'),
		plain('helpOffer', 'help_offer'),
		plain('raw'),
		plain('kind'),
		plain('noteConflict', 'note_conflict')
	],
	followUps: [
		plain('personId', 'person_id'),
		plain('encounterId', 'encounter_id'),
		plain('eventId', 'event_id'),
		plain('kind'),
		['dueAt', 'due_at', 'time'],
		['queueAt', 'queue_at', 'time'],
		['snoozedUntil', 'snoozed_until', 'time?'],
		plain('status'),
		['doneAt', 'done_at', 'time?'],
		plain('channel'),
		plain('closedReason', 'closed_reason'),
		plain('message')
	],
	promises: [
		plain('personId', 'person_id'),
		plain('encounterId', 'encounter_id'),
		plain('followUpId', 'follow_up_id'),
		plain('text'),
		plain('status'),
		['dueAt', 'due_at', 'time'],
		['settledAt', 'settled_at', 'time?']
	]
};

type Row = Record<string, unknown>;

/** The local names of a table's synced dates and times (epoch milliseconds, nullable or not). */
export function syncedTimeFields(table: LocalTable): string[] {
	return FIELDS[table].filter(([, , kind]) => kind !== 'plain').map(([local]) => local);
}

const toIso = (value: unknown) => (typeof value === 'number' ? new Date(value).toISOString() : null);
const fromIso = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : null);

/** The server columns of a local record (all synced fields, or only those present). */
export function toServerFields(table: LocalTable, record: Row): Row {
	const fields: Row = {};
	for (const [local, server, kind] of FIELDS[table]) {
		if (!(local in record)) continue;
		const value = record[local];
		fields[server] = kind === 'plain' ? (value ?? null) : toIso(value);
	}
	return fields;
}

/** The local fields of server columns (all of a pulled row, or the subset of a pending edit). */
export function fromServerFields(table: LocalTable, fields: Row): Row {
	const record: Row = {};
	for (const [local, server, kind] of FIELDS[table]) {
		if (!(server in fields)) continue;
		const value = fields[server];
		record[local] = kind === 'plain' ? value : fromIso(value);
	}
	return record;
}

/** JSON equality for plain values, arrays and objects (key order does not matter). */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((k) => same((a as Row)[k], (b as Row)[k]));
}

/**
 * The server columns a local change touched: every synced field of a new record, or the fields
 * that differ from before. Null when nothing that syncs changed.
 */
export function changedServerFields(table: LocalTable, before: Row | null | undefined, after: Row): Row | null {
	const next = toServerFields(table, after);
	if (!before) return next;
	const previous = toServerFields(table, before);
	const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => !same(value, previous[key])));
	return Object.keys(changed).length ? changed : null;
}
