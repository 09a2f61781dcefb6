import * as v from 'valibot';
import { CARD_FIELDS, DOT_STYLES, type MyCard } from '$lib/domain/card/my-card';
import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { Person } from '$lib/domain/capture/records';
import { CONTACT_FIELDS } from '$lib/domain/contact/types';

/**
 * Rows read back from IndexedDB are a trust boundary too: another version of the app, a browser
 * extension or a half-written record may have put something else there.
 */

const Str = v.string();
const Kind = v.picklist([
	'vcard',
	'mecard',
	'url',
	'mailto',
	'tel',
	'json',
	'opaque',
	'not-a-person',
	'empty',
	'typed'
]);
const Fields = v.object(
	Object.fromEntries(CONTACT_FIELDS.map((f) => [f, Str])) as Record<(typeof CONTACT_FIELDS)[number], typeof Str>
);

export const CardRow = v.object({
	name: Str,
	title: Str,
	company: Str,
	email: Str,
	phone: Str,
	link: Str,
	helpWith: Str,
	onQr: v.array(v.picklist(CARD_FIELDS)),
	style: v.object({
		dots: v.picklist(DOT_STYLES),
		foreground: Str,
		background: Str,
		image: v.nullable(Str)
	})
}) satisfies v.GenericSchema<unknown, MyCard>;

export const DraftRow = v.object({
	id: Str,
	raw: Str,
	kind: Kind,
	fields: Fields,
	guessed: v.array(v.picklist(CONTACT_FIELDS)),
	warnings: v.array(Str),
	note: Str,
	promises: v.array(Str),
	promiseInput: Str,
	helpOffer: Str,
	eventId: v.nullable(Str),
	metAt: v.number(),
	updatedAt: v.number()
}) satisfies v.GenericSchema<unknown, CaptureDraft>;

export const PersonRow = v.object({
	...Fields.entries,
	id: Str,
	matchKeys: v.array(Str),
	createdAt: v.number(),
	updatedAt: v.number()
}) satisfies v.GenericSchema<unknown, Person>;

/** Parses a row, or returns null (and reports it) when it is not what this version expects. */
export function readRow<T>(schema: v.GenericSchema<unknown, T>, row: unknown, what: string): T | null {
	if (row === undefined || row === null) return null;
	const result = v.safeParse(schema, row);
	if (result.success) return result.output;
	console.warn(`Ignoring an unreadable ${what} record`, result.issues[0]?.message);
	return null;
}

/**
 * A plain, structured-clone-safe copy for writing: Svelte state proxies cannot be stored in
 * IndexedDB, and nothing stored should share references with live UI state.
 */
export function plainCopy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
