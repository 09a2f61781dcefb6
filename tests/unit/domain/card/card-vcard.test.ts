import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { cardToVCard } from '$lib/domain/card/card-vcard';
import { validateCard, contrastRatio, blankCard } from '$lib/domain/card/my-card';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { makeCard } from '../../../support/factories';

describe('cardToVCard', () => {
	it('writes a vCard 3.0 that our own scanner reads back', () => {
		const vcard = cardToVCard(makeCard());
		expect(vcard).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
		expect(vcard.endsWith('END:VCARD\r\n')).toBe(true);
		const parsed = parseBadgePayload(vcard);
		expect(parsed.fields).toMatchObject({
			name: 'Ada Lovelace',
			org: 'Difference Ltd',
			title: 'Head of Analytical Engines',
			email: 'ada@difference.example',
			phone: '+442079460000',
			linkedin: 'https://www.linkedin.com/in/ada-lovelace'
		});
	});

	it('escapes commas, semicolons, backslashes and newlines', () => {
		const card = makeCard({ name: 'Doe, Jane; Jr.', company: 'R&D; Labs, Inc\\', helpWith: 'a; b, c' });
		const vcard = cardToVCard(card);
		expect(vcard).toContain('FN:Doe\\, Jane\\; Jr.');
		expect(vcard).toContain('ORG:R&D\\; Labs\\, Inc\\\\');
		expect(vcard).toContain('NOTE:I can help with: a\\; b\\, c');
		const parsed = parseBadgePayload(vcard);
		expect(parsed.fields.name).toBe('Doe, Jane; Jr.');
		expect(parsed.fields.org).toBe('R&D; Labs, Inc\\');
	});

	it('includes only the fields chosen for the QR, and always the name', () => {
		const vcard = cardToVCard(makeCard({ onQr: ['email'] }));
		expect(vcard).toContain('FN:Ada Lovelace');
		expect(vcard).toContain('EMAIL:ada@difference.example');
		expect(vcard).not.toMatch(/TEL|ORG|TITLE|URL|NOTE/);
	});

	it('writes CJK names family-name first in N', () => {
		expect(cardToVCard(makeCard({ name: '山田 太郎' }))).toContain('N:山田;太郎;;;');
	});

	it('keeps a typical card small enough to scan from a phone screen', () => {
		// Measured: 305 bytes → version 13 at M, 18 at H (with a logo); without the help line 232 bytes → 11 / 16.
		const full = cardToVCard(makeCard());
		expect(new TextEncoder().encode(full).length).toBeLessThanOrEqual(320);
		expect(QRCode.create(full, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(13);
		expect(QRCode.create(full, { errorCorrectionLevel: 'H' }).version).toBeLessThanOrEqual(18);
		const short = cardToVCard(makeCard({ helpWith: '' }));
		expect(QRCode.create(short, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(11);
	});
});

describe('validateCard', () => {
	it('requires a name and says why', () => {
		expect(validateCard(blankCard()).errors.name).toMatch(/name is needed/);
	});

	it('normalises the email, phone and link', () => {
		const { card, errors } = validateCard(
			makeCard({ email: ' Ada@Difference.Example ', phone: '020 7946 0000', link: 'linkedin.com/in/ada' }),
			'GB'
		);
		expect(errors).toEqual({});
		expect(card).toMatchObject({
			email: 'ada@difference.example',
			phone: '+442079460000',
			link: 'https://linkedin.com/in/ada'
		});
	});

	it('refuses a bad email, a javascript: link and low-contrast or inverted colours', () => {
		const { errors } = validateCard(
			makeCard({
				email: 'ada@',
				link: 'javascript:alert(1)',
				style: { dots: 'dots', foreground: '#bbbbbb', background: '#ffffff', image: null }
			})
		);
		expect(Object.keys(errors).sort()).toEqual(['email', 'link', 'style']);
		const inverted = validateCard(
			makeCard({ style: { dots: 'dots', foreground: '#ffffff', background: '#000000', image: null } })
		);
		expect(inverted.errors.style).toMatch(/dark colour on a light background/);
	});

	it('computes WCAG contrast', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
	});
});
