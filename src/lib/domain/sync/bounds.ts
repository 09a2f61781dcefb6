import { MAX_MATCH_KEY_LENGTH, MAX_MATCH_KEYS } from '../contact/match';
import { syncedTimeFields, type LocalTable } from './mapping';

/**
 * What the server stores (supabase/migrations/20261124120100_field_bounds.sql): every date and time
 * a device writes is finite and within 1900-01-01 ≤ t < 2200-01-01 (UTC); a person has at most 20
 * match keys, each 1 to 2,057 characters. A change beyond them would be refused ("couldn't sync"),
 * so the app never makes one.
 */
export const EARLIEST_TIME = Date.UTC(1900, 0, 1);
/** The first instant the server refuses. */
export const END_OF_TIME = Date.UTC(2200, 0, 1);

/**
 * The last event day the app's form takes: earlier than the server's last day because a follow-up
 * can fall due days after its event ends.
 */
export const LAST_EVENT_DAY = '2100-12-31';

/** An instant (epoch milliseconds) the server stores. */
export function isStorableTime(value: unknown): value is number {
	return typeof value === 'number' && value >= EARLIEST_TIME && value < END_OF_TIME;
}

/** A YYYY-MM-DD naming a real day (not 2026-02-30) that the server stores: 1900 to 2199. */
export function isStorableDay(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const [year, month, day] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real && isStorableTime(date.getTime());
}

/** A day the event form takes: a real day from 1900 to LAST_EVENT_DAY. */
export function isEventDay(value: unknown): value is string {
	return isStorableDay(value) && value <= LAST_EVENT_DAY;
}

/** Match keys the server stores. */
export function areStorableKeys(keys: readonly string[]): boolean {
	return keys.length <= MAX_MATCH_KEYS && keys.every((k) => k.length > 0 && k.length <= MAX_MATCH_KEY_LENGTH);
}

/**
 * The first field of a record (from a backup, say) that the server would refuse for its bounds, or
 * null. Types are checked elsewhere (src/lib/adapters/local/rows.ts); this checks ranges.
 */
export function unstorableField(table: LocalTable, record: Record<string, unknown>): string | null {
	for (const field of syncedTimeFields(table)) {
		const value = record[field];
		if (value !== null && value !== undefined && !isStorableTime(value)) return field;
	}
	if (table === 'events') {
		for (const field of ['startDate', 'endDate']) if (!isStorableDay(record[field])) return field;
	}
	if (table === 'people' && Array.isArray(record.matchKeys) && !areStorableKeys(record.matchKeys)) return 'matchKeys';
	return null;
}
