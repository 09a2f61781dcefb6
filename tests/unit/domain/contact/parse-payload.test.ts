import { describe, expect, it } from 'vitest';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { CONTACT_FIELDS } from '$lib/domain/contact/types';
import { badgeFixture, badgeFixtures } from '../../../support/fixtures';

describe('parseBadgePayload on the shared fixtures', () => {
	it.each(badgeFixtures.map((f) => [f.id, f] as const))('%s parses to its expectation', (_id, fixture) => {
		const parsed = parseBadgePayload(fixture.payload);
		for (const field of CONTACT_FIELDS) {
			if (field in fixture.expect) expect(parsed.fields[field]).toBe(fixture.expect[field]);
		}
		if ('needsName' in fixture.expect) expect(parsed.needsName).toBe(fixture.expect.needsName);
		// A name the code only hints at is a suggestion (marked as guessed on the form), never the name.
		if ('suggestedName' in fixture.expect) expect(parsed.suggestions.name ?? '').toBe(fixture.expect.suggestedName);
		for (const field of ['org', 'email', 'phone'] as const) {
			const key = `suggested${field[0]!.toUpperCase()}${field.slice(1)}`;
			if (key in fixture.expect) expect(parsed.suggestions[field] ?? '', key).toBe(fixture.expect[key]);
		}
		if ('cardNote' in fixture.expect) expect(parsed.cardNote).toBe(fixture.expect.cardNote);
	});

	it('keeps hostile markup as literal text and drops the javascript: link', () => {
		const parsed = parseBadgePayload(badgeFixture('hostile-html').payload);
		expect(parsed.fields.org).toBe('<script>alert(2)</script>');
		expect(parsed.fields.url).toBe('');
		expect(parsed.warnings.join(' ')).toMatch(/isn't a web address/);
	});

	it('strips bidi overrides from names', () => {
		const parsed = parseBadgePayload(badgeFixture('hostile-bidi').payload);
		expect(parsed.fields.name).toBe('Mallory gnp.exe');
		expect(parsed.fields.name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
	});

	it('explains a Wi-Fi code and keeps its raw text', () => {
		const payload = badgeFixture('not-a-card').payload;
		const parsed = parseBadgePayload(payload);
		expect(parsed.kind).toBe('not-a-person');
		expect(parsed.notAPerson).toMatch(/Wi-Fi/);
		expect(parsed.raw).toBe(payload);
		expect(parsed.fields.badgeId).toBe('');
	});

	it('rejects the cut-off email of a truncated card with a warning', () => {
		const parsed = parseBadgePayload(badgeFixture('truncated-vcard').payload);
		expect(parsed.fields.email).toBe('');
		expect(parsed.warnings.join(' ')).toMatch(/half@/);
	});

	it('guesses but does not confirm the name on a caret-separated badge', () => {
		const parsed = parseBadgePayload(badgeFixture('caret-badge').payload);
		expect(parsed.fields.name).toBe('');
		expect(parsed.suggestions).toMatchObject({
			name: 'Grace Hopper',
			org: 'Compiler Corp',
			email: 'grace@compiler.example'
		});
	});

	it('suggests a name from a LinkedIn slug', () => {
		expect(parseBadgePayload(badgeFixture('linkedin-url').payload).suggestions.name).toBe('Carla Mendes');
	});

	it('suggests a name from a mailto: address but leaves the name itself empty', () => {
		const parsed = parseBadgePayload(badgeFixture('mailto-name').payload);
		expect(parsed.fields.name).toBe('');
		expect(parsed.suggestions).toEqual({ name: 'Ana Pereira' });
		expect(parseBadgePayload(badgeFixture('mailto-role').payload).suggestions).toEqual({});
	});

	it('keeps the note of a MECARD and of a vCard, and none when the card has none', () => {
		expect(parseBadgePayload(badgeFixture('mecard-note').payload).cardNote).toBe(
			'Ask me about the Lagos pilot; booth B12'
		);
		expect(parseBadgePayload(badgeFixture('vcard30-folded').payload).cardNote).toMatch(/^Met at booth 12, /);
		// A comma the card did not escape is part of the note, not the end of it.
		expect(
			parseBadgePayload('BEGIN:VCARD\nVERSION:3.0\nFN:Priya Raman\nNOTE:Vegan, no calls\nEND:VCARD').cardNote
		).toBe('Vegan, no calls');
		expect(parseBadgePayload(badgeFixture('mecard-basic').payload)).not.toHaveProperty('cardNote');
		expect(parseBadgePayload(badgeFixture('vcard30-basic').payload)).not.toHaveProperty('cardNote');
	});
});

describe('parseBadgePayload beyond the fixtures', () => {
	it('unescapes vCard 3.0 text values', () => {
		const parsed = parseBadgePayload(
			'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Doe\\, Jane\r\nORG:Acme\\; Inc;R&D\r\nEND:VCARD'
		);
		expect(parsed.fields.name).toBe('Doe, Jane');
		expect(parsed.fields.org).toBe('Acme; Inc');
	});

	it('decodes quoted-printable soft line breaks and Latin-1', () => {
		const payload =
			'BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Fran=E7ois Le=\n Gu=E9rec\nEND:VCARD';
		expect(parseBadgePayload(payload).fields.name).toBe('François Le Guérec');
	});

	it('builds the name from N when FN is missing, and reads grouped properties', () => {
		const payload = 'BEGIN:VCARD\rVERSION:3.0\rN:Okafor;Adaeze;;Dr.;\ritem1.EMAIL;type=pref:A@Example.org\rEND:VCARD';
		const parsed = parseBadgePayload(payload);
		expect(parsed.fields.name).toBe('Dr. Adaeze Okafor');
		expect(parsed.fields.email).toBe('a@example.org');
	});

	it('reads phones without a country prefix in the default region', () => {
		const parsed = parseBadgePayload('tel:030 1234567', { defaultCountry: 'DE' });
		expect(parsed.fields.phone).toBe('+49301234567');
	});

	it('treats an empty code as empty, and JSON without contact keys as an opaque id', () => {
		expect(parseBadgePayload('   ').kind).toBe('empty');
		const opaque = parseBadgePayload('{"a":1}');
		expect(opaque.kind).toBe('opaque');
		expect(opaque.fields.badgeId).toBe('{"a":1}');
	});

	it('keeps "__proto__" keys in JSON as plain data', () => {
		const parsed = parseBadgePayload('{"__proto__":{"name":"x"},"name":"Ada Lovelace","email":"ada@example.org"}');
		expect(parsed.fields.name).toBe('Ada Lovelace');
		// Nothing leaked onto Object.prototype (prototype pollution).
		expect(Object.prototype).not.toHaveProperty('name');
	});

	it('explains calendar events and payment codes', () => {
		expect(parseBadgePayload('BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT').notAPerson).toMatch(/calendar/);
		expect(parseBadgePayload('bitcoin:1abc').notAPerson).toMatch(/payment/);
		expect(parseBadgePayload('javascript:alert(1)').kind).toBe('not-a-person');
	});
});

describe('plain-text cards and bookmarks', () => {
	it('guesses the details of a one-per-line text card but does not confirm the name', () => {
		const parsed = parseBadgePayload('Sean Owen\nsrowen@google.com\n917-364-2918\nhttp://awesome-thoughts.com', {
			defaultCountry: 'US'
		});
		expect(parsed.kind).toBe('opaque');
		expect(parsed.needsName).toBe(true);
		expect(parsed.suggestions).toEqual({
			name: 'Sean Owen',
			email: 'srowen@google.com',
			phone: '+19173642918',
			url: 'http://awesome-thoughts.com'
		});
	});

	it('reads the URL of a MEBKM bookmark', () => {
		const parsed = parseBadgePayload('MEBKM:URL:http\\://en.wikipedia.org/wiki/Main_Page;;');
		expect(parsed).toMatchObject({ kind: 'url', fields: { url: 'http://en.wikipedia.org/wiki/Main_Page' } });
	});
});

describe('vCard text escaping', () => {
	it('unescapes \\; in text values of 3.0 and 4.0 cards', () => {
		expect(
			parseBadgePayload('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Doe\\; Jane\r\nTITLE:A\\;B\\,C\r\nEND:VCARD').fields
		).toMatchObject({
			name: 'Doe; Jane',
			title: 'A;B,C'
		});
		expect(parseBadgePayload('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Doe\\; Jane\r\nEND:VCARD').fields.name).toBe(
			'Doe; Jane'
		);
	});
});
