import { describe, expect, it } from 'vitest';
import { draftFollowUp } from '$lib/domain/drafts/draft';
import { italianThing, toLei } from '$lib/domain/drafts/lexicon/it-nouns';
import { prep } from '$lib/domain/drafts/lexicon/it-phrases';
import { itReading } from '$lib/domain/drafts/lexicon/it-reading';

const base = { myName: 'Paolo Neri', promises: [] as string[] };

function draft(note: string, more: Partial<Parameters<typeof draftFollowUp>[0]> = {}) {
	return draftFollowUp({ ...base, theirName: 'Marta Colombo', notes: [note], ...more });
}

/** The message's own sentences: after the greeting, before the sign-off. */
function middle(body: string): string[] {
	return body.split('\n').slice(2, -3).filter(Boolean);
}

describe('Italian follow-up drafts', () => {
	it('sends what "gli ho promesso di mandargli" promised, with the formal Lei, and leaves the remark out', () => {
		const result = draft(
			'Incontrata al panel sulla logistica. Vogliono passare da SAP a Odoo per risparmiare. Le ho promesso di mandarle la nostra guida di migrazione entro lunedì. Secondo me non decide lei.',
			{ eventName: 'Logistica Expo' }
		);
		expect(result.language).toBe('it');
		expect(result.subject).toBe('La nostra guida di migrazione, come promesso');
		expect(result.body).toBe(
			[
				'Buongiorno Marta,',
				'',
				'È stato un piacere conoscerLa al panel sulla logistica e parlare del Suo progetto di passare da SAP a Odoo.',
				'Come promesso, Le invio la nostra guida di migrazione.',
				'',
				'Cordiali saluti,',
				'Paolo Neri'
			].join('\n')
		);
		expect(result.notePromises.map((p) => [p.action.todo, p.due])).toEqual([
			['Inviare la nostra guida di migrazione', { kind: 'weekday', day: 1 }]
		]);
	});

	it('reads "le mando…" and two promises joined by "e", and "Promesso: invio entro mercoledì"', () => {
		const two = draft('Le mando il listino e le presento Giorgio la settimana prossima.');
		expect(middle(two.body)[1]).toBe('Come promesso, Le invio il listino. Inoltre La metto in contatto con Giorgio.');
		expect(two.notePromises.map((p) => p.due)).toEqual([{ kind: 'next-week' }, null]);
		const bare = draft('Le serve il catalogo. Promesso: invio entro mercoledì.', { promises: ['catalogo 2026'] });
		expect(middle(bare.body)[1]).toBe('Come promesso, Le invio il catalogo 2026.');
	});

	it('names things with il, lo, l’, la, i, gli, le', () => {
		expect(italianThing('deck DPP').text).toBe('il deck DPP');
		expect(italianThing('studio di fattibilità').text).toBe('lo studio di fattibilità');
		expect(italianThing('offerta per 3 sedi').text).toBe("l'offerta per 3 sedi");
		expect(italianThing('una demo').text).toBe('la demo');
		expect(italianThing('checklist').text).toBe('la checklist');
		expect(italianThing('campioni')).toEqual({ text: 'i campioni', plural: true });
		expect(italianThing('esempi di dashboard').text).toBe('gli esempi di dashboard');
		expect(italianThing('schede tecniche').text).toBe('le schede tecniche');
		expect(italianThing('listino + schede tecniche').text).toBe('il listino e le schede tecniche');
		expect(italianThing('il suo report').text).toBe('il Suo report');
		expect(toLei('la loro piattaforma e i loro clienti')).toBe('la Sua piattaforma e i Suoi clienti');
	});

	it('joins prepositions to articles: sul, della, allo, sull’, degli', () => {
		expect(prep('su', 'il Suo progetto')).toBe('sul Suo progetto');
		expect(prep('di', 'la tracciabilità')).toBe('della tracciabilità');
		expect(prep('a', 'lo stand')).toBe('allo stand');
		expect(prep('su', "l'offerta")).toBe("sull'offerta");
		expect(prep('di', 'gli esempi')).toBe('degli esempi');
		expect(prep('su', 'Kubernetes')).toBe('su Kubernetes');
	});

	it('turns typed to-dos into promises: "spedire campioni", "intro Ing. Galli"', () => {
		const result = draft('Parlato di packaging compostabile', {
			promises: ['spedire campioni', 'intro Ing. Galli'],
			language: 'it'
		});
		expect(result.subject).toBe('I campioni, come promesso');
		expect(middle(result.body)).toEqual([
			'La ringrazio per la piacevole conversazione sul packaging compostabile.',
			"Come promesso, Le invio i campioni. Inoltre La metto in contatto con l'Ing. Galli."
		]);
	});

	it('answers their question, made indirect: "la ns piattaforma è validata GCP?"', () => {
		const result = draft('Domanda: la ns piattaforma è validata GCP?', { promises: ['documentazione di validazione'] });
		expect(middle(result.body)[1]).toBe(
			'Come promesso, Le invio la documentazione di validazione. Mi aveva chiesto se la nostra piattaforma è validata GCP: verifico e Le faccio sapere al più presto.'
		);
		expect(itReading.indirect('la vostra app funziona offline', true)).toBe('se la nostra app funziona offline');
		expect(itReading.indirect('quanto costa la licenza annuale', true)).toBe('quanto costa la licenza annuale');
	});

	it('answers what they asked for: "vuole una trial", "ha chiesto un preventivo", "vorrebbe una call"', () => {
		const result = draft(
			'Vuole una trial gratuita per il suo team. Ha chiesto anche un preventivo per 200 utenti. Vorrebbe una call con il nostro CTO.'
		);
		expect(middle(result.body)[1]).toBe(
			"Le attivo volentieri l'accesso alla trial gratuita per il Suo team. Per quanto riguarda il preventivo per 200 utenti, me ne occupo volentieri. Le propongo volentieri una call con il nostro CTO."
		);
	});

	it('leaves private remarks out: "secondo me", "boh", "da verificare", "non scendere sotto"', () => {
		const result = draft(
			'Interessata ai nostri sughi bio. Boh. Esselunga? da verificare. Margini stretti, non scendere sotto 2,10€. Secondo me è una buyer junior.',
			{ promises: ['listino 400g'] }
		);
		expect(result.body).not.toMatch(/boh|Esselunga|verificare|margini|scendere|junior/i);
		expect(middle(result.body)[0]).toBe('La ringrazio per la piacevole conversazione sui nostri sughi bio.');
	});

	it('says where we met: from the note, or the event with its article', () => {
		expect(itReading.meetingPlace('Incontrato al Q&A del talk')).toBe('al Q&A del talk');
		expect(itReading.meetingPlace('Allo stand')).toBe('allo stand');
		expect(itReading.meetingPlace('Convegno SIF Napoli')).toBe('al Convegno SIF Napoli');
		expect(itReading.eventPlace('AWS Summit Milano')).toBe("all'AWS Summit Milano");
		expect(itReading.eventPlace('Milano Design Week')).toBe('alla Milano Design Week');
		expect(itReading.eventPlace('Smau')).toBe('allo Smau');
	});

	it('names the topic as a short phrase to them', () => {
		const phrase = (fragment: string) => itReading.topicPhrase(fragment)?.phrase;
		expect(phrase('vogliono passare da Dynatrace a OpenTelemetry per risparmiare')).toBe(
			'il Suo progetto di passare da Dynatrace a OpenTelemetry'
		);
		expect(phrase('usano firebase ma vogliono uscire xke costa troppo')).toBe('il Suo progetto di lasciare firebase');
		expect(phrase('difficoltà con la gestione dei turni')).toBe('la gestione dei turni');
		expect(phrase('cercano investitori seed')).toBe('la Sua ricerca di investitori seed');
		expect(phrase('packaging compostabile')).toBe('il packaging compostabile');
		expect(phrase('3 SRE in arrivo')).toBeUndefined();
	});

	it('reads due phrases anywhere in a to-do', () => {
		expect(itReading.due('inviare il preventivo entro lunedì')).toEqual({
			rest: 'inviare il preventivo',
			due: { kind: 'weekday', day: 1 }
		});
		expect(itReading.due('la demo la settimana prossima')).toEqual({ rest: 'la demo', due: { kind: 'next-week' } });
		expect(itReading.due('campioni domani').due).toEqual({ kind: 'days', days: 1 });
		expect(itReading.due('offerta entro fine mese').due).toEqual({ kind: 'end-of-month' });
	});

	it('greets a titled person formally and offers help with "anche" after a promise', () => {
		const titled = draftFollowUp({
			...base,
			theirName: 'Prof. Anna Galli',
			notes: ['Abbiamo parlato di studi clinici di fase II.'],
			myHelpWith: 'studi clinici'
		});
		expect(titled.body.split('\n')[0]).toBe('Gentile Prof. Galli,');
		expect(middle(titled.body)[1]).toBe(
			"Se Le posso essere d'aiuto in tema di studi clinici, non esiti a contattarmi."
		);
		const after = draft('Abbiamo parlato del digital product passport.', {
			promises: ['deck DPP'],
			helpOffer: 'posso condividere il template DPP'
		});
		expect(middle(after.body)[1]).toBe(
			'Come promesso, Le invio il deck DPP. Se Le può essere utile, posso anche condividere con Lei il template DPP.'
		);
	});
});
