import { normaliseEmail } from './fields';
import type { ContactFields } from './types';

const SEPARATORS = ['^', '|', '\t'];

/**
 * Organiser badges often pack an id and a few details into one delimited string
 * (`204419…^Grace^Hopper^Compiler Corp^grace@…`). The layout differs per organiser, so this only
 * guesses: the person confirms before anything is saved.
 */
export function guessFromDelimited(text: string): Partial<ContactFields> {
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
		if (email) guess.email ||= email;
		else if (/\p{L}/u.test(part) && !/\d{3}/.test(part)) words.push(part);
	}
	if (words.length >= 2) {
		guess.name = `${words[0]} ${words[1]}`;
		if (words[2]) guess.org = words[2];
	} else if (words.length === 1) {
		guess.name = words[0];
	}
	return guess;
}

/** A name guessed from a LinkedIn profile slug (`/in/carla-mendes-7a1b2c/` → "Carla Mendes"). */
export function guessNameFromLinkedIn(url: string): string {
	const match = /\/in\/([^/?#]+)/.exec(url);
	if (!match?.[1]) return '';
	let slug: string;
	try {
		slug = decodeURIComponent(match[1]);
	} catch {
		return '';
	}
	const words = slug.split('-').filter((w) => /^\p{L}+$/u.test(w));
	return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
