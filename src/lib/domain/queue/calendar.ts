import ICAL from 'ical.js';
import type { FollowUp } from '../capture/records';
import { unifyLineBreaks } from '../text/line-breaks';
import { promiseLabel } from './promise-label';

export interface CalendarItem {
	followUp: FollowUp;
	personName: string;
	note: string;
	promises: readonly string[];
}

/**
 * An iCalendar file with one 15-minute event per open follow-up, at its place in the queue, so the
 * follow-ups sit in the user's own calendar. Built with ical.js (UTC times, stable UIDs).
 */
// ical.js escapes LF in a text value but lets a bare CR through, which readers take as the end of
// the line: a note could write an event of its own. Every value goes through here.
const text = (value: string) => unifyLineBreaks(value);

export function followUpsToIcs(items: readonly CalendarItem[], now: number): string {
	const calendar = new ICAL.Component(['vcalendar', [], []]);
	calendar.addPropertyWithValue('prodid', '-//Event networking companion//Follow-ups//EN');
	calendar.addPropertyWithValue('version', '2.0');
	calendar.addPropertyWithValue('calscale', 'GREGORIAN');
	const stamp = ICAL.Time.fromJSDate(new Date(now), true);
	for (const { followUp, personName, note, promises } of items) {
		const event = new ICAL.Component('vevent');
		event.addPropertyWithValue('uid', text(`${followUp.id}@follow-up.app`));
		event.addPropertyWithValue('dtstamp', stamp);
		event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(followUp.queueAt), true));
		event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(followUp.queueAt + 15 * 60_000), true));
		const what = followUp.kind === 'check-in' ? 'Check in with' : 'Follow up with';
		event.addPropertyWithValue('summary', text(`${what} ${personName}`));
		const lines = [
			note && `You talked about: ${note}`,
			...promises.map((p) => `You promised: ${promiseLabel(p)}`)
		].filter(Boolean);
		if (lines.length) event.addPropertyWithValue('description', text(lines.join('\n')));
		calendar.addSubcomponent(event);
	}
	return calendar.toString() + '\r\n';
}
