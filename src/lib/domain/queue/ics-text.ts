import { escapeText, foldOctets } from '../text/content-lines';

/**
 * iCalendar (RFC 5545) content lines written by hand: the calendar file is a handful of properties,
 * so neither the queue's "Add to calendar" nor a follow-up's own needs a calendar library.
 */

/** A TEXT value, escaped (RFC 5545 §3.3.11). */
export const icsText = escapeText;

/** A content line folded so no physical line is longer than 75 octets, the continuation space included (§3.1). */
export const foldLine = (line: string) => foldOctets(line, 74);

/** A UTC DATE-TIME value ("20261207T083000Z"). */
export function icsUtc(instant: number): string {
	return new Date(instant)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A negative DURATION of whole minutes ("-PT2H", "-PT1H30M", "-PT45M"), for a TRIGGER before the start. */
export function icsBefore(minutes: number): string {
	const whole = Math.max(0, Math.round(minutes));
	if (!whole) return 'PT0M';
	const hours = Math.floor(whole / 60);
	const rest = whole % 60;
	return `-PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

/** Joins content lines (`NAME:value`, value already escaped) into a file: folded, CRLF after each. */
export function icsFile(lines: readonly string[]): string {
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
