import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { vCardText, type VCardEntry } from '$lib/domain/contact/vcard-text';
import { writeVCard } from '$lib/domain/contact/vcard-write';

// Text that exercises escaping and folding: separators, backslashes, newlines, multi-byte
// characters (2, 3 and 4 octets), lone surrogates and long runs.
const PIECES = [';', ',', '\\', '\n', '\r', ':', '"', '^', ' ', 'é', '—', '王', '🙂', '\uD83D', '\uDE00', 'a', 'Z9'];
const textOf = fc
	.array(
		fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })),
		{
			maxLength: 40
		}
	)
	.map((parts) => parts.join(''));

const entry: fc.Arbitrary<VCardEntry> = fc.record(
	{
		name: textOf,
		org: textOf,
		title: textOf,
		phone: fc.oneof(fc.constant(''), fc.stringMatching(/^\+[1-9]\d{6,14}$/)),
		email: textOf,
		urls: fc.array(fc.oneof(fc.constant(''), fc.webUrl(), textOf), { maxLength: 3 }),
		note: textOf
	},
	{ requiredKeys: ['name'] }
);

describe('vCardText', () => {
	it('writes exactly what ical.js writes, for any entry', () => {
		fc.assert(
			fc.property(entry, (e) => {
				expect(vCardText(e)).toBe(writeVCard(e));
			}),
			{ numRuns: 2000 }
		);
	});

	it('folds long lines at 75 octets without splitting a character, and our scanner reads them back', () => {
		const note = `I can help with: ${'intros to battery researchers, 王秀英 🙂; '.repeat(6)}`.trim();
		const vcard = vCardText({ name: 'Adaeze Okafor', org: 'Lumen Labs', note });
		const lines = vcard.split('\r\n');
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
		for (const line of lines) expect(new TextEncoder().encode(line.replace(/^ /, '')).length).toBeLessThanOrEqual(75);
		expect(vcard).not.toMatch(/\uFFFD/);
		expect(parseBadgePayload(vcard).fields).toMatchObject({ name: 'Adaeze Okafor', org: 'Lumen Labs' });
	});
});
