import type { FieldInput } from './fields';

/** True when the text is a MECARD (the compact contact format of Japanese phones and many badges). */
export function looksLikeMeCard(text: string): boolean {
	return /^\s*MECARD:/i.test(text);
}

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (char === '\\' && i + 1 < text.length) {
			current += char + text[i + 1];
			i++;
		} else if (char === separator) {
			parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	parts.push(current);
	return parts;
}

function unescape(text: string): string {
	return text.replace(/\\(.)/g, '$1');
}

/** The unescaped value of one key of a MECARD-style body (`URL:http\://…;TITLE:…;;`), or ''. */
export function readMeCardEntry(body: string, key: string): string {
	for (const entry of splitUnescaped(body, ';')) {
		const colon = entry.indexOf(':');
		if (colon > 0 && entry.slice(0, colon).trim().toUpperCase() === key) return unescape(entry.slice(colon + 1));
	}
	return '';
}

/**
 * Reads a MECARD payload: `MECARD:N:Last,First;ORG:…;TEL:…;EMAIL:…;URL:…;;` with `\;`, `\:`,
 * `\,` and `\\` escapes. UID (used by some badge printers) becomes the badge id; NOTE is kept as
 * the card's note.
 */
export function readMeCard(text: string): FieldInput {
	const body = text.trim().replace(/^MECARD:/i, '');
	const input: Required<FieldInput> = {
		name: '',
		org: '',
		title: '',
		emails: [],
		phones: [],
		urls: [],
		badgeId: '',
		note: ''
	};
	for (const entry of splitUnescaped(body, ';')) {
		const colon = entry.indexOf(':');
		if (colon <= 0) continue;
		const key = entry.slice(0, colon).trim().toUpperCase();
		const value = entry.slice(colon + 1);
		switch (key) {
			case 'N': {
				const [family = '', given = ''] = splitUnescaped(value, ',').map((p) => unescape(p).trim());
				input.name ||= [given, family].filter(Boolean).join(' ');
				break;
			}
			case 'ORG':
				input.org ||= unescape(value);
				break;
			case 'TITLE':
				input.title ||= unescape(value);
				break;
			case 'TEL':
				input.phones.push(unescape(value));
				break;
			case 'EMAIL':
				input.emails.push(unescape(value));
				break;
			case 'URL':
				input.urls.push(unescape(value));
				break;
			case 'UID':
				input.badgeId ||= unescape(value);
				break;
			case 'NOTE':
				input.note ||= unescape(value);
				break;
		}
	}
	return input;
}
