import type { CountryCode } from 'libphonenumber-js/min';
import { cardNoteLine, otherContacts, otherContactsLine } from '../contact/card-contacts';
import { tidyContactFields } from '../contact/fields';
import { matchKeys, personIdFor } from '../contact/match';
import { CONTACT_FIELDS, type ContactFields } from '../contact/types';
import { checkNote } from '../notes/note-rules';
import { normalisePromises } from '../notes/promises';
import { unionKeys } from '../people/contact-merge';
import { followUpDueAt, type EventClock } from '../queue/due';
import { cleanMultiline } from '../text/display';
import type { CaptureDraft } from './capture-draft';
import type { Encounter, FollowUp, Person, PromiseItem } from './records';

export interface CapturePlan {
	person: Person;
	isNewPerson: boolean;
	encounter: Encounter;
	/** A new follow-up, or the person's open one that this conversation joined. */
	followUp: FollowUp;
	/** The open follow-up as it was before this conversation joined it; null when a new one is made. */
	joined: FollowUp | null;
	promises: PromiseItem[];
}

export interface CaptureProblem {
	field: keyof ContactFields | 'note';
	message: string;
}

export type CaptureResult = { ok: true; plan: CapturePlan } | ({ ok: false } & CaptureProblem);

/**
 * Why a draft cannot be saved yet, first problem first: no name, a note that is empty or a stock
 * phrase, or a field that is not valid. An empty list means "Save contact" can be pressed.
 */
export function captureProblems(
	draft: CaptureDraft,
	defaultCountry?: CountryCode
): { fields: ContactFields; problems: CaptureProblem[] } {
	const { fields, errors } = tidyContactFields(draft.fields, defaultCountry);
	const problems: CaptureProblem[] = [];
	if (!fields.name) problems.push({ field: 'name', message: 'Type their name to save this contact.' });
	const verdict = checkNote(draft.note);
	if (!verdict.ok) problems.push({ field: 'note', message: verdict.message });
	for (const [field, message] of Object.entries(errors) as [keyof ContactFields, string][]) {
		problems.push({ field, message });
	}
	return { fields, problems };
}

export interface CaptureContext {
	/** The person already known under one of the draft's match keys, if any. */
	existing: Person | null;
	/**
	 * That person's open follow-up (not a check-in), with when its first conversation was: a new
	 * conversation joins it instead of making a second one.
	 */
	openFollowUp?: { followUp: FollowUp; firstMetAt: number } | null;
	event: EventClock | null;
	now: number;
	newId: () => string;
	defaultCountry?: CountryCode;
	/** The draft already checked with captureProblems (the same draft and country): not parsed again. */
	checked?: ReturnType<typeof captureProblems>;
}

/**
 * What saving a draft writes: the person (new, or the existing one brought up to date — never a
 * duplicate), the encounter with its note, a follow-up due 48 hours on (or the person's open
 * follow-up, which this conversation joins), and one item per promise, on that follow-up.
 */
export function planCapture(draft: CaptureDraft, context: CaptureContext): CaptureResult {
	const { fields, problems } = context.checked ?? captureProblems(draft, context.defaultCountry);
	if (problems[0]) return { ok: false, ...problems[0] };

	const { existing, now, newId } = context;
	const keys = matchKeys(fields);
	let person: Person;
	if (existing) {
		// The details just reviewed on screen are the newest: they win, blanks keep what was known.
		const merged = { ...existing };
		for (const field of CONTACT_FIELDS) merged[field] = fields[field] || existing[field];
		merged.matchKeys = unionKeys(existing.matchKeys, keys);
		merged.updatedAt = now;
		person = merged;
	} else {
		person = { ...fields, id: personIdFor(keys, newId), matchKeys: keys, createdAt: now, updatedAt: now };
	}

	const dueAt = followUpDueAt(new Date(draft.metAt), context.event).getTime();
	const encounter: Encounter = {
		id: draft.id,
		personId: person.id,
		eventId: draft.eventId,
		metAt: draft.metAt,
		// The card's other emails and phones, and its own note, stay with the conversation, after
		// what was written.
		note: [
			cleanMultiline(draft.note),
			otherContactsLine(otherContacts(draft.contacts, fields)),
			cardNoteLine(draft.cardNote)
		]
			.filter(Boolean)
			.join('\n\n'),
		helpOffer: cleanMultiline(draft.helpOffer, 2_000),
		raw: draft.raw,
		kind: draft.kind,
		createdAt: now
	};
	const open = existing && context.openFollowUp?.followUp.personId === person.id ? context.openFollowUp : null;
	const followUp: FollowUp = open
		? joinFollowUp(open, encounter, dueAt, now)
		: {
				id: newId(),
				personId: person.id,
				encounterId: encounter.id,
				eventId: draft.eventId,
				kind: 'follow-up',
				dueAt,
				queueAt: dueAt,
				snoozedUntil: null,
				status: 'open',
				doneAt: null,
				channel: null,
				closedReason: '',
				message: null,
				createdAt: now,
				updatedAt: now
			};
	const promises = normalisePromises([...draft.promises, draft.promiseInput]).map((text): PromiseItem => ({
		id: newId(),
		personId: person.id,
		encounterId: encounter.id,
		followUpId: followUp.id,
		text,
		status: 'open',
		dueAt: followUp.dueAt,
		settledAt: null,
		createdAt: now
	}));
	return {
		ok: true,
		plan: { person, isNewPerson: !existing, encounter, followUp, joined: open?.followUp ?? null, promises }
	};
}

/**
 * Meeting someone again while their follow-up is open: one follow-up carries both conversations.
 * The deadline stays the earlier one: the promise is to follow up within 48 hours of first
 * meeting someone, and a second chat at the booth must not buy the first one more time (nor hide
 * that it is overdue). A conversation that happened before the follow-up's first one (a note
 * finished late) becomes its first, so the follow-up's conversation stays the one it counts from.
 */
function joinFollowUp(
	open: { followUp: FollowUp; firstMetAt: number },
	encounter: Encounter,
	dueAt: number,
	now: number
): FollowUp {
	const { followUp } = open;
	const earlier = encounter.metAt < open.firstMetAt;
	const deadline = Math.min(followUp.dueAt, dueAt);
	return {
		...followUp,
		...(earlier && { encounterId: encounter.id, eventId: encounter.eventId }),
		dueAt: deadline,
		// A snooze keeps its place in the queue; otherwise the item sits at its deadline.
		queueAt: followUp.snoozedUntil === null ? deadline : followUp.queueAt,
		updatedAt: now
	};
}
