import type { CardContacts } from './card-contacts';
import type { Symbology } from './symbology';

/** The details a scanned code can carry about a person. Missing values are empty strings. */
export interface ContactFields {
	name: string;
	org: string;
	title: string;
	email: string;
	phone: string;
	linkedin: string;
	url: string;
	badgeId: string;
}

export type ContactField = keyof ContactFields;

export const CONTACT_FIELDS: readonly ContactField[] = [
	'name',
	'org',
	'title',
	'email',
	'phone',
	'linkedin',
	'url',
	'badgeId'
];

export type PayloadKind = 'vcard' | 'mecard' | 'url' | 'mailto' | 'tel' | 'json' | 'opaque' | 'not-a-person' | 'empty';

/** What a scanned payload says about a person, ready to be reviewed and edited. */
export interface ParsedPayload {
	kind: PayloadKind;
	fields: ContactFields;
	/** Best-effort guesses (e.g. from an organiser's badge format) that the person should confirm. */
	suggestions: Partial<ContactFields>;
	/** True when the code carried no name: the person types it. */
	needsName: boolean;
	/** Plain-language notes about what was left out and why. */
	warnings: string[];
	/** Set when the code is clearly not a person (Wi-Fi, location, event…): why, in plain words. */
	notAPerson?: string;
	/** The scanned text as received, kept with the encounter. */
	raw: string;
	/** The kind of code it was read from, when the scanner said. */
	symbology?: Symbology;
	/** Set when the card carried more than one email or phone: all of them, main ones first. */
	contacts?: CardContacts;
	/** What the card itself said in a note (vCard or MECARD NOTE), when it said anything. */
	cardNote?: string;
}

/** Returns a record with every contact field empty. */
export function emptyFields(): ContactFields {
	return { name: '', org: '', title: '', email: '', phone: '', linkedin: '', url: '', badgeId: '' };
}
