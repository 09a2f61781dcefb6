import type { CountryCode } from 'libphonenumber-js/min';
import { safeHttpUrl } from '../text/display';
import { isLinkedInUrl, normaliseEmail, normalisePhone } from './fields';
import type { ContactFields } from './types';

const SEPARATORS = ['^', '|', '\t', '\n'];

/**
 * Organiser badges often pack an id and a few details into one delimited string
 * (`204419…^Grace^Hopper^Compiler Corp^grace@…`), and some codes are plain text, one detail per
 * line. The layout differs per organiser, so this only guesses: the person confirms before anything
 * is saved.
 */
export function guessFromDelimited(text: string, defaultCountry?: CountryCode): Partial<ContactFields> {
	const separator = SEPARATORS.find((s) => text.includes(s));
	if (!separator) return {};
	const parts = text
		.split(separator)
		.map((p) => p.trim())
		.filter(Boolean);
	const guess: Partial<ContactFields> = {};
	const words: string[] = [];
	for (const part of parts) {
		const email = normaliseEmail(part);
		const url = safeHttpUrl(part);
		const phone = /^[+(]?\d[\d\s().-]{5,}$/.test(part) ? normalisePhone(part, defaultCountry) : null;
		if (email) guess.email ||= email;
		else if (url && isLinkedInUrl(url)) guess.linkedin ||= url;
		else if (url) guess.url ||= url;
		else if (phone) guess.phone ||= phone;
		else if (/\p{L}/u.test(part) && !/\d{3}/.test(part)) words.push(part);
	}
	// "Given^Family^Company" on badges; "Full Name" on its own line in plain-text cards.
	if (separator !== '\n' && words.length >= 2) {
		guess.name = `${words[0]} ${words[1]}`;
		if (words[2]) guess.org = words[2];
	} else if (words.length >= 1) {
		guess.name = words[0];
		if (separator === '\n' && words[1]) guess.org = words[1];
	}
	return guess;
}
