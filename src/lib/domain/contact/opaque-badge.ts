import type { CountryCode } from 'libphonenumber-js/min';
import { safeHttpUrl } from '../text/display';
import { isLinkedInUrl, normaliseEmail, normalisePhone } from './fields';
import { fieldsFromEntries, isContactKey } from './json-card';
import type { ContactFields } from './types';

// Where organisers' badge strings put one field after another ("::" before ":"-free "|" and "^").
const SEPARATORS = ['::', '^', '|', ';', '\t', '\n'];

const parts = (text: string, separator: string) =>
	text
		.split(separator)
		.map((p) => p.trim())
		.filter(Boolean);

/**
 * The separator the badge's fields are joined by, read by the fields' shape rather than by which
 * character comes first: the one that leaves a whole email address as a field wins (a "|" inside a
 * field, "Lisbon|Portugal", then stays inside it), else the one that gives the most fields.
 */
function fieldsOf(text: string): { separator: string; fields: string[] } | null {
	let best: { separator: string; fields: string[]; score: number } | null = null;
	for (const separator of SEPARATORS) {
		if (!text.includes(separator)) continue;
		const fields = parts(text, separator);
		if (fields.length < 2) continue;
		const score = (fields.some((f) => normaliseEmail(f)) ? 1000 : 0) + fields.length;
		if (!best || score > best.score) best = { separator, fields, score };
	}
	return best;
}

// "name:Ana", "E-mail = ana@…", "First Name: Jan": a labelled field.
const LABELLED = /^([\p{L}][\p{L} ._-]{0,23}?)\s*[:=]\s*(.+)$/u;

/** The fields of a "key:value;key:value" badge, when at least two of its keys name contact fields. */
function labelledFields(fields: readonly string[]): [string, string][] | null {
	const entries = fields
		.map((f) => LABELLED.exec(f))
		.filter((m): m is RegExpExecArray => !!m && isContactKey(m[1]!))
		.map((m) => [m[1]!, m[2]!.trim()] as [string, string]);
	return entries.length >= 2 ? entries : null;
}

/**
 * Organiser badges often pack an id and a few details into one delimited string
 * (`204419…^Grace^Hopper^Compiler Corp^grace@…`, `DVX-…::Ana::Pereira::Talkdesk::ana@…`,
 * `name:…;email:…`), and some codes are plain text, one detail per line. The layout differs per
 * organiser, so the fields are read by their shape (an email, a phone number, a link, a name-like
 * pair, a company) or their labels, whatever the separator — and only as a guess: the person
 * confirms before anything is saved.
 */
export function guessFromDelimited(text: string, defaultCountry?: CountryCode): Partial<ContactFields> {
	const split = fieldsOf(text);
	if (!split) return {};
	const { separator, fields } = split;
	const labelled = labelledFields(fields);
	if (labelled) {
		const input = fieldsFromEntries(labelled);
		const guess: Partial<ContactFields> = {};
		if (input?.name) guess.name = input.name;
		if (input?.org) guess.org = input.org;
		if (input?.title) guess.title = input.title;
		const email = normaliseEmail(input?.emails?.[0] ?? '');
		if (email) guess.email = email;
		const phone = input?.phones?.[0] ? normalisePhone(input.phones[0], defaultCountry) : null;
		if (phone) guess.phone = phone;
		return guess;
	}
	const guess: Partial<ContactFields> = {};
	const words: string[] = [];
	for (const part of fields) {
		const email = normaliseEmail(part);
		const url = safeHttpUrl(part);
		const phone = /^[+(]?\d[\d\s().-]{5,}$/.test(part) ? normalisePhone(part, defaultCountry) : null;
		if (email) guess.email ||= email;
		else if (url && isLinkedInUrl(url)) guess.linkedin ||= url;
		else if (url) guess.url ||= url;
		else if (phone) guess.phone ||= phone;
		// An id ("DVX-2026-4411", "Q7Z2K9LM") has digits and no space; a company may ("Studio 42").
		else if (/\p{L}/u.test(part) && !/\d{3}/.test(part) && !(/\d/.test(part) && !/\s/.test(part))) words.push(part);
	}
	// "Given^Family^Company" on badges, or "Full Name|Company"; "Full Name" on its own line in
	// plain-text cards.
	const fullName = (words[0]?.split(/\s+/).length ?? 0) >= 2;
	if (separator !== '\n' && words.length >= 2 && !fullName) {
		guess.name = `${words[0]} ${words[1]}`;
		if (words[2]) guess.org = words[2];
	} else if (words.length >= 1) {
		guess.name = words[0];
		if ((separator === '\n' || fullName) && words[1]) guess.org = words[1];
	}
	return guess;
}
