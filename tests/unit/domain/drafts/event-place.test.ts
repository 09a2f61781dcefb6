import { describe, expect, it } from 'vitest';
import { draftFollowUp } from '$lib/domain/drafts/draft';

describe('the event as the place we met', () => {
	it('says "du" before a French trade show named by its acronym', () => {
		const d = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Paul Girard',
			eventName: 'SIMA 2026',
			promises: ['envoyer la brochure'],
			notes: ['Éleveur, intéressé par nos capteurs.']
		});
		expect(d.body).toContain('lors du SIMA 2026');
	});

	it('says "na" before a Portuguese trade fair named by a brand, "no" before an acronym or a summit', () => {
		const fair = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Paula Reis',
			eventName: 'Agrotec 2026',
			promises: ['enviar o catálogo'],
			notes: ['Produtora de café, quer sensores de umidade.']
		});
		expect(fair.body).toContain('na Agrotec 2026');
		const summit = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Paula Reis',
			eventName: 'Rio Data Summit',
			promises: ['enviar o catálogo'],
			notes: ['Produtora de café, quer sensores de umidade.']
		});
		expect(summit.body).toContain('no Rio Data Summit');
	});
});
