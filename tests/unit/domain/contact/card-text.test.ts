import { describe, expect, it } from 'vitest';
import { findEmail, findLinkedIn, findPhone, findWebsite, stripLabel } from '$lib/domain/contact/card-contact';
import { editDistance, emailAgreement, likeliestEmail, repairEmail } from '$lib/domain/contact/card-email';
import { cardPayload, extractCardFields, joinPieces, type TextLine } from '$lib/domain/contact/card-text';
import { emptyFields } from '$lib/domain/contact/types';

/** Lines as OCR returns them: text, height in pixels, confidence; stacked top to bottom. */
function lines(...rows: [string, number, number?][]): TextLine[] {
	let y = 20;
	return rows.map(([text, height, confidence = 95]) => {
		const line = { text, confidence, box: { x: 40, y, width: text.length * height * 0.5, height } };
		y += height + 12;
		return line;
	});
}

describe('contact details in a line of OCR text', () => {
	it('strips labels and the icons OCR misreads, but not an initial with a dot', () => {
		expect(stripLabel('T: +44 20 7946 0958')).toBe('+44 20 7946 0958');
		expect(stripLabel('Email: ada@x.com')).toBe('ada@x.com');
		expect(stripLabel('Mobile +1 415 555 0134')).toBe('+1 415 555 0134');
		expect(stripLabel('© +44 20 7946 0958')).toBe('+44 20 7946 0958');
		expect(stripLabel('= sophie@northwind.example')).toBe('sophie@northwind.example');
		expect(stripLabel('m.wirth@copperfield.co.uk')).toBe('m.wirth@copperfield.co.uk');
	});

	it('reads emails past spaces, (at), a © for @, 0 for o in the ending and a full stop after', () => {
		expect(findEmail('E: ken. farouk@kestrelsec. com')).toBe('ken.farouk@kestrelsec.com');
		expect(findEmail('ada (at) engines.co.uk')).toBe('ada@engines.co.uk');
		expect(findEmail('ada©engines.com')).toBe('ada@engines.com');
		expect(findEmail('Email: Ada.Lovelace@Engines.c0m.')).toBe('ada.lovelace@engines.com');
		expect(findEmail('oluwaseun.adeyemi0l@lumenco.com')).toBe('oluwaseun.adeyemi01@lumenco.com');
		expect(findEmail('E: radia borg@quantix.de')).toBe('radia_borg@quantix.de');
		expect(findEmail('E: j knuth@cobaltpay.com')).toBe('j.knuth@cobaltpay.com');
		expect(findEmail('Follow @ada on social')).toBeNull();
	});

	it('reads phone numbers with labels, brackets, dots and O/l for 0/1; not faxes or addresses', () => {
		expect(findPhone('T: +44 (0)20 7946 0958')).toBe('+442079460958');
		expect(findPhone('+44.20.7946.0321')).toBe('+442079460321');
		expect(findPhone('M: (415) 555-0134', 'US')).toBe('+14155550134');
		expect(findPhone('Tel +49 3O 9O182O')).toBe('+4930901820');
		expect(findPhone('+1 4l5 555 0l34')).toBe('+14155550134');
		expect(findPhone('Fax: +44 20 7946 0958')).toBeNull();
		expect(findPhone('500 Market St, Suite 210, San Francisco, CA 94105', 'US')).toBeNull();
		expect(findPhone('ada@engines.com')).toBeNull();
	});

	it('reads websites and LinkedIn profiles as https addresses', () => {
		expect(findWebsite('W: www.engines.co.uk')).toBe('https://www.engines.co.uk');
		expect(findWebsite('Web: www. kestrelsec. com')).toBe('https://www.kestrelsec.com');
		expect(findWebsite('0www.brightside.media')).toBe('https://www.brightside.media');
		expect(findWebsite('a copperfield.co.uk')).toBe('https://copperfield.co.uk');
		expect(findWebsite('Acme Robotics Inc.')).toBeNull();
		expect(findWebsite('ada@engines.com')).toBeNull();
		expect(findLinkedIn('LinkedIn: linkedin.com/in/AdaLovelace')).toBe('https://www.linkedin.com/in/adalovelace');
		expect(findLinkedIn('linked in.c0m / in / ada-l')).toBe('https://www.linkedin.com/in/ada-l');
	});
});

describe('extractCardFields', () => {
	it('takes the largest name-like line as the name, the title and company by their words', () => {
		const { fields } = extractCardFields(
			lines(
				['Henrik Lindqvist', 49],
				['Founder & CEO', 22],
				['Mobile +49 (0)30 901820', 23],
				['Email: henrikl@openfield.org', 25],
				['Web: openfield.org', 25],
				['Open Field', 31],
				['Foundation', 26]
			)
		);
		expect(fields).toEqual({
			...emptyFields(),
			name: 'Henrik Lindqvist',
			title: 'Founder & CEO',
			org: 'Open Field Foundation',
			email: 'henrikl@openfield.org',
			phone: '+4930901820',
			url: 'https://openfield.org'
		});
	});

	it('splits "Title · Company", skips addresses, logo scraps and the badge role', () => {
		const { fields } = extractCardFields(
			lines(
				['$', 67, 56],
				['Frances Lindqvist', 53],
				['Senior Software Engineer · Analytical Engines Ltd', 20],
				['= +49 30 901820', 16],
				['© www.analytical-engines.co.uk/team', 19],
				['12 Harbour Street, London EC1A 1BB', 20],
				['SPEAKER', 40]
			)
		);
		expect(fields.name).toBe('Frances Lindqvist');
		expect(fields.title).toBe('Senior Software Engineer');
		expect(fields.org).toBe('Analytical Engines Ltd');
		expect(fields.url).toBe('https://www.analytical-engines.co.uk/team');
		expect(fields.phone).toBe('+4930901820');
	});

	it('prefers a clearly read name to a large, unsure event banner; joins a first name set above the last', () => {
		const { fields } = extractCardFields(
			lines(['HealthTech Exo', 91, 52], ['Joan', 62], ['Clarke', 42], ['Northwind Traders', 30], ['SPONSOR', 69])
		);
		expect(fields.name).toBe('Joan Clarke');
		expect(fields.org).toBe('Northwind Traders');
	});

	it('takes the name the email address was made from over a larger line that reads like a name', () => {
		const { fields } = extractCardFields(
			lines(
				['Lukas Haddad', 38],
				['Chief Technology Officer', 27],
				['E: lukash@engines.example', 23],
				['Analytical Enginet', 62]
			)
		);
		expect(fields.name).toBe('Lukas Haddad');
	});

	it('joins a first name set above a last name that was read more surely', () => {
		const { fields } = extractCardFields(
			lines(['Acme Robotics Inc.', 40], ['Barbara', 33, 90], ['Stroustrup', 39, 96], ['Head of Partnerships', 20])
		);
		expect(fields.name).toBe('Barbara Stroustrup');
		expect(fields.title).toBe('Head of Partnerships');
	});

	it('takes a line read again where it agrees better: the address with the name, the name with the address', () => {
		const card = lines(['Tim Stroustry', 65], ['UX Researcher', 30], ['® tim.stroustrup@brightside.media', 23]);
		expect(extractCardFields(card).fields.name).toBe('Tim Stroustry');
		expect(extractCardFields(card, undefined, { name: ['Tim Stroustrup'] }).fields.name).toBe('Tim Stroustrup');
		expect(extractCardFields(card, undefined, { name: ['Tim Strou5trup'] }).fields.name).toBe('Tim Stroustry');
		const ken = lines(['Ken Farouk', 40], ['ken. faroukel@kestrelsec.com', 18]);
		expect(extractCardFields(ken).fields.email).toBe('ken.faroukel@kestrelsec.com');
		expect(extractCardFields(ken, undefined, { email: ['ken.farouk0l@kestrelsec.com'] }).fields.email).toBe(
			'ken.farouk01@kestrelsec.com'
		);
	});

	it('matches the company to the email domain and drops what OCR made of the logo', () => {
		const { fields } = extractCardFields(
			lines(['(9) Helios Energy', 40], ['Nadia Okafor', 32], ['E: nadia@helios-energy.com', 20], ['CFO', 18])
		);
		expect(fields.org).toBe('Helios Energy');
		expect(fields.title).toBe('CFO');
	});

	it("takes the website at the email's domain, or one printed as a website, over a scrap that looks like one", () => {
		const card = (...rows: [string, number][]) => extractCardFields(lines(['I. co', 30], ...rows)).fields.url;
		expect(card(['Radia Turing', 40], ['E: radia@quantix.de', 20], ['W: https://quantix.de', 20])).toBe(
			'https://quantix.de'
		);
		expect(card(['Radia Turing', 40], ['quantix.de', 20], ['radia@quantix.de', 20])).toBe('https://quantix.de');
		expect(card(['Radia Turing', 40], ['www.quantix.de', 20])).toBe('https://www.quantix.de');
	});

	it('drops what OCR made of a QR code just before the name', () => {
		expect(extractCardFields(lines(['0] Marta Nowak', 40], ['Helios Energy', 26])).fields.name).toBe('Marta Nowak');
	});

	it('capitalises a name OCR read with a small first letter', () => {
		expect(extractCardFields(lines(['sophie Garcia', 67], ['Cobalt Payments', 37])).fields.name).toBe('Sophie Garcia');
	});

	it('finds nothing in text that is not a card', () => {
		const { fields } = extractCardFields(lines(['—— ~~ ..', 30, 20], ['1234', 20]));
		expect(fields).toEqual(emptyFields());
	});

	it('keeps the text as read', () => {
		expect(extractCardFields(lines(['<b>Ada</b>', 30], ['Lovelace', 20])).text).toBe('<b>Ada</b>\nLovelace');
	});
});

describe('joinPieces', () => {
	const at = (text: string, x: number, y: number, width: number, height: number): TextLine => ({
		text,
		confidence: 90,
		box: { x, y, width, height }
	});

	it('joins pieces of one printed line, and an email broken after a hyphen', () => {
		const joined = joinPieces([
			at('Kestrel Sec', 40, 100, 150, 30),
			at('urity', 196, 102, 70, 29),
			at('Ada Lovelace', 40, 20, 200, 40),
			at('barbara_clarke@pinecone-', 40, 200, 300, 20),
			at('analytics.io', 40, 224, 120, 20)
		]);
		expect(joined.map((l) => l.text)).toEqual([
			'Kestrel Sec urity',
			'Ada Lovelace',
			'barbara_clarke@pinecone-analytics.io'
		]);
	});

	it('joins pieces that touch without a space, and an email whose hyphen was lost at the break', () => {
		const joined = joinPieces([
			at('Email: oluw', 177, 695, 141, 28),
			at('aseun.adeyemi', 321, 681, 177, 32),
			at('01@lumenco.com', 502, 674, 196, 29),
			at('barbara _clarke@pinecone', 40, 200, 300, 20),
			at('analytics. io', 40, 224, 120, 20)
		]);
		expect(joined.map((l) => l.text)).toEqual([
			'Email: oluwaseun.adeyemi01@lumenco.com',
			'barbara _clarke@pinecone-analytics.io'
		]);
	});

	it('does not take the website below an address read whole, and a scrap does not sink a clear line', () => {
		const joined = joinPieces([
			at('ada@engines.c0m', 40, 200, 200, 20),
			at('www.engines.com', 40, 224, 200, 20),
			{ ...at('Greenleaf Foods', 166, 523, 273, 26), confidence: 95 },
			{ ...at('[', 468, 532, 2, 23), confidence: 17 }
		]);
		expect(joined.map((l) => l.text)).toEqual(['ada@engines.c0m', 'www.engines.com', 'Greenleaf Foods [']);
		expect(joined[2]!.confidence).toBeGreaterThan(80);
	});

	it('keeps apart lines far apart on one row, or of very different sizes', () => {
		const joined = joinPieces([at('Niklaus Hopper', 40, 300, 200, 30), at('+49 30 901820', 420, 302, 160, 18)]);
		expect(joined).toHaveLength(2);
	});
});

describe('cardPayload', () => {
	it('fills in what was read surely, offers what was not as a suggestion to check, keeping the text', () => {
		const payload = cardPayload(
			extractCardFields(lines(['Ada Lovelace', 40], ['Difference Co', 22, 62], ['ada@engines.example', 18]))
		);
		// The name and the email bear each other out; the company is read unsurely (62) and does
		// not start like the email's domain.
		expect(payload?.fields).toMatchObject({ name: 'Ada Lovelace', email: 'ada@engines.example', org: '' });
		expect(payload?.suggestions).toEqual({ org: 'Difference Co' });
		expect(payload?.needsName).toBe(false);
		expect(payload?.raw).toBe('Ada Lovelace\nDifference Co\nada@engines.example');
	});

	it('is null when nothing that identifies a person was read', () => {
		expect(cardPayload(extractCardFields(lines(['Research Fellow', 20])))).toBeNull();
	});
});

describe('the fields the reader is unsure of', () => {
	const unsure = (...rows: [string, number, number?][]) => extractCardFields(rows.length ? lines(...rows) : []).unsure;

	it('are those read with low confidence', () => {
		expect(unsure(['Ada Lovelace', 40, 55], ['ada.lovelace@engines.example', 18])).toEqual(['name']);
		expect(unsure(['Ada Lovelace', 40], ['+44 20 7946 0958', 18, 60], ['ada.lovelace@engines.example', 18])).toEqual([
			'phone'
		]);
	});

	it('include an email neither the name nor the website bears out, and one the reader mended', () => {
		expect(unsure(['Ada Lovelace', 40], ['zq7x@engines.example', 18])).toContain('email');
		// "blueharboriabs" mended to the website's "blueharborlabs".
		expect(
			unsure(['Sophie MacLeod', 40], ['sophiem@blueharboriabs.com', 18], ['www.blueharborlabs.com', 18])
		).toContain('email');
	});

	it('include a company or a website apart from the email domain, but not one that matches it', () => {
		const read = extractCardFields(
			lines(['Ada Lovelace', 40], ['Engines Ltd', 22], ['ada@engines.example', 18], ['www.engines.example', 18])
		);
		expect(read.fields.org).toBe('Engines Ltd');
		expect(read.unsure).toEqual([]);
		const elsewhere = extractCardFields(
			lines(['Ada Lovelace', 40], ['Difference Co', 22], ['ada@engines.example', 18], ['www.difference.example', 18])
		);
		expect(elsewhere.unsure).toEqual(expect.arrayContaining(['org', 'url']));
	});
});

describe('repairEmail', () => {
	const card = { ...emptyFields(), name: 'Sophie MacLeod', org: 'Blue Harbor Labs' };

	it('puts right one or two letters from the website, the company or the name', () => {
		expect(repairEmail({ ...card, email: 'sophiem@blueharboriabs.com' })).toBe('sophiem@blueharborlabs.com');
		expect(repairEmail({ ...card, email: 'sophiem@bluehrbor.com', url: 'https://www.blueharbor.com' })).toBe(
			'sophiem@blueharbor.com'
		);
		expect(repairEmail({ ...card, email: 'sophlem@blueharborlabs.com' })).toBe('sophiem@blueharborlabs.com');
		expect(repairEmail({ ...card, email: 'sophie.macleed@blueharborlabs.com' })).toBe(
			'sophie.macleod@blueharborlabs.com'
		);
		expect(repairEmail({ ...card, email: 'ophie.macleod@blueharborlabs.com' })).toBe(
			'sophie.macleod@blueharborlabs.com'
		);
	});

	it('leaves alone what is further off, and a dot read as an underscore', () => {
		expect(repairEmail({ ...card, email: 'info@blueharborlabs.com' })).toBe('info@blueharborlabs.com');
		expect(repairEmail({ ...card, email: 'macleod@blueharborlabs.com' })).toBe('macleod@blueharborlabs.com');
		expect(repairEmail({ ...card, email: 'sophie_macleod@blueharborlabs.com' })).toBe(
			'sophie_macleod@blueharborlabs.com'
		);
		expect(repairEmail({ ...card, email: 'sophie.macleodei@blueharborlabs.com' })).toBe(
			'sophie.macleodei@blueharborlabs.com'
		);
	});

	it('keeps the reading of an address that agrees with the name and the website', () => {
		const yuki = { ...emptyFields(), name: 'Yukihiro Borg', url: 'https://quantix.de' };
		expect(emailAgreement('yukihiro.borg01@quantix.de', yuki)).toBe(3);
		expect(emailAgreement('yukihiro.borgei@quantix.de', yuki)).toBe(1);
		expect(likeliestEmail(['yukihiro.borgei@quantix.de', 'yukihiro.borg01@quantix.de'], yuki)).toBe(
			'yukihiro.borg01@quantix.de'
		);
		expect(likeliestEmail(['yukihiro.borg@quantix.de', 'yukihiro.b0rg@quantix.de'], yuki)).toBe(
			'yukihiro.borg@quantix.de'
		);
		expect(likeliestEmail(['', 'info@quantix.de'], yuki)).toBe('info@quantix.de');
	});

	it('measures edits', () => {
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
	});
});
