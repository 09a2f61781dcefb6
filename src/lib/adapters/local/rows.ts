import * as v from 'valibot';
import { CARD_FIELDS, DOT_STYLES, type MyCard } from '$lib/domain/card/card-model';
import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { Encounter, FollowUp, NetworkingEvent, Person, PromiseItem } from '$lib/domain/capture/records';
import type { Symbology } from '$lib/domain/contact/symbology';
import { CONTACT_FIELDS } from '$lib/domain/contact/types';
import { DRAFT_LANGUAGES } from '$lib/domain/drafts/languages';

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
	// Only a label beside the badge id, which names known symbologies only: the list of them stays
	// out of the home screen's code, where this schema loads.
	symbology: v.optional(v.custom<Symbology>((value) => typeof value === 'string')),
	fields: Fields,
	contacts: v.optional(v.object({ emails: v.array(Str), phones: v.array(Str) })),
	cardNote: v.optional(Str),
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

// Loose objects: a field added by a later version of the app survives being read and written back.
export const PersonRow = v.looseObject({
	...Fields.entries,
	id: Str,
	matchKeys: v.array(Str),
	// A language this version does not draft in (a later version's) reads as no choice.
	language: v.optional(v.fallback(v.nullable(v.picklist(DRAFT_LANGUAGES)), null)),
	createdAt: v.number(),
	updatedAt: v.number()
}) satisfies v.GenericSchema<unknown, Person>;

const Id = v.nullable(Str);

export const EventRow = v.looseObject({
	id: Str,
	name: Str,
	startDate: Str,
	endDate: Str,
	timeZone: Str,
	clockFromEnd: v.boolean(),
	createdAt: v.number()
}) satisfies v.GenericSchema<unknown, NetworkingEvent>;

export const EncounterRow = v.looseObject({
	id: Str,
	personId: Str,
	eventId: Id,
	metAt: v.number(),
	note: Str,
	helpOffer: Str,
	raw: Str,
	kind: Kind,
	noteConflict: v.optional(v.boolean()),
	createdAt: v.number()
}) satisfies v.GenericSchema<unknown, Encounter>;

export const FollowUpRow = v.looseObject({
	id: Str,
	personId: Str,
	encounterId: Id,
	eventId: Id,
	kind: v.picklist(['follow-up', 'check-in']),
	dueAt: v.number(),
	queueAt: v.number(),
	snoozedUntil: v.nullable(v.number()),
	status: v.picklist(['open', 'done', 'not-a-fit']),
	doneAt: v.nullable(v.number()),
	channel: v.nullable(v.picklist(['email', 'linkedin', 'sms', 'whatsapp', 'copy', 'other'])),
	closedReason: Str,
	message: v.nullable(v.object({ subject: Str, body: Str })),
	createdAt: v.number(),
	updatedAt: v.number()
}) satisfies v.GenericSchema<unknown, FollowUp>;

export const PromiseRow = v.looseObject({
	id: Str,
	personId: Str,
	encounterId: Str,
	followUpId: Str,
	text: Str,
	status: v.picklist(['open', 'kept', 'dropped']),
	dueAt: v.number(),
	settledAt: v.nullable(v.number()),
	createdAt: v.number()
}) satisfies v.GenericSchema<unknown, PromiseItem>;

/** Parses many rows, leaving out (and reporting) the unreadable ones. */
export function readRows<T>(schema: v.GenericSchema<unknown, T>, rows: readonly unknown[], what: string): T[] {
	return rows.map((row) => readRow(schema, row, what)).filter((row): row is T => row !== null);
}

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
