/**
 * Calendar days as the people in the room saw them. An instant's UTC day is the wrong day for
 * anyone west or east of Greenwich: 21:00 in New York on 3 October is already 4 October in UTC.
 */

import { knownZone } from './known-zone';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formats.set(timeZone, format);
	}
	return format;
}

/**
 * The day (YYYY-MM-DD) of `instant` in the first of `zones` this runtime knows (the event's zone,
 * then the device's), or in UTC when it knows none of them.
 */
export function localDay(instant: number, ...zones: (string | null | undefined)[]): string {
	const zone = zones.find((z): z is string => Boolean(z) && knownZone(z!) === z) ?? 'UTC';
	const parts = Object.fromEntries(
		formatIn(zone)
			.formatToParts(instant)
			.map((p) => [p.type, p.value])
	);
	return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}
