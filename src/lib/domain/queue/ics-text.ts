/**
 * iCalendar (RFC 5545) content lines written by hand: the calendar file is a handful of properties,
 * so neither the queue's "Add to calendar" nor a follow-up's own needs a calendar library.
 */

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
	return value.replace(/\r\n|[\\;,\n\r]/g, (c) => (c === '\r\n' || c === '\n' || c === '\r' ? '\\n' : `\\${c}`));
}

/**
 * Folds a content line so no physical line is longer than 75 octets of UTF-8, the leading space of
 * a continuation line included, and never inside a character (RFC 5545 §3.1).
 */
export function foldLine(line: string): string {
	const pieces: string[] = [];
	let start = 0;
	let octets = 0;
	// The first line holds 75 octets; each continuation line holds a space and 74.
	let room = 75;
	for (let at = 0; at < line.length;) {
		const code = line.codePointAt(at)!;
		const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		if (octets + size > room) {
			pieces.push(line.slice(start, at));
			start = at;
			octets = 0;
			room = 74;
		}
		octets += size;
		at += code > 0xffff ? 2 : 1;
	}
	pieces.push(line.slice(start));
	return pieces.join('\r\n ');
}

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
