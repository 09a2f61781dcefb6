import { describe, expect, it } from 'vitest';
import { draftFollowUp } from '$lib/domain/drafts/draft';
import { isOthersPromise, promiseOnly } from '$lib/domain/drafts/others-promise';
import { todoWords } from '$lib/domain/drafts/pieces';
import { afterTalking, isConfidentTopic, nounAfterVerb, nounBefore } from '$lib/domain/drafts/topic-gate';

describe('a topic phrase the message can say "about"', () => {
	it('is refused while it still holds a clause of the note, their name or only a time word', () => {
		expect(isConfidentTopic('your cluster is tiny', 'en', 'Amara Nwosu')).toBe(false);
		expect(isConfidentTopic('swears', 'en', 'Hiroshi Sato')).toBe(false);
		expect(isConfidentTopic('sucht Mentor:innen für ihr Women', 'de', 'Rania Khoury')).toBe(false);
		expect(isConfidentTopic('comentó de pasada', 'es', 'Nerea Etxeberria')).toBe(false);
		expect(isConfidentTopic('Sofi Benítez y tu compañera Laura Gómez', 'es', 'Sofía Benítez')).toBe(false);
		expect(isConfidentTopic('hoje', 'pt', 'Camila Rocha')).toBe(false);
		expect(isConfidentTopic('remote und ca. 2h/Monat', 'de', 'Rania Khoury')).toBe(false);
	});

	it('is kept when it is a noun phrase, in every language', () => {
		expect(isConfidentTopic('your move from RabbitMQ to Kafka', 'en', 'Priya Raman')).toBe(true);
		expect(isConfidentTopic('Ihre Umstellung auf Kafka', 'de', 'Katrin Hoffmann')).toBe(true);
		expect(isConfidentTopic('la refonte de votre identité visuelle', 'fr', 'Lotte Peeters')).toBe(true);
		expect(isConfidentTopic('tu búsqueda de voluntarios para tutorías', 'es', 'Sofía Benítez')).toBe(true);
		expect(isConfidentTopic('o seu design system novo', 'pt', 'Camila Rocha')).toBe(true);
		expect(isConfidentTopic('la tracciabilità dei lotti', 'it', 'Giulia Bianchi')).toBe(true);
	});

	it('keeps what a lead-in of talking was about, not an idiom after it', () => {
		expect(afterTalking('Falamos bastante do nosso rastreio de tubos', 'pt')).toBe('nosso rastreio de tubos');
		expect(afterTalking('comentó de pasada', 'es')).toBe('comentó de pasada');
		expect(afterTalking('your cluster is tiny', 'en')).toBe('your cluster is tiny');
	});
});

describe("someone else's promise in a note", () => {
	it('is told from mine by who makes it', () => {
		expect(isOthersPromise('she ', 'en')).toBe(false);
		expect(isOthersPromise('she offered ', 'en')).toBe(true);
		expect(isOthersPromise('Sein CTO hat ihm angeboten ', 'de')).toBe(true);
		expect(isOthersPromise('Hab ihr ', 'de')).toBe(false);
		expect(isOthersPromise('elle m’a promis ', 'fr')).toBe(true);
		expect(isOthersPromise('me prometió ', 'es')).toBe(true);
		expect(isOthersPromise('ela me prometeu ', 'pt')).toBe(true);
		expect(isOthersPromise('mi ha promesso ', 'it')).toBe(true);
		expect(isOthersPromise('le ho promesso ', 'it')).toBe(false);
	});

	it('is not drafted as mine, while my own promise in the same note still is', () => {
		const d = draftFollowUp({
			myName: 'Thomas Reinhardt',
			theirName: 'Lukas Oberhuber',
			promises: [],
			notes: [
				'Sein CTO hat ihm angeboten das Team zu übernehmen. Hab versprochen ihm meine Leseliste zu schicken und ihn mit Sabine Krämer zu connecten.'
			]
		});
		expect(d.language).toBe('de');
		expect(d.body).not.toMatch(/Team zu übernehmen/);
		expect(d.body).toContain('unsere Leseliste');
		expect(d.body).not.toMatch(/Krämer zu vor/);
		expect(d.notePromises.map((p) => p.action.kind).sort()).toEqual(['intro', 'send']);
	});

	it('leaves an English one out of the draft and the to-dos', () => {
		const d = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Priya Raman',
			promises: [],
			notes: ['Kafka migration for their payments team. She offered to send me her benchmark slides.']
		});
		expect(d.notePromises).toEqual([]);
		expect(d.body).not.toMatch(/benchmark slides/);
	});
});

describe('two things asked for in one request', () => {
	it('are both answered', () => {
		const d = draftFollowUp({
			myName: 'María José Castillo',
			theirName: 'Andrés Vidal',
			promises: [],
			notes: [
				'Me pidió el estudio que hicimos en Valencia y una reunión con su gerente. Le dije que se lo mando antes del viernes.'
			]
		});
		expect(d.language).toBe('es');
		expect(d.body).toContain('el estudio');
		expect(d.body).toMatch(/organizo la reunión con tu gerente/);
	});
});

describe('a thing offered in French ("je lui ai proposé un essai")', () => {
	it('is a promise the draft keeps, written once', () => {
		const d = draftFollowUp({
			myName: 'Pauline Mercier',
			theirName: 'Lotte Peeters',
			promises: [],
			notes: ['Elle cherche un outil pour ses assets de marque. Je lui ai proposé un essai gratuit de 30 jours.']
		});
		expect(d.language).toBe('fr');
		expect(d.subject).toMatch(/essai gratuit/);
		expect(d.body.match(/essai gratuit/g)).toHaveLength(1);
		expect(d.notePromises).toHaveLength(1);
	});
});

describe('a clause of the note, as a topic', () => {
	const small = new Set(['the', 'and', 'to', 'und', 'of']);
	it('keeps the noun phrase it starts with, or the value of a "label = value"', () => {
		expect(nounBefore('handwritten amounts are the pain', 'en', small)).toBe('handwritten amounts');
		expect(nounBefore('Spritzgussmaschinen und wollen Predictive Maintenance', 'de', small)).toBe(
			'Spritzgussmaschinen'
		);
		expect(nounBefore('pain = failover and backups', 'en', small)).toBe('failover and backups');
		expect(nounBefore('used to be a nurse', 'en', small)).toBe('');
		expect(nounBefore('mentioned your wife works in procurement', 'en', small)).toBe('');
	});
});

describe('a promise typed as a to-do', () => {
	it('loses its check box and list marks', () => {
		expect(todoWords('[ ] envoyer brochure hôpitaux')).toBe('envoyer brochure hôpitaux');
		expect(todoWords('- deck')).toBe('deck');
		expect(todoWords('TODO: call Ana')).toBe('call Ana');
		expect(todoWords('[x] send NDA')).toBe('send NDA');
	});

	it('is drafted as the thing, never with its marks', () => {
		const d = draftFollowUp({
			myName: 'Camille Rousseau',
			theirName: 'Hélène Martin',
			notes: ['gestion des stocks médicaments, ruptures fréquentes'],
			promises: ['[ ] envoyer brochure hôpitaux']
		});
		expect(d.subject).toBe('La brochure hôpitaux, comme promis');
		expect(d.body).not.toMatch(/\[|\]/);
	});
});

describe('a note written with arrows as bullets', () => {
	it('drafts only the arrow lines that are my to-dos', () => {
		const d = draftFollowUp({
			myName: 'Jonas Weber',
			theirName: 'Friederike Lang',
			promises: [],
			notes: [
				'Friederike – Head of Ops @ Lieferkette GmbH\n→ nutzen Excel + Zapier für Tourenplanung, total chaotisch\n→ will Case Study vom Kunden in Graz\n→ ich schick ihr die Case Study bis Mi.'
			]
		});
		expect(d.language).toBe('de');
		expect(d.body).toContain('die Case Study');
		expect(d.body).not.toMatch(/anbei[^.]*(?:Excel|Zapier)/);
		expect(d.notePromises).toHaveLength(1);
	});

	it("never takes someone else's arrow line for mine", () => {
		const d = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Marcus Reid',
			promises: [],
			notes: ['carbon ledger angle\n→ send deck by Fri\n→ he might intro to Hana @ Pale Blue if traction ok']
		});
		expect(d.notePromises.map((p) => p.action.todo)).toEqual(['Send deck']);
		expect(d.body).not.toMatch(/Hana/);
	});
});

describe('a promise read from a note', () => {
	it("ends where someone else's clause or my condition starts", () => {
		expect(promiseOnly('le mando mi CV y él lo comenta con Herrera', 'es')).toBe('le mando mi CV');
		expect(promiseOnly('check with Tomás before I answer', 'en')).toBe('check with Tomás');
		expect(promiseOnly('send the deck and the quote', 'en')).toBe('send the deck and the quote');
	});

	it('that only points back ("schick ich ihm morgen", "quelli che usiamo noi") names the thing asked for or typed', () => {
		const de = draftFollowUp({
			myName: 'Lena Vogt',
			theirName: 'Marco Bernasconi',
			notes: ['suchen freelance illustr. für kampagne. hat nach portfolio gefragt. schick ich ihm morgen.'],
			promises: ['portfolio pdf']
		});
		expect(de.body).not.toMatch(/ich Ihnen und|das ich/);
		expect(de.body).toMatch(/portfolio pdf/i);
		const it = draftFollowUp({
			myName: 'Anna Ferri',
			theirName: 'Fatima Idrissi',
			notes: ['materiali informativi sul diabete in arabo, le ho promesso di mandarle quelli che usiamo noi a Genova'],
			promises: ['materiali diabete arabo']
		});
		expect(it.body).not.toMatch(/quelli che/);
		expect(it.body).toMatch(/materiali diabete arabo/);
	});
});

describe('where we met and what it was about', () => {
	it('reads a talk named as a noun for what it was about', () => {
		expect(afterTalking('Longue discussion hier soir après la session sur les mobilités résidentielles', 'fr')).toBe(
			'les mobilités résidentielles'
		);
		expect(isConfidentTopic('Longue discussion hier soir après la session', 'fr', 'Karim Benali')).toBe(false);
	});

	it('quotes their question without my note after an arrow', () => {
		const d = draftFollowUp({
			myName: 'Lucía Gómez',
			theirName: 'Sofía Herrera',
			promises: [],
			notes: ['app en react native. preguntó si nuestro SDK de analytics funciona offline → no sé, checar con Iván']
		});
		expect(d.body).toMatch(/funciona offline/);
		expect(d.body).not.toMatch(/→/);
	});
});

describe('small words that mislead', () => {
	it('reads no weekday inside a word ("ex-Monzo"), no question in "asked for", no recipient in the thing', () => {
		const d = draftFollowUp({
			myName: 'Priyanka Rao',
			theirName: 'Marcus Hale',
			notes: ['Marcus → angel, ex-Monzo\nasked for deck + last 3 months MRR\n→ send deck by Fri'],
			promises: ['deck + MRR numbers to Marcus']
		});
		expect(d.subject).toBe('The deck and MRR numbers, as promised');
		expect(d.body).not.toMatch(/\bex\b|whether for|to Marcus/);
	});

	it('knows "mi CV" and "CV a Rodrigo" for one thing', () => {
		const d = draftFollowUp({
			myName: 'Lucía Pérez',
			theirName: 'Rodrigo Sáez',
			notes: ['hace CRISPR en tomate. le mando mi CV y él lo comenta con Herrera.'],
			promises: ['CV a Rodrigo']
		});
		expect(d.subject).toBe('Mi CV, como te prometí');
	});
});

describe('English things and the questions they answer', () => {
	const note =
		'plant mgr at a packaging co. asked: do our sensors work w/ Siemens S7-1200 PLCs?? check w Raj. asked if we could share the audit template we used. needs a quote for approx. 24 sensors';
	const d = draftFollowUp({
		myName: 'Sam Okoro',
		theirName: 'Dana Fry',
		notes: [note],
		promises: ['quote 24 sensors + gateway', 'send audit template', 'answer S7-1200 q']
	});

	it('reads a count after a thing as what it is for, one thing', () => {
		expect(d.body).toContain('Here are the quote for 24 sensors and the audit template, as promised.');
	});

	it('leaves out a question the thing sent answers, and answers "answer S7-1200 q" in plain words', () => {
		expect(d.body).not.toMatch(/You asked whether we could share/);
		expect(d.body).toMatch(/You asked whether our sensors work with Siemens S7-1200 PLCs: I'll look into it/);
	});
});

describe('to-dos written the short way', () => {
	it('reads a short line that starts with my verb as a promise ("send blog link", "mandarle vídeo")', () => {
		const en = draftFollowUp({
			myName: 'A B',
			theirName: 'Chris Doe',
			promises: [],
			notes: ['k8s cost stuff. send blog link']
		});
		expect(en.subject).toBe('The blog link, as promised');
		const es = draftFollowUp({
			myName: 'A B',
			theirName: 'Iñaki Goñi',
			promises: [],
			notes: ['drones para riego, Navarra. mandarle vídeo']
		});
		expect(es.subject).toBe('El vídeo, como te prometí');
	});

	it('introduces the person after "ao" ("apresentar ela ao Gustavo")', () => {
		const d = draftFollowUp({
			myName: 'A B',
			theirName: 'Renata Souza',
			promises: [],
			notes: ['problema: observabilidade sem tracing. prometi apresentar ela ao Gustavo na semana que vem']
		});
		expect(d.body).toContain('vou apresentar você ao Gustavo');
	});

	it('reads "perguntou: rider técnico, cachê" as things asked for, and a to-do of unknown words as a thing', () => {
		const d = draftFollowUp({
			myName: 'A B',
			theirName: 'Nuno Reis',
			notes: ['programador de um festival. perguntou: rider técnico, cachê. disse q mandava tudo amanha'],
			promises: ['rider técnico', 'cachê + datas set.']
		});
		// One "e", before the last thing; "set." (setembro, cut short) is left out.
		expect(d.body).toContain('seguem o rider técnico, o cachê e as datas.');
		expect(d.body).not.toMatch(/perguntou se rider|vou rider/);
	});
});

describe('questions and things said twice', () => {
	it('turns a verb-first German question into an indirect one, and "fragt nach" into a request', () => {
		const d = draftFollowUp({
			myName: 'A B',
			theirName: 'Jana Novak',
			promises: ['Gebührenordnung schicken'],
			notes: ['KI-Befundung. Frage: Haben wir MDR Klasse IIb? Fragt nach Preis pro Stunde für externe.']
		});
		expect(d.body).toContain('ob wir MDR Klasse IIb haben');
		expect(d.body).not.toMatch(/ob haben|ob nach/);
	});

	it('does not quote "asked the question about …" nor "open q from her:"', () => {
		const d = draftFollowUp({
			myName: 'A B',
			theirName: 'Priya Raman',
			promises: [],
			notes: [
				'she asked the question about etcd restores. promised to send her our DR runbook.\nOpen q from her: does our Velero plugin support cross-region restore?'
			]
		});
		expect(d.body).not.toMatch(/whether the question|whether from/);
		expect(d.body).toContain('whether our Velero plugin supports cross-region restore');
	});

	it('sends a hyphenated thing once ("Migrations-Playbook" and "Playbook")', () => {
		const d = draftFollowUp({
			myName: 'A B',
			theirName: 'Jana Novak',
			promises: ['Playbook schicken'],
			notes: ['Umstieg auf Kafka. Ich schicke ihr das Migrations-Playbook.']
		});
		expect(d.body.match(/Playbook/g)).toHaveLength(1);
	});
});

describe('"Fragt, ob …"', () => {
	it('is their question, never an empty thing asked for', () => {
		const d = draftFollowUp({
			myName: 'Sabine Krüger',
			theirName: 'Emre Yıldız',
			promises: [],
			notes: [
				'wollen nach Azure. Fragt, ob unser Operator auch PgBouncer mitbringt. Hab ihm versprochen, bis Montag die Migrations-Checkliste zu schicken.'
			]
		});
		expect(d.body).toContain('ob unser Operator auch PgBouncer mitbringt');
		expect(d.body).not.toMatch(/„“/);
	});
});

describe('their name in a topic', () => {
	it('counts their names, not the particles between them', () => {
		expect(isConfidentTopic('Ihre Pläne, von Oracle auf Postgres zu migrieren', 'de', 'Matthias von Stetten')).toBe(
			true
		);
		expect(isConfidentTopic('Matthias und sein Team', 'de', 'Matthias von Stetten')).toBe(false);
	});
});

describe('a topic that is who they are, or a clause, is left out', () => {
	it('leaves out their role, a gerund, "a" + infinitive, a hanging clause and verbs before no noun', () => {
		expect(isConfidentTopic('Junior Dev bei nem Startup in Graz', 'de', 'Lukas Oberhuber')).toBe(false);
		expect(isConfidentTopic('programador de um festival em Braga', 'pt', 'Rui Costa')).toBe(false);
		expect(isConfidentTopic('montando una unidad de insuficiencia cardíaca', 'es', 'Ana Ruiz')).toBe(false);
		expect(isConfidentTopic('a migrar monólito Rails para serviços', 'pt', 'Rui Costa')).toBe(false);
		expect(isConfidentTopic('aunque se nota que tu hospital', 'es', 'Ana Ruiz')).toBe(false);
		expect(isConfidentTopic('kämpfen massiv mit der Doku-Last', 'de', 'Jana Roth')).toBe(false);
		expect(isConfidentTopic('owns 12 grocery stores round Leicester', 'en', 'Sam Patel')).toBe(false);
	});

	it('keeps noun phrases, in German an adjective before its noun', () => {
		expect(isConfidentTopic('neuen Lieferanten für Präzisionslager', 'de', 'Ursula von Bergen')).toBe(true);
		expect(isConfidentTopic('die Migration nach Azure', 'de', 'Emre Yıldız')).toBe(true);
		expect(isConfidentTopic('cold chain for vaccines', 'en', 'Sam Patel')).toBe(true);
		expect(isConfidentTopic('la telemonitorización de pacientes', 'es', 'Ana Ruiz')).toBe(true);
	});

	it('takes what a German clause that starts with its verb is about, from its first noun', () => {
		expect(nounAfterVerb('kämpfen massiv mit der Doku-Last', 'de')).toBe('Doku-Last');
		expect(nounAfterVerb('bauen gerade CSRD-Reporting für 40 Tochtergesellschaften', 'de')).toBe(
			'CSRD-Reporting für 40 Tochtergesellschaften'
		);
		expect(nounAfterVerb('neuen Lieferanten für Präzisionslager', 'de')).toBe('');
		expect(nounAfterVerb('kämpfen massiv mit der Doku-Last', 'en')).toBe('');
	});
});

describe('a topic that starts as a sentence of the note', () => {
	it('is refused when an English verb in -s opens it, capitalised or not', () => {
		expect(isConfidentTopic('Runs a small data team', 'en', 'Ken Ito')).toBe(false);
		expect(isConfidentTopic('owns 12 stores', 'en', 'Ken Ito')).toBe(false);
		expect(isConfidentTopic('Teams and onboarding', 'en', 'Ken Ito')).toBe(true);
	});
});
