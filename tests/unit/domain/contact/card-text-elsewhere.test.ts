// Card-text rules for cards made elsewhere (issue 21): labels in other languages, two fields on one
// line, websites on any country's domain, labels read into an address.
import { describe, expect, it } from 'vitest';
import { findPhone } from '$lib/domain/contact/card-contact';
import { extractCardFields, type TextLine } from '$lib/domain/contact/card-text';

/** Lines as OCR returns them: text, height in pixels, confidence; stacked top to bottom. */
function lines(...rows: [string, number, number?][]): TextLine[] {
	let y = 20;
	return rows.map(([text, height, confidence = 95]) => {
		const line = { text, confidence, box: { x: 40, y, width: text.length * height * 0.5, height } };
		y += height + 12;
		return line;
	});
}

describe('phone numbers on cards made elsewhere', () => {
	it('reads past phone labels in other languages, with or without accents (OCR drops them)', () => {
		expect(findPhone('Móvil: 612 9157 02', 'ES')).toBe('+34612915702');
		expect(findPhone('Movil: 612 9157 02', 'ES')).toBe('+34612915702');
		expect(findPhone('Teléfono +34 915 70 54 92', 'ES')).toBe('+34915705492');
		expect(findPhone('Mobil 3446 6502', 'DK')).toBe('+4534466502');
		expect(findPhone('Handy 0151 22225095', 'DE')).toBe('+4915122225095');
		expect(findPhone('Tél. 06 12 16 17 97', 'FR')).toBe('+33612161797');
		expect(findPhone('Cel. 55 1234 5678', 'MX')).toBe('+525512345678');
		expect(findPhone('kom. 060 1697971', 'RS')).toBe('+381601697971');
		expect(findPhone('Tlf. 34 47 94 85', 'DK')).toBe('+4534479485');
		expect(findPhone('Puh. 041 2608903', 'FI')).toBe('+358412608903');
		expect(findPhone('Telefon 0664 923226', 'AT')).toBe('+43664923226');
	});

	it('reads the first of two fields on one line: two numbers, or a number and an address', () => {
		expect(findPhone('Mobile: +1506 449 5956 Office (416) 738-6181', 'CA')).toBe('+15064495956');
		expect(findPhone('M 010-9416-5072  E name@example.com', 'KR')).toBe('+821094165072');
		expect(findPhone('E name@example.com  M 010-9416-5072', 'KR')).toBe('+821094165072');
		expect(findPhone('Fax +33 1 51 37 82 38  Tél. +33 6 12 16 17 97', 'FR')).toBe('+33612161797');
	});

	it('reads an international number behind a label OCR cut short, but not a street address', () => {
		expect(findPhone('obile +44 7401 143570', 'GB')).toBe('+447401143570');
		expect(findPhone('Keizersgracht 152 1016 GD Amsterdam', 'NL')).toBeNull();
		expect(findPhone('Vanha Talvitie 12, 00100 Helsinki', 'FI')).toBeNull();
	});

	it('reads a "+" OCR took for a 4 when the number only makes sense with it', () => {
		expect(findPhone('4393128338546', 'IT')).toBe('+393128338546');
		// A number that is right as read stays as read.
		expect(findPhone('41 21 65 43', 'DK')).toBe('+4541216543');
	});

	it('keeps the phone when the email shares its line', () => {
		const { fields } = extractCardFields(
			lines(['Seo-yeon Lee', 40], ['Seoul Bio Lab', 24], ['M 010-2900-8786  E seoyeon-lee@seoulbiolab.kr', 18]),
			'KR'
		);
		expect(fields.phone).toBe('+821029008786');
		expect(fields.email).toBe('seoyeon-lee@seoulbiolab.kr');
	});
});
