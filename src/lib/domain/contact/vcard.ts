import ICAL from 'ical.js';
import type { FieldInput } from './fields';
import { VCARD3_DESIGN, VCARD4_DESIGN } from './vcard-design';
import { normaliseContentLine, unfoldLines } from './vcard-lines';

/** True when the text starts like a vCard. */
export function looksLikeVCard(text: string): boolean {
	return /^\s*BEGIN:VCARD/i.test(text);
}

function firstText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return firstText(value[0]);
	return '';
}

/** Joins the given and family names of a structured N value ("Okafor;Adaeze" → "Adaeze Okafor"). */
function nameFromN(value: unknown): string {
	const parts = Array.isArray(value) ? value.map((part) => firstText(part).trim()) : [firstText(value)];
	const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts;
	return [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
}

// Lower is preferred: vCard 4.0 ranks with PREF=1…100; 3.0 and 2.1 mark one value TYPE=pref (2.1:
// a bare PREF), read as PREF=1 in any version since cards mix them. Unmarked values come last.
const UNMARKED = 101;

function preference(property: ICAL.Property): number {
	const rank = Number(firstText(property.getParameter('pref')));
	if (Number.isInteger(rank) && rank >= 1 && rank <= 100) return rank;
	const types = [property.getParameter('type') ?? []].flat().map((type) => String(type).toLowerCase());
	return types.includes('pref') ? 1 : UNMARKED;
}

/** The values, most preferred first; equal ranks keep the card's order. */
function byPreference(ranked: { value: string; rank: number }[]): string[] {
	return ranked.sort((a, b) => a.rank - b.rank).map(({ value }) => value);
}

/**
 * Reads a vCard 2.1, 3.0 or 4.0 payload into raw field values. Each content line is parsed on its
 * own by ical.js, so one broken line (or a payload cut off mid-way) costs only that line. Emails
 * and phones come most preferred first (PREF, TYPE=pref), so the preferred ones become the main.
 */
export function readVCard(text: string): { input: FieldInput; unreadable: number } {
	const lines = unfoldLines(text);
	const versionLine = lines.find((line) => /^VERSION:/i.test(line));
	const version = versionLine?.slice(8).trim() ?? '3.0';
	const design = version.startsWith('4') ? VCARD4_DESIGN : VCARD3_DESIGN;

	const input: Required<Omit<FieldInput, 'badgeId'>> = {
		name: '',
		org: '',
		title: '',
		emails: [],
		phones: [],
		urls: [],
		note: ''
	};
	const emails: { value: string; rank: number }[] = [];
	const phones: { value: string; rank: number }[] = [];
	let structuredName = '';
	let unreadable = 0;
	for (const logical of lines) {
		const content = normaliseContentLine(logical, version);
		if (!content || ['BEGIN', 'END', 'VERSION'].includes(content.name)) continue;
		let value: unknown;
		let values: unknown[] = [];
		let rank = UNMARKED;
		try {
			const property = ICAL.Property.fromString(content.line, design);
			value = property.getFirstValue();
			values = property.getValues();
			rank = preference(property);
		} catch {
			unreadable++;
			continue;
		}
		const textValue = firstText(value).trim();
		switch (content.name) {
			case 'FN':
				input.name ||= textValue;
				break;
			case 'N':
				structuredName ||= nameFromN(value);
				break;
			case 'ORG':
				input.org ||= textValue;
				break;
			case 'TITLE':
				input.title ||= textValue;
				break;
			case 'EMAIL':
				emails.push({ value: textValue, rank });
				break;
			case 'TEL':
				phones.push({ value: textValue, rank });
				break;
			case 'URL':
			case 'X-SOCIALPROFILE':
				input.urls.push(textValue);
				break;
			case 'NOTE':
				// ical.js splits a note on commas the card did not escape: the whole note is kept.
				input.note ||= values.map(firstText).join(',').trim();
				break;
		}
	}
	input.name ||= structuredName;
	input.emails = byPreference(emails);
	input.phones = byPreference(phones);
	return { input, unreadable };
}
