import Papa from 'papaparse';
import type { Encounter, NetworkingEvent, Person } from '../capture/records';
import { personToVCard } from '../contact/person-vcard';
import { structuredName } from '../contact/vcard-write';
import { localDay } from '../events/local-day';
import { unifyLineBreaks } from '../text/line-breaks';

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

type Events = ReadonlyMap<string, NetworkingEvent>;

/** The day of a meeting in its event's zone, or `timeZone` (the device's) for one without an event. */
const metOn = (encounter: Encounter, events: Events, timeZone: string) =>
	localDay(encounter.metAt, encounter.eventId ? events.get(encounter.eventId)?.timeZone : null, timeZone);

/**
 * What was talked about, meeting by meeting (newest first), as the contact's note; each meeting's
 * day is the day in its event's zone, or in `timeZone` (the device's) for one without an event.
 */
export function notesOf(encounters: readonly Encounter[], events: Events, timeZone: string): string {
	return encounters
		.map((e) => {
			const where = e.eventId ? events.get(e.eventId)?.name : undefined;
			return `${metOn(e, events, timeZone)}${where ? ` (${where})` : ''}: ${e.note}`;
		})
		.join('\n');
}

// A spreadsheet opening the file must not run a cell as a formula (=, +, -, @ and friends); a phone
// number like +4790000000 is left as it is. Papa Parse quotes a cell with a line break; inside the
// quotes each break is LF, the one kind spreadsheets agree on.
const FORMULA = /^[=+\-@\t\r]/;
const PHONE = /^\+\d[\d ]*$/;
const cell = (text: string) => {
	const value = unifyLineBreaks(text);
	return FORMULA.test(value) && !PHONE.test(value) ? `'${value}` : value;
};

/**
 * Everyone as one CSV (RFC 4180 quoting by Papa Parse), one row per person. Days are local to each
 * meeting's event, or to `timeZone` (the device's).
 */
export function peopleCsv(list: readonly ExportPerson[], events: Events, timeZone: string): string {
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
			notesOf(encounters, events, timeZone),
			event,
			firstMet ? metOn(firstMet, events, timeZone) : ''
		].map(cell);
	});
	return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' });
}

/** Everyone as one .vcf the phone's contacts app imports in one go (days as in `notesOf`). */
export function peopleVCards(list: readonly ExportPerson[], events: Events, timeZone: string): string {
	return list.map(({ person, encounters }) => personToVCard(person, notesOf(encounters, events, timeZone))).join('');
}
