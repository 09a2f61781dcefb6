import * as v from 'valibot';
import { oneLine, unifyLineBreaks } from '../text/line-breaks';
import { areStorableKeys, isStorableDay, isStorableTime } from './bounds';
import { MAX_MATCH_KEYS } from '../contact/match';
import type { LocalTable } from './mapping';
import { MESSAGE_MAX_OCTETS, TEXT_BOUNDS, type TextBound } from './text-bounds';

/**
 * Records from outside the app (a backup file) made to fit what the server stores, or refused: a
 * record the server would refuse could never sync, and would only sit in "couldn't sync".
 */

type Row = Record<string, unknown>;

/** What a record became: kept (with the fields that were cut to fit), or left out for `field`. */
export type Fitted = { ok: true; record: Row; cut: string[] } | { ok: false; field: string };

/** Characters as Postgres's char_length counts them (code points, not UTF-16 units). */
export function characters(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++, count++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) i++;
	}
	return count;
}

/** The first `max` characters of `text` (as characters() counts them). */
function cutTo(text: string, max: number): string {
	let count = 0;
	for (let i = 0; i < text.length; i++, count++) {
		if (count === max) return text.slice(0, i);
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) i++;
	}
	return text;
}

const fits = (bound: TextBound) => (text: string) =>
	characters(text) <= bound.max && (!bound.required || text.trim().length > 0);

/** How many bytes Postgres writes out for a jsonb message: JSON, with ": " and ", " between parts. */
export function messageOctets(message: { subject: string; body: string }): number {
	return new TextEncoder().encode(JSON.stringify({ subject: message.subject, body: message.body })).length + 3;
}

const time = v.custom<number>(isStorableTime);
const optionalTime = v.nullable(time);

/** One valibot schema per table: the server's bounds on every field a device writes. */
export const BOUNDS_SCHEMA: Record<LocalTable, v.GenericSchema> = Object.fromEntries(
	(Object.keys(TEXT_BOUNDS) as LocalTable[]).map((table) => {
		const text = Object.entries(TEXT_BOUNDS[table]).map(([field, bound]) => [
			field,
			v.pipe(v.string(), v.check(fits(bound)))
		]);
		const extra: Record<string, v.GenericSchema> = {
			events: { startDate: v.custom(isStorableDay), endDate: v.custom(isStorableDay) },
			people: { matchKeys: v.custom((keys) => Array.isArray(keys) && areStorableKeys(keys)) },
			encounters: { metAt: time },
			followUps: {
				dueAt: time,
				queueAt: time,
				snoozedUntil: optionalTime,
				doneAt: optionalTime,
				message: v.nullable(
					v.custom<{ subject: string; body: string }>((m) => messageOctets(m as never) <= MESSAGE_MAX_OCTETS)
				)
			},
			promises: { dueAt: time, settledAt: optionalTime }
		}[table] as Record<string, v.GenericSchema>;
		const schema = v.pipe(
			v.looseObject({ ...Object.fromEntries(text), ...extra }),
			// events_end_date_check: an event ends on or after its first day.
			v.check((row) => table !== 'events' || String(row.endDate) >= String(row.startDate))
		);
		return [table, schema];
	})
) as unknown as Record<LocalTable, v.GenericSchema>;

/** The message cut (at the end of its body) to what the server stores. */
function fitMessage(message: { subject: string; body: string }): { subject: string; body: string } {
	let { body } = message;
	let over = messageOctets({ ...message, body }) - MESSAGE_MAX_OCTETS;
	// Each character is at most 6 bytes as JSON ("\u0000"): cut at least that much, then again.
	while (over > 0 && body) {
		body = cutTo(body, Math.max(0, characters(body) - Math.ceil(over / 6)));
		over = messageOctets({ ...message, body }) - MESSAGE_MAX_OCTETS;
	}
	return { ...message, body };
}

/**
 * A record from a backup as the server stores it: line breaks made one kind (LF where a field
 * keeps lines, a space elsewhere), text longer than its bound cut (named in `cut`), match keys the
 * server refuses dropped; or, when that cannot make it fit (a date out of range, a blank name), the
 * first field that does not fit.
 */
export function fitRecord(table: LocalTable, input: Row): Fitted {
	const record: Row = { ...input };
	const cut: string[] = [];
	for (const [field, bound] of Object.entries(TEXT_BOUNDS[table])) {
		const value = record[field];
		if (typeof value !== 'string') continue;
		const text = bound.lines ? unifyLineBreaks(value) : oneLine(value);
		if (characters(text) > bound.max && bound.cut !== false) {
			record[field] = cutTo(text, bound.max);
			cut.push(field);
		} else record[field] = text;
	}
	if (table === 'people' && Array.isArray(record.matchKeys) && !areStorableKeys(record.matchKeys as string[])) {
		record.matchKeys = (record.matchKeys as string[]).filter((k) => areStorableKeys([k])).slice(0, MAX_MATCH_KEYS);
		cut.push('matchKeys');
	}
	const message = record.message as { subject: string; body: string } | null | undefined;
	if (table === 'followUps' && message) {
		const lined = { subject: oneLine(message.subject), body: unifyLineBreaks(message.body) };
		record.message = messageOctets(lined) > MESSAGE_MAX_OCTETS ? fitMessage(lined) : lined;
		if (record.message !== lined) cut.push('message');
	}
	const checked = v.safeParse(BOUNDS_SCHEMA[table], record);
	// The one check of a whole record is an event's last day against its first.
	if (!checked.success)
		return { ok: false, field: checked.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? 'endDate' };
	return { ok: true, record, cut };
}

/** The records each table's records point to, by field: left out with the record they point to. */
export const REFERENCES: Partial<Record<LocalTable, Record<string, LocalTable>>> = {
	encounters: { personId: 'people', eventId: 'events' },
	followUps: { personId: 'people', encounterId: 'encounters', eventId: 'events' },
	promises: { personId: 'people', encounterId: 'encounters', followUpId: 'followUps' }
};

/** The field of `record` that points to a record left out (in `skipped`, by table), or null. */
export function leftOutReference(table: LocalTable, record: Row, skipped: Map<LocalTable, Set<string>>): string | null {
	for (const [field, target] of Object.entries(REFERENCES[table] ?? {})) {
		const id = record[field];
		if (typeof id === 'string' && skipped.get(target)?.has(id)) return field;
	}
	return null;
}
