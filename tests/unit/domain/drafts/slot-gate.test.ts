import { describe, expect, it } from 'vitest';
import { draftFollowUp, type DraftInput } from '$lib/domain/drafts/draft';
import { cleanSlot, noteCapitals } from '$lib/domain/drafts/slot-gate';

const draft = (input: Partial<DraftInput> & { notes: string[]; theirName: string }) =>
	draftFollowUp({ myName: 'Ada Lovelace', promises: [], ...input });
const both = (d: { subject: string; body: string }) => `${d.subject}\n${d.body}`;

// What a letter never writes, whatever slot a note's phrase lands in.
const SHORTHAND =
	/(?:^|\s)(?:\+|→|->|~|w\/|c\/|re|creds|z\.\s?B\.|ca\.|aprox\.|approx\.|Stk\.|pz|jmd|gnt|Fa\.|Univ\.)(?=$|[\s,.;!?)])/mu;

describe('a phrase of the note goes into a slot only once its shorthand is written out or cut', () => {
	it('writes out a shorthand word that has one meaning (creds, Fa., a gnt)', () => {
		const en = draft({
			theirName: 'Noor Haddad',
			notes: ['Wants to try our fraud API. I promised to send the NDA and the sandbox creds.'],
			promises: ['sandbox creds']
		});
		expect(both(en)).toContain('sandbox credentials');
		expect(both(en)).not.toMatch(SHORTHAND);
		const de = draft({
			theirName: 'Jonas Weber',
			notes: ['Sucht Lösung für Lagerlogistik. Versprochen: Referenz Fa. Hollmann schicken.']
		});
		expect(de.body).toContain('die Referenz der Firma Hollmann');
		expect(both(de)).not.toMatch(SHORTHAND);
		const pt = draft({
			theirName: 'Bruna Lima',
			notes: ['falamos de onboarding. ela perguntou se a gnt faz treinamento presencial?']
		});
		expect(pt.body).toContain('a gente faz treinamento presencial');
		expect(both(pt)).not.toMatch(SHORTHAND);
	});

	it('cuts a figure with a unit abbreviation and drops an approximation mark', () => {
		const de = draft({
			theirName: 'Ute Sommer',
			notes: ['Braucht neue Dichtungen.'],
			promises: ['Angebot 2.000 Stk. Typ B schicken']
		});
		expect(de.subject).toBe('Das Angebot, wie versprochen');
		expect(both(de)).not.toMatch(SHORTHAND);
		const it_ = draft({
			theirName: 'Marco Gallo',
			notes: ['Telemonitoraggio per cardiopatici.\n[ ] preventivo 300 pz']
		});
		expect(it_.body).toContain('il preventivo');
		expect(both(it_)).not.toMatch(SHORTHAND);
		const es = draft({
			theirName: 'Inés Roldán',
			notes: ['Quiere digitalizar su ensayo clínico.\n[ ] presupuesto aprox. para 12 meses']
		});
		expect(es.body).toContain('el presupuesto para 12 meses');
		expect(both(es)).not.toMatch(SHORTHAND);
	});

	it('writes a "+" of the note as "and", a "re" as "about", and drops a deadline glued on', () => {
		const en = draft({
			theirName: 'Ken Ito',
			notes: ['Runs a small data team.\n[ ] ask Dana re discounts\n[ ] send deck + pricing by 12/3']
		});
		expect(en.body).toContain('ask Dana about discounts');
		expect(en.body).toContain('the deck and the pricing');
		expect(both(en)).not.toMatch(/12\/3/);
		expect(both(en)).not.toMatch(SHORTHAND);
	});

	it('leaves a topic out, or keeps only its clean part, when it holds note shorthand', () => {
		const pt = draft({
			theirName: 'Rita Neves',
			eventName: 'Web Summit',
			notes: ['Univ. Porto, laboratório de robótica. Prometi enviar o artigo do nosso braço robótico.']
		});
		expect(pt.body).not.toMatch(SHORTHAND);
		const de = draft({
			theirName: 'Lars Kühn',
			notes: ['suchen jmd für lagerplanung z.B. regalsysteme. Versprochen: Whitepaper schicken.']
		});
		expect(de.body).toContain('zum Thema Lagerplanung');
		expect(both(de)).not.toMatch(SHORTHAND);
	});

	it('drops an asked intro that the note answers after an arrow with an intro made', () => {
		const it_ = draft({
			theirName: 'Chiara Neri',
			notes: ['Vuole esportare in Giappone.\nchiede contatto di un distributore a Tokyo → le presento Kenji Mori'],
			promises: ['intro Kenji']
		});
		expect(it_.body).toContain('Kenji Mori');
		expect(both(it_)).not.toMatch(/→|->/);
	});
});

describe('the slot gate', () => {
	const context = (language: 'en' | 'de', notes: string[] = []) => ({
		language,
		functionWords: new Set(['the', 'a', 'of', 'and', 'das', 'die', 'der', 'für', 'und']),
		capitals: noteCapitals(notes),
		and: language === 'de' ? 'und' : 'and'
	});

	it('copies the capitals the note writes, and its hyphenated compounds', () => {
		const notes = ['Interesse an Pilot, 2 Depots. Ich schicke das Pilot-Angebot.'];
		expect(cleanSlot('pilot angebot 2 depots', context('de', notes))).toBe('Pilot-Angebot 2 Depots');
	});

	it('keeps a figure that is part of a name when nothing was cut ("MySQL 5.7", "PNRR 1.4.4")', () => {
		expect(cleanSlot('whether our connector supports MySQL 5.7', context('en'))).toBe(
			'whether our connector supports MySQL 5.7'
		);
	});

	it('returns nothing when no word that names something is left', () => {
		expect(cleanSlot('→ Ana', context('en'))).toBe('');
		expect(cleanSlot('the + ', context('en'))).toBe('');
	});
});

describe('a topic is written only when it is a clean noun phrase', () => {
	const context = (language: 'de' | 'pt' | 'it' | 'en') => ({
		language,
		functionWords: new Set(['e', 'de', 'do', 'für', 'the', 'of']),
		capitals: new Map<string, string>(),
		and: 'e'
	});

	it('is left out when it speaks of the reader in the third person', () => {
		expect(cleanSlot('Mentor:innen für ihr Bootcamp', context('de'), true)).toBe('');
		expect(cleanSlot('seine Promotion', context('de'), true)).toBe('');
		expect(cleanSlot('Mentor:innen für Ihr Bootcamp', context('de'), true)).toBe('Mentor:innen für Ihr Bootcamp');
	});

	it('is left out when it starts as an infinitive clause, in Spanish, Portuguese and Italian', () => {
		expect(cleanSlot('rastrear emissões de carbono', context('pt'), true)).toBe('');
		expect(cleanSlot('rispondere breve', context('it'), true)).toBe('');
		expect(cleanSlot('a migração do monólito', context('pt'), true)).toBe('a migração do monólito');
	});

	it('is left out when it ends on a word the note cut short ("freelance illustr.")', () => {
		expect(cleanSlot('freelance illustr.', context('de'), true)).toBe('');
		expect(cleanSlot('vendor risk for the EU', context('en'), true)).toBe('vendor risk for the EU');
	});

	it('writes a topic that starts with an infinitive as their plan', () => {
		const d = draft({
			theirName: 'Joana Prado',
			eventName: 'Agrotec 2026',
			notes: ['rastrear emissões de carbono da frota. Prometi enviar o estudo de caso.']
		});
		expect(d.body).toContain('sobre os seus planos de rastrear emissões de carbono da frota');
	});

	it('keeps a thing sent whole (only topics are held to a noun phrase)', () => {
		expect(cleanSlot('rastrear emissões de carbono', context('pt'))).toBe('rastrear emissões de carbono');
	});
});

describe('a typed to-do in English, in a message in another language', () => {
	it('is written with the language’s own verb, without English routing words', () => {
		const de = draft({
			theirName: 'Mara Stein',
			notes: ['Sucht Lösung für Schichtplanung. Habe versprochen, mich zu melden.'],
			promises: ['check w/ Tobias re Lizenzmodell']
		});
		expect(de.body).toContain('kläre ich das Thema Lizenzmodell');
		expect(de.body).not.toMatch(/(?<![\p{L}])(?:check|with|w\/|re)(?![\p{L}])/u);
		const it_ = draft({
			theirName: 'Sara Conti',
			notes: ['Migrazione del cluster a Kubernetes. Le ho promesso un parere sulla loro RFC.'],
			promises: ['review RFC migrazione']
		});
		expect(it_.body).not.toMatch(/\breview\b/);
		expect(it_.body).toContain('rivedo');
	});
});

describe('a list of things sent', () => {
	it('puts its conjunction only before the last thing, and names each thing once', () => {
		const es = draft({
			theirName: 'Lucía Vera',
			notes: [
				'Quiere automatizar el riego.\n[ ] enviar la cotización para 50 sensores y el gateway\n[ ] enviar la ficha técnica'
			],
			promises: []
		});
		expect(es.body).toContain('la cotización para 50 sensores, el gateway y la ficha técnica');
		const pt = draft({
			theirName: 'Rui Faria',
			notes: [
				'Banda de jazz, festival em julho.\n[ ] mandar o rider técnico e o cachê\n[ ] mandar o vídeo\n[ ] mandar o video'
			],
			promises: []
		});
		expect(pt.body).toMatch(/o rider técnico, o cachê e o vídeo(?! e o video)/u);
		expect(pt.body).not.toMatch(/vídeo e o video|video e o vídeo/u);
	});

	it('leaves out a word a typed promise cut short at its end ("datas set.")', () => {
		const pt = draft({
			theirName: 'Rui Faria',
			notes: ['Ele é programador de um festival de jazz e perguntou pelo cachê da nossa banda.'],
			promises: ['cachê + datas set.']
		});
		expect(both(pt)).not.toMatch(/set\./u);
		expect(pt.body).toContain('o cachê e as datas');
	});
});
