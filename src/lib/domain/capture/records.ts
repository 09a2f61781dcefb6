import type { ContactFields, PayloadKind } from '../contact/types';
import type { DraftLanguage } from '../drafts/languages';

/** Instants are milliseconds since the epoch, so they sort and index as numbers. */
export type Instant = number;

export interface NetworkingEvent {
	id: string;
	name: string;
	/** First and last day, YYYY-MM-DD, in the event's own time zone. */
	startDate: string;
	endDate: string;
	timeZone: string;
	/** Start the 48-hour clock when the event ends instead of at each meeting. */
	clockFromEnd: boolean;
	createdAt: Instant;
}

export interface Person extends ContactFields {
	id: string;
	matchKeys: string[];
	/** The language their follow-ups are drafted in, when chosen; otherwise the notes' language. */
	language?: DraftLanguage | null;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface Encounter {
	id: string;
	personId: string;
	eventId: string | null;
	metAt: Instant;
	/** What we talked about: required, never empty. */
	note: string;
	/** How I can help (give first). */
	helpOffer: string;
	/** The scanned text as received, and what it was read as. */
	raw: string;
	kind: PayloadKind | 'typed';
	/** Set when the note was edited on two devices at once: the user merges the two versions. */
	noteConflict?: boolean;
	createdAt: Instant;
}

export type FollowUpStatus = 'open' | 'done' | 'not-a-fit';

/** A follow-up after meeting someone, or a later keep-in-touch check-in. */
export type FollowUpKind = 'follow-up' | 'check-in';

/** How a follow-up was sent. */
export type Channel = 'email' | 'linkedin' | 'sms' | 'whatsapp' | 'copy' | 'other';

export interface MessageDraft {
	subject: string;
	body: string;
}

export interface FollowUp {
	id: string;
	personId: string;
	/** The conversation this follows up; null for a check-in with someone met before the app. */
	encounterId: string | null;
	eventId: string | null;
	kind: FollowUpKind;
	/** The deadline (48 hours after the meeting, or the check-in date). Never moved by a snooze. */
	dueAt: Instant;
	/** Where it sits in the queue: the deadline, or the end of a snooze. */
	queueAt: Instant;
	snoozedUntil: Instant | null;
	status: FollowUpStatus;
	doneAt: Instant | null;
	channel: Channel | null;
	/** Why a person was "not a fit" (counted apart from missed follow-ups). */
	closedReason: string;
	/** The message as the user edited it; null while the generated draft is untouched. */
	message: MessageDraft | null;
	createdAt: Instant;
	updatedAt: Instant;
}

/** A promise is open until it is kept, or dropped on purpose. */
export type PromiseStatus = 'open' | 'kept' | 'dropped';

export interface PromiseItem {
	id: string;
	personId: string;
	encounterId: string;
	followUpId: string;
	text: string;
	status: PromiseStatus;
	dueAt: Instant;
	/** When it was kept or dropped. */
	settledAt: Instant | null;
	createdAt: Instant;
}
