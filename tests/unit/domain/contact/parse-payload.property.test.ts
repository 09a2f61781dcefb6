import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { CONTACT_FIELDS } from '$lib/domain/contact/types';
import { badgeFixtures } from '../../../support/fixtures';

const PREFIXES = [
	'BEGIN:VCARD\r\nVERSION:2.1\r\n',
	'BEGIN:VCARD\nVERSION:3.0\n',
	'BEGIN:VCARD\r\nVERSION:4.0\r\n',
	'MECARD:',
	'mailto:',
	'tel:',
	'https://',
	'http://www.linkedin.com/in/',
	'{',
	'WIFI:',
	''
];
const PIECES = [
	'\uD83D',
	'\uDE00',
	'\r\n',
	'\n',
	' ',
	';',
	':',
	',',
	'=',
	'\\',
	'"',
	'^',
	'FN:',
	'N:',
	'TEL;CELL:',
	'EMAIL:',
	'ORG:',
	'URL:',
	'ENCODING=QUOTED-PRINTABLE:',
	'=C3=',
	'CHARSET=x-bogus:',
	'END:VCARD',
	'"__proto__":',
	'{"name":',
	'\u202e',
	'\u0000',
	'😀',
	'<script>',
	'javascript:'
];

// A payload built from fragments that matter to the parsers, so random input reaches deep branches.
const structured = fc
	.tuple(
		fc.constantFrom(...PREFIXES),
		fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 30 })
	)
	.map(([prefix, parts]) => prefix + parts.join(''));

// A fixture with random edits: characters replaced, inserted, deleted, or the payload cut short.
const mutated = fc
	.tuple(
		fc.constantFrom(...badgeFixtures.map((f) => f.payload)),
		fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 })), { maxLength: 6 }),
		fc.option(fc.nat())
	)
	.map(([payload, edits, cut]) => {
		let text = payload;
		for (const [at, remove, insert] of edits) {
			const i = at % (text.length + 1);
			text = text.slice(0, i) + insert + text.slice(i + remove);
		}
		return cut === null ? text : text.slice(0, cut % (text.length + 1));
	});

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not survive
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// What Postgres cannot store (text/jsonb): NUL, and a surrogate that is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the kept scan loses these, and only these
const DROPPED_FROM_RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

describe('parseBadgePayload on random and mutated payloads', () => {
	it('never throws, never keeps unsafe or unstorable characters or non-http links (12,000 payloads)', () => {
		let runs = 0;
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), structured, mutated),
				(payload) => {
					runs++;
					const parsed = parseBadgePayload(payload);
					// The scan is kept as it came, unless it held what Postgres cannot store.
					const limited = payload.slice(0, 16_384);
					if (!LONE_SURROGATE.test(payload) && !DROPPED_FROM_RAW.test(limited)) expect(parsed.raw).toBe(limited);
					expect(parsed.raw).not.toMatch(LONE_SURROGATE);
					expect(parsed.raw).not.toMatch(DROPPED_FROM_RAW);
					expect(parsed.raw.length).toBeLessThanOrEqual(16_384);
					for (const field of CONTACT_FIELDS) {
						expect(typeof parsed.fields[field]).toBe('string');
						expect(parsed.fields[field]).not.toMatch(UNSAFE);
						expect(parsed.fields[field]).not.toMatch(LONE_SURROGATE);
					}
					for (const link of [parsed.fields.url, parsed.fields.linkedin]) {
						if (link) expect(link).toMatch(/^https?:\/\//i);
					}
					if (parsed.fields.email) expect(parsed.fields.email).toMatch(/^[^\s@]+@[^\s@]+$/);
					if (parsed.fields.phone) expect(parsed.fields.phone).toMatch(/^\+\d{4,16}$/);
					if (parsed.cardNote !== undefined) {
						expect(parsed.cardNote).not.toBe('');
						expect(parsed.cardNote).not.toMatch(UNSAFE);
						expect(parsed.cardNote).not.toMatch(LONE_SURROGATE);
					}
					for (const suggestion of Object.values(parsed.suggestions)) expect(suggestion).not.toMatch(UNSAFE);
					expect(parsed.needsName).toBe(parsed.fields.name === '');
					// The last-resort catch in parseBadgePayload must never be what saved us.
					expect(parsed.warnings).not.toContain("This code couldn't be read as a card.");
				}
			),
			{ numRuns: 12_000, seed: 20261123 }
		);
		expect(runs).toBeGreaterThanOrEqual(10_000);
	}, 60_000);
});
