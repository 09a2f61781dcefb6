import { describe, expect, it } from 'vitest';
import { draftFromScan } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { isLinear, isSymbology, SYMBOLOGIES, symbologyLabel } from '$lib/domain/contact/symbology';
import { badgeFixture } from '../../../support/fixtures';

describe('a 1D barcode is a badge id', () => {
	it.each(['code_128', 'code_39'] as const)('%s: the text is the badge id, nothing else', (symbology) => {
		const parsed = parseBadgePayload('  204419283310 ', { symbology });
		expect(parsed.kind).toBe('opaque');
		expect(parsed.fields.badgeId).toBe('204419283310');
		expect(parsed.symbology).toBe(symbology);
		expect(parsed.needsName).toBe(true);
		expect(parsed.warnings).toEqual([]);
	});

	it('does not read a link, an email or a caret record out of a 1D barcode', () => {
		for (const text of ['https://evt.example/t/0841', 'grace@compiler.example', '2044^Grace^Hopper^Compiler Corp']) {
			const parsed = parseBadgePayload(text, { symbology: 'code_128' });
			expect(parsed.fields).toMatchObject({ badgeId: text, url: '', email: '', name: '' });
			expect(parsed.suggestions).toEqual({});
		}
	});

	it('does not call a 1D barcode "not a person" for looking like a Wi-Fi code', () => {
		const parsed = parseBadgePayload('WIFI:S:HALL-B;T:WPA;P:x;;', { symbology: 'code_128' });
		expect(parsed.notAPerson).toBeUndefined();
		expect(parsed.fields.badgeId).toBe('WIFI:S:HALL-B;T:WPA;P:x;;');
	});

	it('keeps an empty 1D read as empty, with the same message as any empty code', () => {
		const parsed = parseBadgePayload('   ', { symbology: 'code_39' });
		expect(parsed.kind).toBe('empty');
		expect(parsed.warnings).toEqual(['This code is empty.']);
	});

	it('keeps the raw text of a 1D barcode with the scan, and cuts a very long one in the badge id', () => {
		const text = '9'.repeat(600);
		const parsed = parseBadgePayload(text, { symbology: 'code_128' });
		expect(parsed.raw).toBe(text);
		expect(parsed.fields.badgeId).toHaveLength(512);
	});
});

describe('a 2D code is parsed for what it holds, whatever the symbology', () => {
	it.each(['qr_code', 'micro_qr_code', 'aztec', 'pdf417', 'data_matrix'] as const)('%s', (symbology) => {
		const vcard = parseBadgePayload(badgeFixture('vcard30-basic').payload, { symbology });
		expect(vcard.kind).toBe('vcard');
		expect(vcard.fields).toMatchObject({ name: 'Adaeze Okafor', email: 'adaeze@lumenlabs.example', badgeId: '' });
		expect(vcard.symbology).toBe(symbology);
		const opaque = parseBadgePayload('SB7730041921', { symbology });
		expect(opaque.kind).toBe('opaque');
		expect(opaque.fields.badgeId).toBe('SB7730041921');
		expect(parseBadgePayload(badgeFixture('not-a-card').payload, { symbology }).kind).toBe('not-a-person');
	});

	it('parses as before when the scanner does not say which symbology it read', () => {
		const parsed = parseBadgePayload(badgeFixture('caret-badge').payload);
		expect(parsed.symbology).toBeUndefined();
		expect(parsed.suggestions.name).toBe('Grace Hopper');
	});
});

describe('symbology names', () => {
	it('knows exactly the seven badge symbologies, two of them linear', () => {
		expect(SYMBOLOGIES).toHaveLength(7);
		expect(SYMBOLOGIES.filter(isLinear)).toEqual(['code_128', 'code_39']);
		expect(isSymbology('code_128')).toBe(true);
		expect(isSymbology('ean_13')).toBe(false);
		expect(isSymbology(undefined)).toBe(false);
		expect(symbologyLabel('data_matrix')).toBe('Data Matrix code');
		expect(symbologyLabel('code_39')).toBe('Code 39 barcode');
	});

	it('goes with the scan into the draft, and stays out of a draft that never had one', () => {
		const context = { id: 'd1', now: 1, eventId: null };
		const scanned = draftFromScan(parseBadgePayload('204419283310', { symbology: 'code_128' }), context);
		expect(scanned.symbology).toBe('code_128');
		expect(scanned.fields.badgeId).toBe('204419283310');
		expect('symbology' in draftFromScan(parseBadgePayload('SB7730041921'), context)).toBe(false);
	});
});
