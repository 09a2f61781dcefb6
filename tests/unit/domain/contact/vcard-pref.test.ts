import { describe, expect, it } from 'vitest';
import { planCapture } from '$lib/domain/capture/plan-capture';
import { otherContacts, otherContactsLine } from '$lib/domain/contact/card-contacts';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { readVCard } from '$lib/domain/contact/vcard';
import { badgeFixtures } from '../../../support/fixtures';
import { makeDraft, sequentialIds } from '../../../support/factories';

const card = (version: string, ...lines: string[]) =>
	['BEGIN:VCARD', `VERSION:${version}`, 'FN:Adaeze Okafor', ...lines, 'END:VCARD', ''].join('\r\n');

// vCard 4.0 (RFC 6350 §5.3): PREF=1 is the most preferred, up to 100.
const V4 = card(
	'4.0',
	'EMAIL;TYPE=home:ada@home.example',
	'EMAIL;TYPE=work;PREF=1:adaeze@lumenlabs.example',
	'EMAIL;PREF=2:a.okafor@uni.example',
	'TEL;VALUE=uri;TYPE=home:tel:+44-20-7946-0958',
	'TEL;VALUE=uri;TYPE=cell;PREF=1:tel:+234-803-555-0142'
);
// vCard 3.0 (RFC 2426): TYPE=pref marks the preferred one, alone or in a type list.
const V3 = card(
	'3.0',
	'EMAIL;TYPE=INTERNET,HOME:ada@home.example',
	'EMAIL;TYPE=INTERNET;TYPE=WORK;TYPE=pref:adaeze@lumenlabs.example',
	'TEL;TYPE=HOME,VOICE:+44 20 7946 0958',
	'TEL;TYPE=CELL,PREF:+234 803 555 0142'
);
// vCard 2.1: a bare PREF parameter.
const V21 = card('2.1', 'TEL;HOME:+44 20 7946 0958', 'TEL;CELL;PREF:+234 803 555 0142');

describe('the preferred email and phone of a vCard become the main ones', () => {
	it('reads vCard 4.0 PREF=1, then PREF=2, then the unmarked ones in card order', () => {
		const { input } = readVCard(V4);
		expect(input.emails).toEqual(['adaeze@lumenlabs.example', 'a.okafor@uni.example', 'ada@home.example']);
		const parsed = parseBadgePayload(V4);
		expect(parsed.fields.email).toBe('adaeze@lumenlabs.example');
		expect(parsed.fields.phone).toBe('+2348035550142');
	});

	it('reads vCard 3.0 TYPE=pref, on its own or in a type list', () => {
		const parsed = parseBadgePayload(V3);
		expect(parsed.fields.email).toBe('adaeze@lumenlabs.example');
		expect(parsed.fields.phone).toBe('+2348035550142');
	});

	it('reads the bare PREF of vCard 2.1', () => {
		expect(parseBadgePayload(V21).fields.phone).toBe('+2348035550142');
	});

	it('keeps the first one when nothing is marked, as before', () => {
		const parsed = parseBadgePayload(card('3.0', 'EMAIL:first@a.example', 'EMAIL:second@a.example'));
		expect(parsed.fields.email).toBe('first@a.example');
	});

	it('falls back to the next one when the preferred value is not valid, and says so', () => {
		const parsed = parseBadgePayload(card('4.0', 'EMAIL:ok@a.example', 'EMAIL;PREF=1:not-an-address'));
		expect(parsed.fields.email).toBe('ok@a.example');
		expect(parsed.warnings.join(' ')).toMatch(/not-an-address/);
	});

	it('ignores a PREF outside 1–100', () => {
		const parsed = parseBadgePayload(card('4.0', 'EMAIL:first@a.example', 'EMAIL;PREF=0:zero@a.example'));
		expect(parsed.fields.email).toBe('first@a.example');
	});

	it('gives every shared fixture its expected main email and phone (none carries PREF yet)', () => {
		for (const fixture of badgeFixtures) {
			const expected = fixture.expect;
			const parsed = parseBadgePayload(fixture.payload);
			if ('email' in expected) expect(parsed.fields.email, fixture.id).toBe(expected.email);
			if ('phone' in expected) expect(parsed.fields.phone, fixture.id).toBe(expected.phone);
			// One email and one phone each: nothing else to keep.
			expect(parsed.contacts, fixture.id).toBeUndefined();
		}
	});
});

describe('the other emails and phones are kept', () => {
	it('lists every valid email and phone, main ones first, without repeats', () => {
		const parsed = parseBadgePayload(V4 + 'EMAIL:ADA@home.example\r\n');
		expect(parsed.contacts).toEqual({
			emails: ['adaeze@lumenlabs.example', 'a.okafor@uni.example', 'ada@home.example'],
			phones: ['+2348035550142', '+442079460958']
		});
	});

	it('keeps a MECARD’s second phone too', () => {
		const parsed = parseBadgePayload('MECARD:N:Lindqvist,Elin;TEL:+46701234567;TEL:+46812345678;;');
		expect(parsed.fields.phone).toBe('+46701234567');
		expect(parsed.contacts?.phones).toEqual(['+46701234567', '+46812345678']);
	});

	it('names the others as the person edits the main ones, the card’s first choice among them', () => {
		const contacts = { emails: ['a@x.example', 'b@x.example'], phones: ['+442079460958'] };
		expect(otherContacts(contacts, { email: 'a@x.example', phone: '+44 20 7946 0958' })).toEqual(['b@x.example']);
		expect(otherContacts(contacts, { email: 'B@x.example', phone: '' })).toEqual(['a@x.example', '+442079460958']);
		expect(otherContacts(undefined, { email: '', phone: '' })).toEqual([]);
		expect(otherContactsLine([])).toBe('');
		expect(otherContactsLine(['b@x.example', '+442079460958'])).toBe('Also on their card: b@x.example, +442079460958');
	});

	it('saves them as a line after the note, which alone still passes or fails the note gate', () => {
		const draft = makeDraft(V4, { note: 'Grid storage pilots in Lagos' });
		expect(draft.contacts?.emails).toHaveLength(3);
		const context = { existing: null, event: null, now: draft.metAt, newId: sequentialIds() };
		const result = planCapture(draft, context);
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.person).toMatchObject({ email: 'adaeze@lumenlabs.example', phone: '+2348035550142' });
		expect(result.plan.encounter.note).toBe(
			'Grid storage pilots in Lagos\n\nAlso on their card: a.okafor@uni.example, ada@home.example, +442079460958'
		);
		expect(planCapture({ ...draft, note: '' }, context)).toMatchObject({ ok: false, field: 'note' });
	});

	it('adds nothing to the note of a card with one email and one phone', () => {
		const draft = makeDraft(card('3.0', 'EMAIL:one@a.example', 'TEL:+442079460958'), { note: 'Heat pumps' });
		expect(draft.contacts).toBeUndefined();
		const result = planCapture(draft, { existing: null, event: null, now: draft.metAt, newId: sequentialIds() });
		expect(result.ok && result.plan.encounter.note).toBe('Heat pumps');
	});
});
