import type { FollowUp } from '../capture/records';
import { icsBefore, icsFile, icsText, icsUtc } from './ics-text';
import { promiseLabel } from './promise-label';

export interface CalendarItem {
	followUp: FollowUp;
	personName: string;
	note: string;
	promises: readonly string[];
}

/** How long before a follow-up's time its calendar alarm goes off, unless told otherwise. */
export const DEFAULT_ALARM_MINUTES = 120;

const EVENT_MINUTES = 15;

function title({ followUp, personName }: CalendarItem): string {
	return `${followUp.kind === 'check-in' ? 'Check in with' : 'Follow up with'} ${personName}`;
}

function lead(minutes: number): string {
	if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
	return `${minutes} minutes`;
}

function eventLines(item: CalendarItem, stamp: string, alarmMinutes: number): string[] {
	const { followUp, note, promises } = item;
	const description = [
		note && `You talked about: ${note}`,
		...promises.map((p) => `You promised: ${promiseLabel(p)}`)
	].filter(Boolean);
	return [
		'BEGIN:VEVENT',
		`UID:${icsText(followUp.id)}@follow-up.app`,
		`DTSTAMP:${stamp}`,
		`DTSTART:${icsUtc(followUp.queueAt)}`,
		`DTEND:${icsUtc(followUp.queueAt + EVENT_MINUTES * 60_000)}`,
		`SUMMARY:${icsText(title(item))}`,
		...(description.length ? [`DESCRIPTION:${icsText(description.join('\n'))}`] : []),
		// The alarm is what reaches someone without an account: their calendar app rings, even when
		// this app is closed (RFC 5545 §3.6.6: a DISPLAY alarm needs a DESCRIPTION).
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`TRIGGER:${icsBefore(alarmMinutes)}`,
		`DESCRIPTION:${icsText(`${title(item)}: due in ${lead(alarmMinutes)}`)}`,
		'END:VALARM',
		'END:VEVENT'
	];
}

/**
 * An iCalendar file (RFC 5545) with one 15-minute event per follow-up, at its place in the queue
 * (the deadline, or the end of a snooze), each with an alarm `alarmMinutes` before it (2 hours by
 * default), so the follow-ups sit in the user's own calendar and remind them there. UTC times,
 * stable UIDs: importing the file again updates the events instead of doubling them.
 */
export function followUpsToIcs(
	items: readonly CalendarItem[],
	now: number,
	alarmMinutes = DEFAULT_ALARM_MINUTES
): string {
	const stamp = icsUtc(now);
	return icsFile([
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Event networking companion//Follow-ups//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...items.flatMap((item) => eventLines(item, stamp, alarmMinutes)),
		'END:VCALENDAR'
	]);
}
