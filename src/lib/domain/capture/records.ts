import type { ContactFields, PayloadKind } from '../contact/types';

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
	createdAt: Instant;
}

export type FollowUpStatus = 'open' | 'done' | 'snoozed' | 'not-a-fit';

export interface FollowUp {
	id: string;
	personId: string;
	encounterId: string;
	eventId: string | null;
	dueAt: Instant;
	status: FollowUpStatus;
	createdAt: Instant;
}

export type PromiseStatus = 'open' | 'kept' | 'dropped';

export interface PromiseItem {
	id: string;
	personId: string;
	encounterId: string;
	followUpId: string;
	text: string;
	status: PromiseStatus;
	dueAt: Instant;
	createdAt: Instant;
}
