import { describe, expect, it } from 'vitest';
import { draftFollowUp } from '$lib/domain/drafts/draft';
import { a, de, frenchThing } from '$lib/domain/drafts/lexicon/fr-nouns';
import { frReading } from '$lib/domain/drafts/lexicon/fr-reading';

const base = { myName: 'Claire Vidal', promises: [] as string[] };

function draft(note: string, more: Partial<Parameters<typeof draftFollowUp>[0]> = {}) {
	return draftFollowUp({ ...base, theirName: 'Lucie Martin', notes: [note], ...more });
}

/** The message's own sentences: after the greeting, before the sign-off. */
function middle(body: string): string[] {
	return body.split('\n').slice(2, -3).filter(Boolean);
}

describe('French follow-up drafts', () => {
	it('sends what "je lui envoie" promised, in French, with "vous", and leaves the remark out', () => {
		const result = draft(
			'Rencontrée au stand Hall 3. Ils migrent leur CRM vers HubSpot. Je lui envoie notre guide de migration demain. Pas très chaud sur le prix, à voir.',
			{ eventName: 'Salon Big Data' }
		);
		expect(result.language).toBe('fr');
		expect(result.subject).toBe('Notre guide de migration, comme promis');
		expect(result.body).toBe(
			[
				'Bonjour Lucie,',
				'',
				"C'était un plaisir d'échanger avec vous au stand Hall 3 au sujet de la migration de votre CRM vers HubSpot.",
				'Comme promis, je vous transmets notre guide de migration.',
				'',
				'Bien cordialement,',
				'Claire Vidal'
			].join('\n')
		);
		expect(result.notePromises.map((p) => [p.action.todo, p.due])).toEqual([
			['Envoyer notre guide de migration', { kind: 'days', days: 1 }]
		]);
	});

	it('reads "je lui ai promis d\'envoyer… avant vendredi" and "promis : … + … d\'ici lundi"', () => {
		const first = draft("Je lui ai promis d'envoyer le livre blanc RGPD avant vendredi.");
		expect(first.notePromises.map((p) => [p.action.object, p.due])).toEqual([
			['le livre blanc RGPD', { kind: 'weekday', day: 5 }]
		]);
		const second = draft("→ promis accès sandbox + tarifs d'ici lundi");
		expect(second.subject).toBe("L'accès à la sandbox et les tarifs, comme promis");
		expect(middle(second.body)).toEqual([
			'Merci pour notre échange.',
			"Comme promis, je vous transmets l'accès à la sandbox et les tarifs."
		]);
	});

	it('names things with their article, gender and contraction', () => {
		expect(frenchThing('devis 3 mois').text).toBe('le devis 3 mois');
		expect(frenchThing('checklist CSRD').text).toBe('la checklist CSRD');
		expect(frenchThing('une démo').text).toBe('la démo');
		expect(frenchThing('accompagnement').text).toBe("l'accompagnement");
		expect(frenchThing('tarifs')).toEqual({ text: 'les tarifs', plural: true });
		expect(frenchThing('leur rapport annuel').text).toBe('votre rapport annuel');
		expect(frenchThing('ses slides').text).toBe('vos slides');
		expect(frenchThing('fiche technique + un cas client').text).toBe('la fiche technique et le cas client');
		expect([de('le devis'), de('les tarifs'), de('la démo'), de('un audit')]).toEqual([
			'du devis',
			'des tarifs',
			'de la démo',
			"d'un audit"
		]);
		expect([a('le configurateur'), a('les équipes'), a("l'API")]).toEqual([
			'au configurateur',
			'aux équipes',
			"à l'API"
		]);
	});

	it('turns typed to-dos into promises: "intro → Marc", "envoyer checklist CSRD"', () => {
		const result = draft('Levée de fonds en cours', { promises: ['intro → Marc', 'envoyer checklist CSRD'] });
		expect(result.subject).toBe('La checklist CSRD, comme promis');
		expect(middle(result.body)).toEqual([
			'Merci pour notre échange sur la levée de fonds en cours.',
			'Comme promis, je vous transmets la checklist CSRD. Je vous mets également en relation avec Marc.'
		]);
	});

	it('answers their question, made indirect: "on s\'intègre à Shopify ?"', () => {
		const result = draft('Question ouverte : on s’intègre à Shopify ?? (aucune idée)');
		expect(middle(result.body)).toEqual([
			'Merci pour notre échange.',
			'Pour répondre à votre question, je vérifie si nous pouvons nous intégrer à Shopify et je reviens vers vous rapidement. ' +
				"N'hésitez pas à me contacter si je peux vous être utile."
		]);
		expect(frReading.indirect("est-ce qu'ils utilisent SAP", true)).toBe('si vous utilisez SAP');
		expect(frReading.indirect('vos serveurs sont-ils en France', true)).toBe('si nos serveurs sont en France');
		expect(frReading.indirect('notre outil fait du SSO', true)).toBe('si notre outil gère le SSO');
	});

	it('asks someone for the answer: "demander à Karim compat HL7"', () => {
		const result = draft('Traçabilité des implants', { promises: ['demander à Karim compat HL7'] });
		expect(middle(result.body)[1]).toBe(
			'Comme promis, je me renseigne auprès de Karim sur la compatibilité HL7 et je vous tiens au courant.'
		);
	});

	it('answers what they asked for: "il veut un devis", "m\'a demandé une démo"', () => {
		const result = draft("Il veut un devis pour 40 licences. M'a demandé une démo pour son équipe.");
		expect(middle(result.body)).toEqual([
			'Merci pour notre échange.',
			"Concernant le devis pour 40 licences, je m'en occupe volontiers. Je vous propose volontiers une démo pour votre équipe."
		]);
	});

	it('leaves private remarks out: "bof", "je pense", "peut-être", "décisionnaire"', () => {
		const result = draft(
			'Bof, pas sûr. Petite boîte, budget serré je pense. Elle cherche peut-être un job. Pas décisionnaire. Parlé de la refonte de leur site e-commerce.'
		);
		expect(result.subject).toBe('Suite à notre échange sur la refonte de votre site e-commerce');
		expect(result.body).not.toMatch(/bof|budget|peut-être|décisionnaire|boîte/i);
	});

	it('says where we met: from the note, or the event with its article', () => {
		expect(frReading.meetingPlace('Rencontré au stand Station F')).toBe('au stand Station F');
		expect(frReading.meetingPlace('Croisée pendant la pause café')).toBe('pendant la pause café');
		expect(frReading.meetingPlace('Meetup Kubernetes Paris')).toBe('lors du Meetup Kubernetes Paris');
		expect(frReading.eventPlace('Paris Design Week')).toBe('lors de la Paris Design Week');
		expect(frReading.eventPlace('VivaTech 2026')).toBe('lors de VivaTech 2026');
		expect(frReading.eventPlace('AWS Summit Paris')).toBe("lors de l'AWS Summit Paris");
	});

	it('names the topic as a short phrase to them', () => {
		const phrase = (fragment: string) => frReading.topicPhrase(fragment)?.phrase;
		expect(phrase('Ils migrent leur SIRH vers Workday')).toBe('la migration de votre SIRH vers Workday');
		expect(phrase('Cherchent des bénévoles data pour leur tableau de bord')).toBe('votre recherche de bénévoles data');
		expect(phrase('grosse galère sur la reprise des données')).toBe('la reprise des données');
		expect(phrase('Soucis de coûts cloud')).toBe('les coûts cloud');
		expect(phrase('veulent internaliser leur support')).toBe("votre projet d'internaliser votre support");
		expect(phrase('~30 m3/an')).toBeUndefined();
	});

	it('reads due phrases anywhere in a to-do', () => {
		expect(frReading.due('envoyer le devis la semaine prochaine')).toEqual({
			rest: 'envoyer le devis',
			due: { kind: 'next-week' }
		});
		expect(frReading.due("tarifs d'ici lundi")).toEqual({ rest: 'tarifs', due: { kind: 'weekday', day: 1 } });
		expect(frReading.due('proposition sous 48h')).toEqual({ rest: 'proposition', due: { kind: 'days', days: 2 } });
		expect(frReading.due('le rapport avant la fin du mois').due).toEqual({ kind: 'end-of-month' });
	});

	it('offers help when nothing was promised, with "également" after a promise', () => {
		const offer = draft('Discuté de la double matérialité CSRD', { helpOffer: 'peux partager notre matrice' });
		expect(middle(offer.body)[1]).toBe('Si cela peut vous être utile, je vous envoie volontiers notre matrice.');
		const skill = draft('Croissance et levée de fonds', { myHelpWith: 'levée de fonds, growth' });
		expect(middle(skill.body)[1]).toBe(
			"Si je peux vous aider en matière de levée de fonds ou de growth, n'hésitez pas à me contacter."
		);
		const after = draft("On a parlé de leur funnel d'onboarding", {
			promises: ['intro → Marc'],
			helpOffer: 'intro investisseurs'
		});
		expect(middle(after.body)[1]).toBe(
			'Comme promis, je vous mets en relation avec Marc. Si cela peut vous être utile, je peux également vous présenter des investisseurs.'
		);
	});
});
