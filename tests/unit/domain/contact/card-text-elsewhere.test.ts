// Card-text rules for cards made elsewhere (issue 21): labels in other languages, two fields on one
// line, websites on any country's domain, labels read into an address.
import { describe, expect, it } from 'vitest';
import { findEmail, findPhone, findWebsite } from '$lib/domain/contact/card-contact';
import { emailAgreement, repairEmail } from '$lib/domain/contact/card-email';
import { emptyFields } from '$lib/domain/contact/types';
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

describe('email addresses on cards made elsewhere', () => {
	it('drops a label in another language, or a label letter, read into the address', () => {
		expect(findEmail('Sähköposti hamalainen.a@revontuli.fi')).toBe('hamalainen.a@revontuli.fi');
		expect(findEmail('Sihkoposti hamalainen.a@revontuli. fi')).toBe('hamalainen.a@revontuli.fi');
		expect(findEmail('Posta chiara.z@studioverita.it')).toBe('chiara.z@studioverita.it');
		expect(findEmail('E vandenbossche.w@dekroon.be')).toBe('vandenbossche.w@dekroon.be');
		expect(findEmail('Couniel youssef e@casadigital.ma')).toBe('youssef.e@casadigital.ma');
		// "C.e." and "Correo e." (correo electrónico), Spanish for email.
		expect(findEmail('C.e. bpenaibanez@talleresibanez.es')).toBe('bpenaibanez@talleresibanez.es');
		expect(findEmail('Ce. bpenaibanez@talleresibanez.es')).toBe('bpenaibanez@talleresibanez.es');
		expect(findEmail('Correo e. bpenaibanez@talleresibanez.es')).toBe('bpenaibanez@talleresibanez.es');
	});

	it('joins the word OCR split off just before the "@", wherever the address starts in the line', () => {
		expect(findEmail('E-poita djordjevic j@dunavsoft.rs')).toBe('djordjevic.j@dunavsoft.rs');
		expect(findEmail('Email joao g@atlanticosistemas.pt')).toBe('joao.g@atlanticosistemas.pt');
		// Still as before: an initial before the name, and a word before it, joined by "_".
		expect(findEmail('E: j knuth@cobaltpay.com')).toBe('j.knuth@cobaltpay.com');
		expect(findEmail('E: radia borg@quantix.de')).toBe('radia_borg@quantix.de');
	});

	it('puts back the dot before a country ending read as a space', () => {
		expect(findEmail('youssef.e@casadigital ma')).toBe('youssef.e@casadigital.ma');
		expect(findEmail('weijie.t@orchidanalytics.com sg')).toBe('weijie.t@orchidanalytics.com.sg');
		// Not a word that is no country's ending.
		expect(findEmail('ada@engines.com ok')).toBe('ada@engines.com');
	});

	it('agrees with the name in more of the forms addresses take: first.l, last.f, lastf, first-last', () => {
		const fields = { ...emptyFields(), name: 'Jiří Dvořák' };
		expect(emailAgreement('jiri.d@vltavasoftware.cz', fields)).toBe(2);
		expect(emailAgreement('dvorak.j@vltavasoftware.cz', fields)).toBe(2);
		expect(emailAgreement('dvorakj@vltavasoftware.cz', fields)).toBe(2);
		expect(emailAgreement('jiri-dvorak@vltavasoftware.cz', fields)).toBe(2);
		expect(repairEmail({ ...fields, email: 'jiri.d@vltavasoftware.cz' })).toBe('jiri.d@vltavasoftware.cz');
	});

	it('does not "repair" the initial after a name: it may be another name (dos Santos → d)', () => {
		const fields = { ...emptyFields(), name: 'Conceição dos Santos' };
		expect(repairEmail({ ...fields, email: 'conceicao.d@serraazul.com.br' })).toBe('conceicao.d@serraazul.com.br');
	});
});

describe('websites on cards made elsewhere', () => {
	it("takes an address on any country's ending, not only the common ones", () => {
		expect(findWebsite('Web revontuli.fi')).toBe('https://revontuli.fi');
		expect(findWebsite('kjaergaard-mobler.dk/team')).toBe('https://kjaergaard-mobler.dk/team');
		expect(findWebsite('patagoniadatos.ar/kontakt')).toBe('https://patagoniadatos.ar/kontakt');
		// Still not plain words with a dot, nor letters that are no country's ending.
		expect(findWebsite('Talleres Ibáñez S.L.')).toBeNull();
		expect(findWebsite('Inc.')).toBeNull();
		expect(findWebsite('see us.xq')).toBeNull();
	});

	it('reads past an "@" icon, a "www" run into the name, and a space before the country ending', () => {
		expect(findWebsite('@ www.lemanconseil.ch')).toBe('https://www.lemanconseil.ch');
		expect(findWebsite('@ empaquestonala.com.mx')).toBe('https://empaquestonala.com.mx');
		expect(findWebsite('wwwstudioverita.it')).toBe('https://www.studioverita.it');
		expect(findWebsite('® https://www.bretagne-numerique fr')).toBe('https://www.bretagne-numerique.fr');
		expect(findWebsite('Site casadigital ma')).toBe('https://casadigital.ma');
		// A name is not a website, even when its last word is a country's ending ("Li").
		expect(findWebsite('Wei Li')).toBeNull();
	});
});

describe('name, title and company on cards made elsewhere', () => {
	it('takes a title in another language for a title, not for the name (Analista de Sistemas, Salgschef)', () => {
		const { fields } = extractCardFields(
			lines(
				['Analista de Sistemas', 40],
				['Conceição dos Santos', 30],
				['Cafés Serra Azul', 20],
				['E-mail conceicao-dossantos@serraazul.com.br', 16]
			),
			'BR'
		);
		expect(fields.name).toBe('Conceição dos Santos');
		expect(fields.title).toBe('Analista de Sistemas');
		const dk = extractCardFields(lines(['Salgschef', 40], ['Søren Kjærgaard', 30], ['Jefe de Ventas', 20]), 'DK');
		expect(dk.fields.name).toBe('Søren Kjærgaard');
	});

	it('takes a line with a legal form (AB, GmbH, Sp. z o.o., ApS, Oy, S.L.…) for the company, not the name', () => {
		for (const org of [
			'Ekstrom Byggnads AB',
			'Alpenholz Bau GmbH',
			'Wisniewski Sp. z o.o.',
			'Kjaergaard Mobler ApS',
			'Revontuli Ohjelmistot Oy',
			'Talleres Ibanez S.L.'
		]) {
			const { fields } = extractCardFields(lines([org, 40], ['Åsa Lindqvist', 30], ['Projektledare', 18]), 'SE');
			expect(fields.name, org).toBe('Åsa Lindqvist');
			expect(fields.org, org).toBe(org);
		}
	});

	it("takes the line that is the email's domain for the company, not the name", () => {
		const { fields } = extractCardFields(
			lines(['Dunav Soft', 40], ['Jelena Djordjevic', 30], ['office@dunavsoft.rs', 16]),
			'RS'
		);
		expect(fields.name).toBe('Jelena Djordjevic');
		expect(fields.org).toBe('Dunav Soft');
	});

	it("does not take a word of the email's domain for the name (Digital, casadigital.ma)", () => {
		const { fields } = extractCardFields(
			lines(['Digital', 40], ['Youssef El Amrani', 30], ['Directeur commercial', 18], ['contact@casadigital.ma', 16]),
			'MA'
		);
		expect(fields.name).toBe('Youssef El Amrani');
	});

	it('keeps the words of a company name before where the domain starts (Cafés Serra Azul, serraazul.com.br)', () => {
		const { fields } = extractCardFields(
			lines(['Conceição dos Santos', 40], ['Cafés Serra Azul', 20], ['conceicao.d@serraazul.com.br', 16]),
			'BR'
		);
		expect(fields.org).toBe('Cafés Serra Azul');
	});
});

describe("the dot OCR lost before the card's country ending", () => {
	it("puts it back in an address or website ending in the card's country, and only then", () => {
		expect(findEmail('jelena@dunavsoftrs', 'RS')).toBe('jelena@dunavsoft.rs');
		expect(findEmail('twalker@coralcoastsurveycomau', 'AU')).toBe('twalker@coralcoastsurvey.com.au');
		expect(findEmail('ada@harrowfinchcouk', 'GB')).toBe('ada@harrowfinch.co.uk');
		expect(findWebsite('Web www.talleresibanezes', 'ES')).toBe('https://www.talleresibanez.es');
		// Another country's card, or no country known: left as read (not an address).
		expect(findEmail('jelena@dunavsoftrs', 'DE')).toBeNull();
		expect(findEmail('jelena@dunavsoftrs')).toBeNull();
	});

	it('reads the address on a card from the country the phone is read for', () => {
		const { fields } = extractCardFields(lines(['Jelena Đorđević', 40], ['jelena@dunavsoftrs', 16]), 'RS');
		expect(fields.email).toBe('jelena@dunavsoft.rs');
	});
});

describe("numbers written the card's country's way", () => {
	it("reads a number without + by the country of the card's address when the phone is set to another", () => {
		const card = lines(
			['Jürgen Müller', 40],
			['Rheinwerk Antriebstechnik AG', 20],
			['Handy 0151 22225095', 16],
			['juergen.m@rheinwerk-antriebe.de', 16]
		);
		expect(extractCardFields(card, 'US').fields.phone).toBe('+4915122225095');
		expect(extractCardFields(card).fields.phone).toBe('+4915122225095');
		const uk = lines(['Oliver Fitzgerald-Hughes', 40], ['Mobile 07401 143570', 16], ['W www.harrowfinch.co.uk', 16]);
		expect(extractCardFields(uk, 'US').fields.phone).toBe('+447401143570');
	});

	it("keeps the number as the phone's country reads it when it is one there", () => {
		const card = lines(['Ana Delgado-Smith', 40], ['(201) 361-4915', 16], ['ana@lakeshorebio.de', 16]);
		expect(extractCardFields(card, 'US').fields.phone).toBe('+12013614915');
	});
});
