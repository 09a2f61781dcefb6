import { describe, expect, it } from 'vitest';
import { draftFollowUp } from '$lib/domain/drafts/draft';

// Reader verdict class 7: a request line that repeats or contradicts what the same mail already
// sends or does. The person introduced answers "do you know anyone…"; the document sent answers
// "do you have a …".
describe('a question the mail itself answers', () => {
	it('"do you know anyone" is answered by the person the mail introduces (en)', () => {
		const d = draftFollowUp({
			myName: 'Nora Blake',
			theirName: 'Tom Hughes',
			promises: ['intro Ravi at Cobalt'],
			notes: ['- runs a small clinic chain\n- asked: do we know anyone who does security audits for clinics?']
		});
		expect(d.body).toContain('Ravi');
		// What they asked for stays said, of the person introduced.
		expect(d.body).toContain('Ravi, who does security audits');
		expect(d.body).not.toMatch(/anyone/);
	});

	it('"se conosco qualcuno" is answered by the person the mail introduces (it)', () => {
		const d = draftFollowUp({
			myName: 'Paola Conti',
			theirName: 'Luca Ferraro',
			promises: ['intro Sara Gallo'],
			notes: ['Luca cerca un grafico per il nuovo catalogo, mi ha chiesto se conosco qualcuno.']
		});
		expect(d.language).toBe('it');
		expect(d.body).toContain('Sara Gallo');
		expect(d.body).not.toMatch(/qualcuno/);
	});

	it('"se potevo segnalargli qualcuno" is answered by the CV of the person the mail sends (it)', () => {
		const d = draftFollowUp({
			myName: 'Paola Conti',
			theirName: 'Prof. Luca Ferraro',
			promises: ['CV di Giulia'],
			notes: [
				'Il Prof. Ferraro cerca un assegnista per il suo laboratorio. Mi ha chiesto se potevo segnalargli qualcuno del nostro gruppo: ho pensato a Giulia Neri. Gli mando il CV di Giulia.'
			]
		});
		expect(d.language).toBe('it');
		expect(d.body).toContain('il CV di Giulia');
		expect(d.body).not.toMatch(/qualcuno/);
	});

	it('a contact asked for is answered by the person introduced, not introduced twice (pt)', () => {
		const d = draftFollowUp({
			myName: 'Rita Sousa',
			theirName: 'Kwame Mensah',
			promises: [],
			notes: [
				'- quer abrir uma loja em Lisboa\n- pediu contacto de fábrica de embalagens com pedido mín. baixo\n- prometi apresentá-lo ao Rui da Embalpack'
			]
		});
		expect(d.body).toContain('Rui');
		expect(d.body).not.toMatch(/fábrica de embalagens/);
	});

	it('"whether we have a …" is answered by the document about it that the mail sends (en)', () => {
		const d = draftFollowUp({
			myName: 'Nora Blake',
			theirName: 'Tom Hughes',
			promises: ['send partner program overview'],
			notes: ['- agency in Leeds, 20 people\n- asked if we have a partner program']
		});
		expect(d.body).toMatch(/partner program overview/);
		expect(d.body).not.toMatch(/asked whether we have/);
	});

	it('"ob wir … haben" is answered by the document about it that the mail sends (de)', () => {
		const d = draftFollowUp({
			myName: 'Jana Vogt',
			theirName: 'Frau Dr. Petra Lang',
			promises: ['Schulungskonzept schicken'],
			notes: ['Frau Dr. Lang, Pflegedirektorin. Fragt, ob wir ein Schulungskonzept für Pflegekräfte haben.']
		});
		expect(d.body).toMatch(/Schulungskonzept/);
		expect(d.body).not.toMatch(/gefragt, ob wir/);
	});

	it('a question about something else stays (en)', () => {
		const d = draftFollowUp({
			myName: 'Nora Blake',
			theirName: 'Tom Hughes',
			promises: ['send partner program overview'],
			notes: ['- agency in Leeds, 20 people\n- asked if we have an API for bulk imports']
		});
		expect(d.body).toMatch(/asked whether we have an API for bulk imports/);
	});
});

// Reader verdict class 7: "Mi aveva chiesto chi paga la registrazione SFDA … Mi aveva chiesto se noi o
// l'importatore" — one question, its alternatives after a comma, asked back twice.
describe('a question with its alternatives after a comma', () => {
	it('is one question (it)', () => {
		const d = draftFollowUp({
			myName: 'Paola Conti',
			theirName: 'Luca Ferraro',
			promises: ['lista dei documenti doganali'],
			notes: ['1) vogliono esportare in Canada\n2) domanda aperta: chi paga lo sdoganamento, noi o il distributore?']
		});
		expect(d.language).toBe('it');
		expect(d.body.match(/Mi aveva chiesto/g)).toHaveLength(1);
		expect(d.body).not.toMatch(/chiesto se noi/);
	});

	it('is one question (en)', () => {
		const d = draftFollowUp({
			myName: 'Nora Blake',
			theirName: 'Tom Hughes',
			promises: [],
			notes: [
				'- exporting to Canada from spring\n- open question: who pays for customs clearance, us or the distributor?'
			]
		});
		expect(d.body.match(/You asked/g) ?? []).toHaveLength(1);
	});
});

// Reader verdict classes 7 and 10: "Dabei helfe ich gern. … Dabei helfe ich gern.", "Envio o case de
// varejo em breve. Envio a estimativa de custo em breve." — one reply, written once for all it answers.
describe('things asked for that take the same reply', () => {
	it('are answered in one sentence (de)', () => {
		const d = draftFollowUp({
			myName: 'X Y',
			theirName: 'Jonas Berg',
			promises: [],
			notes: [
				'Doktorand an der TU Graz. Sucht Strahlzeit an unserem Synchrotron, fragt nach Preis pro Schicht für externe. Hab gesagt ich schick ihm die Nutzerordnung.'
			]
		});
		expect(d.language).toBe('de');
		expect(d.body.match(/Dabei helfe ich gern/g)).toHaveLength(1);
		expect(d.body).toContain('„Strahlzeit an unserem Synchrotron“ und „Preis pro Schicht für externe“');
	});

	it('are answered in one sentence (pt)', () => {
		const d = draftFollowUp({
			myName: 'X Y',
			theirName: 'Ana Costa',
			promises: [],
			notes: ['Tem três padarias em Braga. Pediu o case de varejo e a estimativa de custo.']
		});
		expect(d.language).toBe('pt');
		expect(d.body).toContain('Envio o case de varejo e a estimativa de custo em breve.');
	});
});

describe('things asked for that take the same reply, in the other languages', () => {
	it('are answered in one sentence (es)', () => {
		const d = draftFollowUp({
			myName: 'X Y',
			theirName: 'Lucía Prieto',
			promises: [],
			notes: ['Tiene tres panaderías en Sevilla. Me pidió el estudio de Valencia y el informe de precios.']
		});
		expect(d.language).toBe('es');
		expect(d.body.match(/Con gusto te envío/g)).toHaveLength(1);
	});

	it('are answered in one sentence (it)', () => {
		const d = draftFollowUp({
			myName: 'X Y',
			theirName: 'Luca Ferraro',
			promises: [],
			notes: [
				'Dottorando a Pavia. Cerca tempo macchina sul nostro cluster, chiede il prezzo per ora per esterni, chiede il manuale utente per esterni.'
			]
		});
		expect(d.language).toBe('it');
		expect(d.body.match(/me ne occupo volentieri/g)).toHaveLength(1);
	});
});
