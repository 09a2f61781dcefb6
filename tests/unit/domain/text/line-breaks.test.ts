// A bare carriage return is a line break to every reader of .vcf, .ics and CSV files: a writer that
// leaves one in a value lets the value write lines of its own (a whole contact, a whole event).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Person } from '$lib/domain/capture/records';
import { vCardText } from '$lib/domain/contact/vcard-text';
import { writeVCard } from '$lib/domain/contact/vcard-write';
import { readVcfFile } from '$lib/domain/people/vcf-read';
import { peopleCsv, peopleVCards } from '$lib/domain/people/exports';
import { followUpsToIcs } from '$lib/domain/queue/calendar';
import { oneLine, unifyLineBreaks } from '$lib/domain/text/line-breaks';
import { T0, makeFollowUp } from '../../../support/follow-ups';

const INJECTED =
	'\rEND:VCARD\rBEGIN:VCARD\rVERSION:3.0\rFN:Mallory\rEMAIL:m@evil.example\rEND:VCARD\rBEGIN:VCARD\rFN:x';
const EVENT =
	'\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil\rDTSTART:20261201T090000Z\rSUMMARY:Wire the money\rEND:VEVENT\rBEGIN:VEVENT\rX:';

/** Every physical line, as a reader that takes CR, LF and CRLF as line ends sees them. */
const lines = (text: string) => text.split(/\r\n|\r|\n/).filter(Boolean);
/** Nothing but CRLF ends a line. */
const bareBreaks = (text: string) => text.replaceAll('\r\n', '').match(/[\r\n]/g)?.length ?? 0;

const person = (id: string, overrides: Partial<Person>): Person => ({
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
	createdAt: T0,
	updatedAt: T0,
	...overrides
});

describe('line breaks', () => {
	it('are one kind on the way in: CRLF and CR become LF, or a space in one-line text', () => {
		expect(unifyLineBreaks('a\r\nb\rc\nd\r\r\n')).toBe('a\nb\nc\nd\n\n');
		expect(oneLine('Ada\r\nLovelace\rKing\n')).toBe('Ada Lovelace King ');
	});

	it('in any value of a vCard are escaped, by both vCard writers alike', () => {
		const entry = {
			name: `Ada${INJECTED}`,
			org: `Org${INJECTED}`,
			title: 'T\r\nY',
			phone: `+44${INJECTED}`,
			email: `a@b.example${INJECTED}`,
			urls: [`https://a.example/${INJECTED}`],
			note: `Met\ron\r\nMonday\nat noon${INJECTED}`
		};
		for (const card of [writeVCard(entry), vCardText(entry)]) {
			expect(bareBreaks(card)).toBe(0);
			expect(lines(card).filter((l) => /^BEGIN:VCARD$/i.test(l))).toHaveLength(1);
		}
		expect(vCardText(entry)).toBe(writeVCard(entry));
	});

	it('in people exported as .vcf never add contacts when the file is imported again', () => {
		const list = [
			{ person: person('p1', { name: `Ada Lovelace${INJECTED}`, org: INJECTED }), encounters: [] },
			{ person: person('p2', { name: 'Bo Chen', phone: `+4790000000${INJECTED}` }), encounters: [] }
		];
		const read = readVcfFile(peopleVCards(list, new Map(), 'UTC'));
		expect(read.ok && read.cards).toBe(2);
		expect(read.ok && read.contacts.map((c) => c.fields.name)).not.toContain('Mallory');
	});

	it('in a calendar file are escaped, so no event writes another', () => {
		const ics = followUpsToIcs(
			[
				{
					followUp: makeFollowUp({ id: `fa${EVENT}` }),
					personName: `Ada${EVENT}`,
					note: `Grid storage${EVENT}`,
					promises: [`Send the deck${EVENT}`]
				}
			],
			T0
		);
		expect(bareBreaks(ics)).toBe(0);
		expect(lines(ics).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
	});

	it('in a CSV cell are quoted, and written as one kind', () => {
		const list = [
			{ person: person('p1', { name: 'Ada\rLovelace', org: 'a\r\nb', title: 'CTO\rCEO' }), encounters: [] }
		];
		const csv = peopleCsv(list, new Map(), 'UTC');
		const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
		expect(parsed.data).toHaveLength(1);
		expect(parsed.data[0]).toMatchObject({
			'First Name': 'Ada',
			'Last Name': 'Lovelace',
			Company: 'a\nb',
			'Job Title': 'CTO\nCEO'
		});
	});
});
