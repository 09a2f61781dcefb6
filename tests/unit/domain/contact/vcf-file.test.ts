import { describe, expect, it } from 'vitest';
import { splitVCards } from '$lib/domain/contact/vcf-file';

describe('splitting a .vcf file into its cards', () => {
	it('finds every card whatever the line endings, skipping what lies between cards', () => {
		const text = [
			'\uFEFFFrom: phone@example.com',
			'Subject: contacts',
			'',
			'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One\r\nEND:VCARD',
			'some junk FN:Not a card',
			'begin:vcard\nversion:3.0\nfn:Two\nend:vcard',
			'BEGIN:VCARD\rVERSION:3.0\rFN:Three\rEND:VCARD  ',
			'trailing junk'
		].join('\r\n');
		const cards = splitVCards(text);
		expect(cards).toHaveLength(3);
		expect(cards[0]).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One\r\nEND:VCARD');
		expect(cards[1]).toContain('fn:Two');
		expect(cards[2]).toContain('FN:Three');
		expect(cards.join('\n')).not.toMatch(/junk|Subject|Not a card/);
	});

	it('keeps folded lines with their card', () => {
		const cards = splitVCards('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maximilian von Hohen\r\n berg\r\nEND:VCARD\r\n');
		expect(cards).toEqual(['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maximilian von Hohen\r\n berg\r\nEND:VCARD']);
	});

	it('keeps a card cut off before END:VCARD, at the next card or at the end of the file', () => {
		const cards = splitVCards(
			'BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\nBEGIN:VCARD\nVERSION:3.0\nFN:Whole\nEND:VCARD\nBEGIN:VCARD\nFN:Last'
		);
		expect(cards).toHaveLength(3);
		expect(cards[0]).toContain('FN:Cut Off');
		expect(cards[0]).not.toContain('Whole');
		expect(cards[1]).toContain('FN:Whole');
		expect(cards[2]).toContain('FN:Last');
	});

	it('leaves out a vCard 2.1 AGENT card embedded in another card, and keeps the rest of the outer card', () => {
		const cards = splitVCards(
			[
				'BEGIN:VCARD',
				'VERSION:2.1',
				'FN:Boss',
				'AGENT:',
				'BEGIN:VCARD',
				'VERSION:2.1',
				'FN:Assistant',
				'END:VCARD',
				'EMAIL:boss@example.com',
				'END:VCARD'
			].join('\r\n')
		);
		expect(cards).toHaveLength(1);
		expect(cards[0]).not.toContain('Assistant');
		expect(cards[0]).toContain('EMAIL:boss@example.com');
	});

	it('finds nothing in a file without cards, or in an empty BEGIN/END pair', () => {
		expect(splitVCards('')).toEqual([]);
		expect(splitVCards('MECARD:N:Doe,John;;')).toEqual([]);
		expect(splitVCards('BEGIN:VCARD')).toEqual([]);
		// A header-only card is still a card (it is skipped later, for having no name).
		expect(splitVCards('BEGIN:VCARD\nEND:VCARD')).toHaveLength(1);
	});
});
