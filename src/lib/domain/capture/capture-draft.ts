import type { CardContacts } from '../contact/card-contacts';
import type { Symbology } from '../contact/symbology';
import type { ContactFields, PayloadKind } from '../contact/types';
import type { Instant } from './records';

/**
 * A scan being turned into a contact: stored on every keystroke so that a reload, a crash or a
 * dead battery never loses what the user typed.
 */
export interface CaptureDraft {
	/** Becomes the encounter's id, so saving the same draft twice cannot create two encounters. */
	id: string;
	raw: string;
	kind: PayloadKind | 'typed';
	/** The kind of code scanned (shown beside the badge id); absent when typed or not known. */
	symbology?: Symbology;
	fields: ContactFields;
	/** Every email and phone of a card that carried several: those not kept as the main ones are
	 * added to the note when it is saved (see card-contacts.ts). */
	contacts?: CardContacts;
	/** What the card itself said in a note: shown on the form, added to the note when saved. */
	cardNote?: string;
	/** Names of fields that were guessed and still need the user's eye. */
	guessed: (keyof ContactFields)[];
	warnings: string[];
	note: string;
	promises: string[];
	/** A promise typed but not yet added to the list: still saved with the contact. */
	promiseInput: string;
	helpOffer: string;
	eventId: string | null;
	metAt: Instant;
	updatedAt: Instant;
}

/** A new draft from a scan: parsed fields, with guesses filled into blanks and marked as guesses. */
export function draftFromScan(
	parsed: {
		raw: string;
		kind: PayloadKind;
		symbology?: Symbology;
		fields: ContactFields;
		contacts?: CardContacts;
		cardNote?: string;
		suggestions: Partial<ContactFields>;
		warnings: string[];
	},
	context: { id: string; now: Instant; eventId: string | null }
): CaptureDraft {
	const fields = { ...parsed.fields };
	const guessed: (keyof ContactFields)[] = [];
	for (const [key, value] of Object.entries(parsed.suggestions) as [keyof ContactFields, string][]) {
		if (!fields[key] && value) {
			fields[key] = value;
			guessed.push(key);
		}
	}
	return {
		id: context.id,
		raw: parsed.raw,
		kind: parsed.kind,
		...(parsed.symbology && { symbology: parsed.symbology }),
		fields,
		...(parsed.contacts && { contacts: parsed.contacts }),
		...(parsed.cardNote && { cardNote: parsed.cardNote }),
		guessed,
		warnings: parsed.warnings,
		note: '',
		promises: [],
		promiseInput: '',
		helpOffer: '',
		eventId: context.eventId,
		metAt: context.now,
		updatedAt: context.now
	};
}

/**
 * True for a form opened with "Type it instead" (nothing was scanned) in which nothing is typed
 * yet: there is nothing to keep, so it leaves no unfinished note and needs no question on leaving.
 * The event picked does not count: it is chosen for the person, not typed.
 */
export function isUntouched(draft: CaptureDraft): boolean {
	return (
		draft.kind === 'empty' &&
		!draft.raw.trim() &&
		Object.values(draft.fields).every((value) => !value.trim()) &&
		!draft.note.trim() &&
		!draft.promises.length &&
		!draft.promiseInput.trim() &&
		!draft.helpOffer.trim()
	);
}
