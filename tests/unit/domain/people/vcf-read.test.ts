import { describe, expect, it } from 'vitest';
import {
	MAX_VCF_BYTES,
	MAX_VCF_CARDS,
	readVcfFile,
	readVcfFileInChunks,
	vcfSizeProblem
} from '$lib/domain/people/vcf-read';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/** As Android's Contacts app exports: vCard 2.1, quoted-printable UTF-8, bare TYPE params, a photo. */
const android21 = crlf(
	'BEGIN:VCARD',
	'VERSION:2.1',
	'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD;;;',
	'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD =D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2',
	'TEL;CELL;PREF:+7 912 345-67-89',
	'TEL;WORK:+7 495 123-45-67',
	'EMAIL;HOME:Ivan.Petrov@example.ru',
	'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=93=D0=B0=D0=B7=D0=BF=D1=80=D0=BE=D0=BC =D0=BD=D0=B5=D1=84=D1=82=D1=8C',
	'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=97=D0=B2=D0=BE=D0=BD=D0=B8=D1=82=D1=8C =D0=BF=D0=BE=D1=81=D0=BB=D0=B5 1=',
	'8:00',
	'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof',
	' Hh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy',
	'',
	'END:VCARD',
	'BEGIN:VCARD',
	'VERSION:2.1',
	'N:;Mum;;;',
	'FN:Mum',
	'TEL;HOME:020 7946 0018',
	'END:VCARD'
);

/** As an iPhone exports: vCard 3.0, grouped properties, a LinkedIn social profile, a folded photo. */
const iphone30 = crlf(
	'BEGIN:VCARD',
	'VERSION:3.0',
	'PRODID:-//Apple Inc.//iPhone OS 17.4//EN',
	'N:Lovelace;Ada;;;',
	'FN:Ada Lovelace',
	'ORG:Analytical Engines;Research',
	'TITLE:Countess',
	'item1.EMAIL;type=INTERNET;type=pref:ada@engines.example',
	'item1.X-ABLabel:_$!<Other>!$_',
	'TEL;type=CELL;type=VOICE;type=pref:(020) 7946 0000',
	'item2.URL;type=pref:https://engines.example',
	'X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/ada-lovelace',
	'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABt',
	' bnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA',
	'END:VCARD'
);

const ok = (text: string, defaultCountry?: 'GB') => {
	const result = readVcfFile(text, { defaultCountry });
	if (!result.ok) throw new Error(result.message);
	return result;
};

describe('reading a contacts file', () => {
	it('reads a vCard 2.1 phone export: quoted-printable Cyrillic, several numbers, a photo left out', () => {
		const result = ok(android21, 'GB');
		expect(result.cards).toBe(2);
		expect(result.skipped).toEqual([]);
		expect(result.contacts.map((c) => c.fields)).toEqual([
			{
				name: 'Иван Петров',
				org: 'Газпром нефть',
				title: '',
				email: 'ivan.petrov@example.ru',
				phone: '+79123456789',
				linkedin: '',
				url: '',
				badgeId: ''
			},
			expect.objectContaining({ name: 'Mum', phone: '+442079460018', email: '' })
		]);
		// The keys a scan of the same person would give, strongest first.
		expect(result.contacts[0]!.keys).toEqual(['email:ivan.petrov@example.ru', 'phone:+79123456789']);
	});

	it('reads an iPhone vCard 3.0 export: grouped email, LinkedIn profile, national number in the own region', () => {
		const [ada] = ok(iphone30, 'GB').contacts;
		expect(ada!.fields).toEqual({
			name: 'Ada Lovelace',
			org: 'Analytical Engines',
			title: 'Countess',
			email: 'ada@engines.example',
			phone: '+442079460000',
			linkedin: 'https://www.linkedin.com/in/ada-lovelace',
			url: 'https://engines.example',
			badgeId: ''
		});
		expect(ada!.keys).toEqual([
			'email:ada@engines.example',
			'linkedin:linkedin.com/in/ada-lovelace',
			'phone:+442079460000'
		]);
	});

	it('reads vCard 4.0 and non-Latin names in any script', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'VERSION:4.0',
			'FN:Søren Kierkegaard-Nielsen',
			'TEL;VALUE=uri;TYPE=cell:tel:+45-20-55-01-99',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'N:山田;太郎;;;',
			'FN:山田 太郎',
			'ORG:さくら技研',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:فاطمة الزهراء',
			'EMAIL:fatima@example.ma',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'N:Okafor;Adaeze;;;',
			'END:VCARD'
		);
		const names = ok(text).contacts.map((c) => c.fields.name);
		expect(names).toEqual(['Søren Kierkegaard-Nielsen', '山田 太郎', 'فاطمة الزهراء', 'Adaeze Okafor']);
		expect(ok(text).contacts[0]!.fields.phone).toBe('+4520550199');
	});

	it('skips cards without a usable name, counting each with its reason, and keeps broken ones best-effort', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'VERSION:3.0',
			'EMAIL:nobody@example.com',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN: - ',
			'TEL:+44 20 7946 0001',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Grace Hopper',
			'EMAIL;TYPE="unclosed:grace@navy.example',
			'EMAIL:not an email',
			'URL:javascript:alert(1)',
			'TEL:call me',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Cut Off',
			'EMAIL:cut@off.exa'
		);
		const result = ok(text);
		expect(result.cards).toBe(4);
		expect(result.skipped).toEqual([
			{ position: 1, reason: 'no-name' },
			{ position: 2, reason: 'no-name' }
		]);
		expect(result.contacts.map((c) => c.fields)).toEqual([
			expect.objectContaining({ name: 'Grace Hopper', email: '', url: '', phone: '' }),
			expect.objectContaining({ name: 'Cut Off', email: 'cut@off.exa' })
		]);
	});

	it('keeps markup and controls as text: never HTML, never a javascript: link, no bidi tricks', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:<img src=x onerror=alert(1)>Eve',
			'ORG:<script>alert(2)</script>',
			'URL:javascript:alert(3)',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Mallory \u202egnp.exe',
			'END:VCARD'
		);
		const [eve, mallory] = ok(text).contacts;
		expect(eve!.fields).toMatchObject({
			name: '<img src=x onerror=alert(1)>Eve',
			org: '<script>alert(2)</script>',
			url: ''
		});
		expect(mallory!.fields.name).toBe('Mallory gnp.exe');
	});
});

describe('duplicates within one file', () => {
	it('never makes two different names one person because they share a phone (an office line)', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'FN:Ann Lee',
			'TEL:+44 20 7946 0100',
			'EMAIL:ann@office.example',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:Bob Lee',
			'TEL:+44 20 7946 0100',
			'EMAIL:bob@office.example',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:Cy Moss',
			'EMAIL:bob@office.example',
			'END:VCARD'
		);
		const result = ok(text);
		expect(result.contacts.map((c) => [c.fields.name, c.fields.email])).toEqual([
			['Ann Lee', 'ann@office.example'],
			['Bob Lee', 'bob@office.example'],
			['Cy Moss', 'bob@office.example']
		]);
		expect(result.mergedInFile).toBe(0);
	});

	it('merges cards sharing a key, even through a third card; the first card wins, later ones fill gaps', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Adaeze Okafor',
			'EMAIL:adaeze@lumen.example',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Dr. A. Okafor',
			'TITLE:Head of Research',
			'TEL:+234 803 555 0142',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Adaeze',
			'ORG:Lumen Labs',
			'EMAIL:ADAEZE@Lumen.example',
			'TEL:+2348035550142',
			'END:VCARD',
			'BEGIN:VCARD',
			'VERSION:3.0',
			'FN:Someone Else',
			'EMAIL:else@example.com',
			'END:VCARD'
		);
		const result = ok(text);
		expect(result.mergedInFile).toBe(2);
		expect(result.contacts).toHaveLength(2);
		expect(result.contacts[0]).toEqual({
			fields: {
				name: 'Adaeze Okafor',
				org: 'Lumen Labs',
				title: 'Head of Research',
				email: 'adaeze@lumen.example',
				phone: '+2348035550142',
				linkedin: '',
				url: '',
				badgeId: ''
			},
			keys: ['email:adaeze@lumen.example', 'phone:+2348035550142']
		});
	});

	it('keeps the earliest card first when a card joins two others', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'FN:Grace Hopper',
			'ORG:First Org',
			'TEL:+44 20 7946 0003',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:Grace Brewster Hopper',
			'ORG:Second Org',
			'EMAIL:both@example.com',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:Grace',
			'EMAIL:both@example.com',
			'TEL:+442079460003',
			'END:VCARD'
		);
		const result = ok(text);
		expect(result.contacts).toHaveLength(1);
		expect(result.contacts[0]!.fields).toMatchObject({
			name: 'Grace Hopper',
			org: 'First Org',
			email: 'both@example.com'
		});
	});

	it('puts the strongest key first when a later card brings it (the id a scan would give)', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'FN:Priya Raman',
			'TEL:+44 20 7946 0002',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:Priya Raman',
			'TEL:+442079460002',
			'EMAIL:priya@kestrel.example',
			'END:VCARD'
		);
		expect(ok(text).contacts[0]!.keys).toEqual(['email:priya@kestrel.example', 'phone:+442079460002']);
	});

	it('merges cards with only a name into the card of the same name, unless the companies differ', () => {
		const text = crlf(
			'BEGIN:VCARD',
			'FN:José Müller',
			'ORG:Grid AS',
			'EMAIL:jose@grid.example',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:jose  MULLER',
			'TITLE:CTO',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:José Müller',
			'ORG:Another Company',
			'END:VCARD'
		);
		const result = ok(text);
		expect(result.mergedInFile).toBe(1);
		expect(result.contacts.map((c) => [c.fields.name, c.fields.title, c.fields.org])).toEqual([
			['José Müller', 'CTO', 'Grid AS'],
			['José Müller', '', 'Another Company']
		]);
	});
});

describe('limits', () => {
	it('refuses a file larger than the limit, saying nothing was changed', () => {
		expect(vcfSizeProblem(MAX_VCF_BYTES)).toBeNull();
		expect(vcfSizeProblem(MAX_VCF_BYTES + 1)).toMatch(/larger than 20 MB.*Nothing was changed/);
		const huge = readVcfFile('BEGIN:VCARD\r\nFN:A\r\n' + 'x'.repeat(MAX_VCF_BYTES));
		expect(huge).toEqual({ ok: false, message: expect.stringMatching(/larger than 20 MB/) });
	});

	it('refuses more cards than the limit, with the count', () => {
		const card = 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n';
		expect(readVcfFile(card.repeat(MAX_VCF_CARDS + 1))).toEqual({
			ok: false,
			message: expect.stringMatching(/holds 10,001 contacts; up to 10,000 .*smaller groups. Nothing was changed/)
		});
	});

	it('reads a file at the card limit', () => {
		const cards = Array.from(
			{ length: MAX_VCF_CARDS },
			(_, i) => `BEGIN:VCARD\r\nFN:P ${i}\r\nTEL:+4420794${String(i).padStart(5, '0')}\r\nEND:VCARD\r\n`
		);
		const result = ok(cards.join(''));
		expect(result.contacts).toHaveLength(MAX_VCF_CARDS);
	}, 30_000);

	it('says when a file holds no cards at all', () => {
		for (const text of ['', 'Name,Email\nAda,ada@example.com', 'MECARD:N:Doe,John;;']) {
			expect(readVcfFile(text)).toEqual({
				ok: false,
				message: expect.stringMatching(/holds no contacts.*Nothing was changed/)
			});
		}
	});
	it('a card holding text Postgres cannot store (NUL, a lone surrogate) is read cleaned, so it syncs', () => {
		const result = ok(
			['BEGIN:VCARD', 'VERSION:3.0', 'FN:Grace\u0000 Hopper\uD83D', 'ORG:US Navy\uDE00', 'END:VCARD', ''].join('\r\n')
		);
		expect(result.contacts[0]!.fields).toMatchObject({ name: 'Grace Hopper\uFFFD', org: 'US Navy\uFFFD' });
	});
});

describe('reading a large contacts file a chunk at a time', () => {
	const file = Array.from(
		{ length: 1200 },
		(_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.org\r\nEND:VCARD\r\n`
	).join('');

	it('reads what readVcfFile reads, saying how far it is and letting the screen be drawn between chunks', async () => {
		const seen: string[] = [];
		let pauses = 0;
		const read = await readVcfFileInChunks(file, {
			onProgress: (done, total) => seen.push(`${done}/${total}`),
			pause: async () => void pauses++
		});
		expect(read).toEqual(readVcfFile(file));
		expect(seen).toEqual(['500/1200', '1000/1200']);
		expect(pauses).toBe(2);
	});

	it('stops at Cancel (its AbortSignal), between two chunks', async () => {
		const controller = new AbortController();
		let pauses = 0;
		const read = await readVcfFileInChunks(file, {
			signal: controller.signal,
			onProgress: () => controller.abort(),
			pause: async () => void pauses++
		});
		expect(read).toBeNull();
		expect(pauses).toBe(1);
	});
});
