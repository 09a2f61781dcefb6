import Papa from 'papaparse';
import type { Encounter, NetworkingEvent, Person } from '../capture/records';
import { personToVCard } from '../contact/person-vcard';
import { structuredName } from '../contact/vcard-write';

/**
 * Column names HubSpot's and Salesforce's contact importers map on their own (First Name, Last
 * Name, Email, Phone, Company, Job Title), then what only this app knows: what we talked about,
 * where and when we met.
 */
export const CSV_COLUMNS = [
	'First Name',
	'Last Name',
	'Email',
	'Phone',
	'Company',
	'Job Title',
	'LinkedIn',
	'Website',
	'Note',
	'Event',
	'Met On'
] as const;

export interface ExportPerson {
	person: Person;
	/** Newest first. */
	encounters: Encounter[];
}

/** First and last name as contact importers want them (as the vCard's N: family-name-first for CJK). */
export function splitName(name: string): { first: string; last: string } {
	const [family = '', given = ''] = structuredName(name.trim().replace(/\s+/g, ' '));
	return given ? { first: given, last: family } : { first: family, last: '' };
}

const day = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/** What was talked about, meeting by meeting (newest first), as the contact's note. */
export function notesOf(encounters: readonly Encounter[], events: ReadonlyMap<string, NetworkingEvent>): string {
	return encounters
		.map((e) => {
			const where = e.eventId ? events.get(e.eventId)?.name : undefined;
			return `${day(e.metAt)}${where ? ` (${where})` : ''}: ${e.note}`;
		})
		.join('\n');
}

// A spreadsheet opening the file must not run a cell as a formula (=, +, -, @ and friends); a phone
// number like +4790000000 is left as it is.
const FORMULA = /^[=+\-@\t\r]/;
const PHONE = /^\+\d[\d ]*$/;
const cell = (value: string) => (FORMULA.test(value) && !PHONE.test(value) ? `'${value}` : value);

/** Everyone as one CSV (RFC 4180 quoting by Papa Parse), one row per person. */
export function peopleCsv(list: readonly ExportPerson[], events: ReadonlyMap<string, NetworkingEvent>): string {
	const rows = list.map(({ person, encounters }) => {
		const { first, last } = splitName(person.name);
		const latest = encounters[0];
		const event = latest?.eventId ? (events.get(latest.eventId)?.name ?? '') : '';
		const firstMet = encounters.at(-1);
		return [
			first,
			last,
			person.email,
			person.phone,
			person.org,
			person.title,
			person.linkedin,
			person.url,
			notesOf(encounters, events),
			event,
			firstMet ? day(firstMet.metAt) : ''
		].map(cell);
	});
	return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' });
}

/** Everyone as one .vcf the phone's contacts app imports in one go. */
export function peopleVCards(list: readonly ExportPerson[], events: ReadonlyMap<string, NetworkingEvent>): string {
	return list.map(({ person, encounters }) => personToVCard(person, notesOf(encounters, events))).join('');
}
