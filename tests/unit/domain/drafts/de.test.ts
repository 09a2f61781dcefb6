import { describe, expect, it } from 'vitest';
import { genusOf, germanThing } from '$lib/domain/drafts/lexicon/de-nouns';

describe('German articles follow the noun a promise names', () => {
	it('reads the gender of a compound from its last noun', () => {
		expect(genusOf('Migrationsdeck')).toBe('n');
		expect(genusOf('Preisliste')).toBe('f');
		expect(genusOf('Kostenvoranschlag')).toBe('m');
	});

	it('takes the noun before figures and units, not the figure ("Angebot 8.000 Stk. 6200er")', () => {
		expect(germanThing('Angebot 8.000 Stk. 6200er', 'nom').text).toBe('das Angebot 8.000 Stk. 6200er');
		expect(germanThing('Angebot 8.000 Stk. 6200er', 'acc').text).toBe('das Angebot 8.000 Stk. 6200er');
		expect(germanThing('Preisliste 2027', 'acc').text).toBe('die Preisliste 2027');
		expect(germanThing('Vertrag 12 Monate', 'dat').text).toBe('dem Vertrag 12 Monate');
	});

	it('keeps what it did for nouns without figures', () => {
		expect(germanThing('Angebot für 50 Lieferanten-Audits').text).toBe('das Angebot für 50 Lieferanten-Audits');
		expect(germanThing('unsere Vorlage').text).toBe('unsere Vorlage');
		expect(germanThing('Angebot Pilot').text).toBe('das Angebot Pilot');
	});
});
