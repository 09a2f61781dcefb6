import { describe, expect, it } from 'vitest';
import { formalAddress } from '$lib/domain/drafts/address';

describe('the form of address a note uses for the person', () => {
	it('reads German, French and Italian titles before their surname, as their name spells it', () => {
		expect(formalAddress(['Fr. von Bergen, Einkauf bei Kessler'], 'Ursula von Bergen', 'de')).toEqual({
			title: 'Frau',
			surname: 'von Bergen'
		});
		expect(formalAddress(['Gespräch mit Herrn Schäfer aus der IT'], 'Jonas Schäfer', 'de')).toEqual({
			title: 'Herr',
			surname: 'Schäfer'
		});
		expect(formalAddress(['frau dr. lang, Leitung Labor'], 'Friederike Lang', 'de')).toEqual({
			title: 'Frau Dr.',
			surname: 'Lang'
		});
		expect(formalAddress(['Mme Lan (Nguyễn Thị Lan), export manager'], 'Nguyễn Thị Lan', 'fr')).toEqual({
			title: 'Madame',
			surname: 'Lan'
		});
		expect(formalAddress(['Dott.ssa Santoro, dir. sanitaria ASL'], 'Roberta Santoro', 'it')).toEqual({
			title: 'Dott.ssa',
			surname: 'Santoro'
		});
		expect(formalAddress(['incontrato il Prof. De Luca al panel'], 'Alessandro De Luca', 'it')).toEqual({
			title: 'Prof.',
			surname: 'De Luca'
		});
	});

	it('reads an English doctor or professor, whom a message greets by title', () => {
		expect(formalAddress(['Met Dr. Adeyemi at the booth'], 'Nkechi Adeyemi', 'en')).toEqual({
			title: 'Dr.',
			surname: 'Adeyemi'
		});
	});

	it('is null when the title names someone else, or only their first name, or the language greets without one', () => {
		expect(formalAddress(['Kollege Hr. Aydın (QS) soll dabei sein'], 'Ursula von Bergen', 'de')).toBeNull();
		expect(formalAddress(['Frau Sabine kam an den Stand'], 'Sabine Krüger', 'de')).toBeNull();
		expect(formalAddress(['La Dra. Molina dirige el servicio'], 'Beatriz Molina', 'es')).toBeNull();
		expect(formalAddress(['no title here'], 'Roberta Santoro', 'it')).toBeNull();
	});
});
