import Papa from 'papaparse';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Encounter, NetworkingEvent, Person } from '$lib/domain/capture/records';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { CSV_COLUMNS, peopleCsv, peopleVCards, splitName, type ExportPerson } from '$lib/domain/people/exports';

const T = Date.parse('2026-11-19T14:30:00Z');
const event: NetworkingEvent = {
	id: 'ev1',
	name: 'Lagos Energy Week',
	startDate: '2026-11-18',
	endDate: '2026-11-20',
	timeZone: 'Africa/Lagos',
	clockFromEnd: false,
	createdAt: T
};
const events = new Map([[event.id, event]]);

function person(id: string, overrides: Partial<Person>): Person {
	return {
		id,
		name: '',
		org: '',
		title: '',
		email: '',
		phone: '',
		linkedin: '',
		url: '',
		badgeId: '',
		matchKeys: [],
		createdAt: T,
		updatedAt: T,
		...overrides
	};
}
function met(personId: string, note: string, metAt = T, eventId: string | null = 'ev1'): Encounter {
	return {
		id: `${personId}-${metAt}`,
		personId,
		eventId,
		metAt,
		note,
		helpOffer: '',
		raw: '',
		kind: 'typed',
		createdAt: metAt
	};
}

const list: ExportPerson[] = [
	{
		person: person('p1', {
			name: 'José Müller-Ødegård',
			org: 'Grid, Storage & Co',
			title: 'CTO',
			email: 'jose@grid.example',
			phone: '+4790000000'
		}),
		encounters: [
			met('p1', 'Second chat: "pilot" data,\nand the Oslo trip', T + 86_400_000),
			met('p1', 'Batteries, first time')
		]
	},
	{
		person: person('p2', { name: '山田 太郎', org: '東京電力' }),
		encounters: [met('p2', '蓄電池について話した', T, null)]
	},
	{
		person: person('p3', { name: '=HYPERLINK("http://evil.example")', email: 'x@evil.example' }),
		encounters: [met('p3', '@SUM(1+1) talk')]
	},
	{ person: person('p4', { name: 'Cher' }), encounters: [] }
];

describe('CSV for HubSpot and Salesforce', () => {
	it('has the columns their importers map, and survives commas, quotes, new lines and non-Latin names', () => {
		const csv = peopleCsv(list, events, 'UTC');
		const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
		expect(parsed.data).toHaveLength(4);
		expect(parsed.data[0]).toEqual({
			'First Name': 'José',
			'Last Name': 'Müller-Ødegård',
			Email: 'jose@grid.example',
			Phone: '+4790000000',
			Company: 'Grid, Storage & Co',
			'Job Title': 'CTO',
			LinkedIn: '',
			Website: '',
			Note: '2026-11-20 (Lagos Energy Week): Second chat: "pilot" data,\nand the Oslo trip\n2026-11-19 (Lagos Energy Week): Batteries, first time',
			Event: 'Lagos Energy Week',
			'Met On': '2026-11-19'
		});
		expect(parsed.data[1]).toMatchObject({
			'First Name': '太郎',
			'Last Name': '山田',
			Company: '東京電力',
			Event: '',
			Note: '2026-11-19: 蓄電池について話した'
		});
		// Nothing a spreadsheet would run as a formula.
		expect(parsed.data[2]!['First Name']!.startsWith("'")).toBe(true);
		expect(parsed.data[2]!.Note).toBe('2026-11-19 (Lagos Energy Week): @SUM(1+1) talk');
		expect(parsed.data[3]).toMatchObject({ 'First Name': 'Cher', 'Last Name': '', 'Met On': '', Note: '' });
	});

	it('splits names as the vCard does', () => {
		expect(splitName('  Adaeze   Okafor ')).toEqual({ first: 'Adaeze', last: 'Okafor' });
		expect(splitName('Mary Ann van der Berg')).toEqual({ first: 'Mary Ann van der', last: 'Berg' });
		expect(splitName('Cher')).toEqual({ first: 'Cher', last: '' });
	});
});

describe('all people as one .vcf', () => {
	it('holds one vCard per person that parses back, with what we talked about as the note', () => {
		const vcf = peopleVCards(list, events, 'UTC');
		const cards = vcf.split(/(?<=END:VCARD\r?\n?)/).filter((c) => c.trim());
		expect(cards).toHaveLength(4);
		const first = parseBadgePayload(cards[0]!);
		expect(first.fields).toMatchObject({
			name: 'José Müller-Ødegård',
			org: 'Grid, Storage & Co',
			email: 'jose@grid.example'
		});
		const note = new ICAL.Component(ICAL.parse(cards[0]!)).getFirstPropertyValue('note');
		expect(note).toBe(
			'2026-11-20 (Lagos Energy Week): Second chat: "pilot" data,\nand the Oslo trip\n2026-11-19 (Lagos Energy Week): Batteries, first time'
		);
		expect(parseBadgePayload(cards[1]!).fields.name).toBe('山田 太郎');
	});
});

describe('"Met on" is the day where the meeting happened, never the UTC day', () => {
	// 21:00 in New York on 3 October is 01:00 on 4 October in UTC.
	const evening = Date.parse('2026-10-04T01:00:00Z');
	const nyc: NetworkingEvent = { ...event, id: 'ny', name: 'Climate Week NYC', timeZone: 'America/New_York' };
	const people: ExportPerson[] = [
		{ person: person('p1', { name: 'Ana Lima' }), encounters: [met('p1', 'Heat pumps', evening, 'ny')] },
		// Met without an event: the device's own zone decides the day.
		{ person: person('p2', { name: 'Bo Chen' }), encounters: [met('p2', 'Grid batteries', evening, null)] }
	];
	const byId = new Map([[nyc.id, nyc]]);

	it('in the CSV, by the event zone, or the device zone for a meeting without an event', () => {
		const rows = Papa.parse<Record<string, string>>(peopleCsv(people, byId, 'America/Los_Angeles'), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.map((r) => r['Met On'])).toEqual(['2026-10-03', '2026-10-03']);
		expect(rows[0]!.Note).toBe('2026-10-03 (Climate Week NYC): Heat pumps');
		expect(rows[1]!.Note).toBe('2026-10-03: Grid batteries');
		// A device east of UTC puts the event-less meeting on its own day.
		const tokyo = Papa.parse<Record<string, string>>(peopleCsv(people, byId, 'Asia/Tokyo'), { header: true }).data;
		expect(tokyo.map((r) => r['Met On'])).toEqual(['2026-10-03', '2026-10-04']);
	});

	it('in the .vcf notes', () => {
		const vcf = peopleVCards(people, byId, 'America/Chicago');
		const notes = vcf
			.split(/(?<=END:VCARD\r\n)/)
			.filter((c) => c.trim())
			.map((card) => new ICAL.Component(ICAL.parse(card)).getFirstPropertyValue('note'));
		expect(notes).toEqual(['2026-10-03 (Climate Week NYC): Heat pumps', '2026-10-03: Grid batteries']);
	});

	it('an event whose zone this browser does not know falls back to the device zone', () => {
		const odd = new Map([[nyc.id, { ...nyc, timeZone: 'Mars/Olympus_Mons' }]]);
		const rows = Papa.parse<Record<string, string>>(peopleCsv(people, odd, 'America/New_York'), { header: true }).data;
		expect(rows[0]!['Met On']).toBe('2026-10-03');
	});
});
