/**
 * Content lines of the text formats the app writes by hand, vCard (RFC 2426 / 2425) and iCalendar
 * (RFC 5545): the same TEXT escaping and the same folding by octets of UTF-8.
 */

/** A TEXT value: backslash, semicolon, comma and every line break (CRLF, CR or LF) escaped. */
export function escapeText(value: string): string {
	return value.replace(/[\\;,\n]|\r\n?/g, (c) => (c.startsWith('\r') || c === '\n' ? '\\n' : `\\${c}`));
}

/**
 * Folds a content line, never inside a character: the first physical line holds 75 octets, each
 * continuation line a space and `room` more. RFC 5545 counts the space within 75 (room 74); ical.js,
 * whose vCards the card writer matches byte for byte, writes 75 after it.
 */
export function foldOctets(line: string, room: 74 | 75): string {
	const pieces: string[] = [];
	let start = 0;
	let octets = 0;
	let limit = 75;
	for (let at = 0; at < line.length;) {
		const code = line.codePointAt(at)!;
		const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
		if (octets + size > limit) {
			pieces.push(line.slice(start, at));
			start = at;
			octets = 0;
			limit = room;
		}
		octets += size;
		at += code > 0xffff ? 2 : 1;
	}
	pieces.push(line.slice(start));
	return pieces.join('\r\n ');
}
