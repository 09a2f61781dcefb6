import { describe, expect, it } from 'vitest';
import { draftFollowUp, type DraftInput } from '$lib/domain/drafts/draft';

const draft = (input: Partial<DraftInput> & { notes: string[]; theirName: string }) =>
	draftFollowUp({ myName: 'Lena Brandt', promises: [], ...input });
const greeting = (body: string) => body.split('\n')[0];

describe('how a draft greets the person, and where it says it met them', () => {
	it('greets formally, as the note addresses them, in German, French and Italian', () => {
		const notes = ['Fr. von Bergen, Einkauf bei Kessler Antriebstechnik. Will Muster + Angebot.'];
		expect(greeting(draft({ theirName: 'Ursula von Bergen', notes }).body)).toBe('Guten Tag Frau von Bergen,');
		expect(
			greeting(draft({ theirName: 'Jonas Brandt', notes: ['Am Stand getroffen, sucht Retrofit für Pressen.'] }).body)
		).toBe('Guten Tag Jonas Brandt,');
		expect(
			greeting(
				draft({
					theirName: 'Nguyễn Thị Lan',
					notes: ['Mme Lan, export manager chez un torréfacteur. Elle cherche un distributeur en France.']
				}).body
			)
		).toBe('Bonjour Madame Lan,');
		expect(
			greeting(
				draft({
					theirName: 'Roberta Santoro',
					notes: ['Dott.ssa Santoro, direttrice sanitaria, telemedicina per pazienti cronici. Vuole sapere i costi.']
				}).body
			)
		).toBe('Gentile Dott.ssa Santoro,');
	});

	it('puts the article an event name needs', () => {
		const met = (eventName: string, notes: string[], theirName = 'Jonas Brandt') =>
			draft({ theirName, notes, eventName }).body.split('\n')[2];
		const de = ['Sucht Retrofit für Pressen, ca. 40 Maschinen.'];
		expect(met('Hannover Messe 2026', de)).toMatch(/^vielen Dank für das Gespräch auf der Hannover Messe 2026/);
		expect(met('DMEXCO', de)).toMatch(/auf der DMEXCO/);
		expect(met('Hauptstadtkongress 2026', de)).toMatch(/beim Hauptstadtkongress 2026/);
		const en = ['Cold chain for vaccines in Malawi, wants our data logger specs.'];
		expect(met('Global Humanitarian Logistics Forum', en)).toMatch(/at the Global Humanitarian Logistics Forum/);
		expect(met('Web Summit Lisbon 2026', en)).toMatch(/at Web Summit Lisbon 2026/);
	});
});

describe('what a draft sends and answers', () => {
	it('says samples are sent, not attached, and drops the deadline of what is sent now', () => {
		const d = draft({
			theirName: 'Agnieszka Kowalczyk',
			notes: ['Am Stand getroffen. Interesse an Eichen-Furnieren für Küchenfronten, ca. 3.000 m² pro Quartal.'],
			promises: ['Musterplatten schicken', 'FSC Zertifikat schicken']
		});
		expect(d.body).toContain('Wie versprochen sende ich Ihnen anbei das FSC Zertifikat.');
		expect(d.body).toContain('Außerdem schicke ich Ihnen die Musterplatten zu.');
		const en = draft({
			theirName: 'Leila Haddad',
			notes: ['Wants a PoC of our Arabic OCR on cheque images. TODO: send NDA + sandbox creds by Thursday inshallah.']
		});
		expect(en.body).not.toMatch(/Thursday|inshallah/);
	});

	it('does not ask back what a certificate it sends answers, and keeps a question a list does not', () => {
		const d = draft({
			theirName: 'Reto Caflisch',
			notes: ['Chefarzt Radiologie. Hat gefragt, ob wir MDR Klasse IIb haben.'],
			promises: ['MDR-Zertifikat schicken']
		});
		expect(d.body).toContain('das MDR-Zertifikat');
		expect(d.body).not.toMatch(/Sie hatten gefragt/);
		const kept = draft({
			theirName: 'Ahmed Al-Qahtani',
			notes: ['Asked who pays for the SFDA registration, us or the importer.'],
			promises: ['send the list of SFDA documents']
		});
		expect(kept.body).toMatch(/You asked/);
	});

	it('leaves out who does it in brackets, but keeps brackets that say what the thing is', () => {
		const d = draft({
			theirName: 'Priya Raman',
			notes: ['Talked about seat pricing for her team.'],
			promises: ['send the quote for 40 seats (annual)', 'send the security whitepaper (Marcus)']
		});
		expect(d.body).toContain('the quote for 40 seats (annual)');
		expect(d.body).not.toContain('(Marcus)');
	});
});
