import { TZDate } from '@date-fns/tz';
import { addHours } from 'date-fns';
import type { NetworkingEvent } from '../capture/records';

/** Follow up within 48 hours: elapsed time, the same across time zones and DST changes. */
export const FOLLOW_UP_HOURS = 48;

export interface EventClock {
	/** The instant the event ends (the end of its last day in its own time zone), if known. */
	endsAt: Date | null;
	/** "Start the 48-hour clock when the event ends" (for people who can't follow up mid-event). */
	clockFromEnd: boolean;
}

/**
 * The instant an event's last day ends: midnight after `endDate` (YYYY-MM-DD) in the event's
 * time zone, so a 23-hour or 25-hour DST day ends at its real midnight.
 */
export function eventEndsAt(endDate: string, timeZone: string): Date {
	const [year, month, day] = endDate.split('-').map(Number) as [number, number, number];
	return new Date(new TZDate(year, month - 1, day + 1, timeZone).getTime());
}

/**
 * When a follow-up is due: 48 hours after the meeting, or 48 hours after the event ends when the
 * event says so (a meeting logged after the end still gets its full 48 hours).
 */
export function followUpDueAt(metAt: Date, event?: EventClock | null): Date {
	const clockStart =
		event?.clockFromEnd && event.endsAt && event.endsAt.getTime() > metAt.getTime() ? event.endsAt : metAt;
	return addHours(clockStart, FOLLOW_UP_HOURS);
}

/** An event's 48-hour clock settings: when it ends, and whether the clock starts then. */
export function eventClock(event: NetworkingEvent | null | undefined): EventClock | null {
	if (!event) return null;
	return {
		endsAt: event.endDate ? eventEndsAt(event.endDate, event.timeZone) : null,
		clockFromEnd: event.clockFromEnd
	};
}
