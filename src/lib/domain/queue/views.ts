import type { MyCard } from '../card/my-card';
import type { Encounter, FollowUp, NetworkingEvent, Person, PromiseItem } from '../capture/records';
import type { FollowUpStats } from './rate';

/** One line of the follow-up queue. */
export interface QueueRow {
	followUp: FollowUp;
	person: Person | null;
	note: string;
	openPromises: number;
}

/** A page of the queue and its full length (with the event filter applied), and what is snoozed. */
export interface QueuePage {
	rows: QueueRow[];
	total: number;
	/** Hidden from the queue (and its length) until their snooze ends, soonest first. */
	snoozed: QueueRow[];
}

/** Everything the follow-up page shows. */
export interface FollowUpDetail {
	followUp: FollowUp;
	person: Person | null;
	/** The follow-up's first conversation (the one its 48 hours count from). */
	encounter: Encounter | null;
	/**
	 * Every conversation this follow-up carries, oldest first: meeting someone again while their
	 * follow-up is open joins it instead of making a second one.
	 */
	encounters: Encounter[];
	event: NetworkingEvent | null;
	promises: PromiseItem[];
	card: MyCard | null;
}

/** An event's follow-up figures; `event` null means everyone met. */
export interface Debrief {
	event: NetworkingEvent | null;
	stats: FollowUpStats;
}

/** The home screen's headline: a debrief, and whether its event is the one new contacts belong to. */
export interface Headline extends Debrief {
	/** The event was picked on the events screen and is not over. */
	current: boolean;
}
