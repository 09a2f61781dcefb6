import { describe, expect, it } from 'vitest';
import { guessNameFromEmail, guessNameFromLinkedIn } from '$lib/domain/contact/name-guess';

const profile = (slug: string) => `https://www.linkedin.com/in/${slug}/`;

describe('guessNameFromLinkedIn', () => {
	it.each([
		['daniel-okafor-cto', 'Daniel Okafor'],
		['daniel-okafor-ceo-cfo', 'Daniel Okafor'],
		['carla-mendes-7a1b2c', 'Carla Mendes'],
		['carla-mendes-3a4b5c12', 'Carla Mendes'],
		['priya-raman-123', 'Priya Raman'],
		['priya-raman-phd-md', 'Priya Raman'],
		['wei-chen-mba-2b91', 'Wei Chen'],
		['sam-lee-software-engineer', 'Sam Lee'],
		['grace-hopper-senior-product-manager', 'Grace Hopper'],
		['sam-lee-co-founder', 'Sam Lee'],
		['dr-ana-de-souza', 'Ana de Souza'],
		['jan-van-der-berg', 'Jan van der Berg'],
		['ludwig-von-mises', 'Ludwig von Mises'],
		['maria-de-la-cruz-vp', 'Maria de la Cruz'],
		['lucia-da-silva', 'Lucia da Silva'],
		['jean-pierre-dupont', 'Jean-Pierre Dupont'],
		['anne-smith', 'Anne Smith'],
		['siobhan-o%27brien', "Siobhan O'Brien"],
		['s%C3%B8ren-kierkegaard-nielsen', 'Søren Kierkegaard Nielsen'],
		['john-f-kennedy', 'John F. Kennedy'],
		['yo-yo-ma', 'Yo Yo Ma']
	])('%s → %s', (slug, name) => {
		expect(guessNameFromLinkedIn(profile(slug))).toBe(name);
	});

	it('guesses nothing from a slug that is only roles or an id, or from a page that is not a profile', () => {
		expect(guessNameFromLinkedIn(profile('cto-vp'))).toBe('');
		expect(guessNameFromLinkedIn(profile('1234567'))).toBe('');
		expect(guessNameFromLinkedIn('https://www.linkedin.com/company/lumen-labs/')).toBe('');
		expect(guessNameFromLinkedIn(profile('%E0%A4%A'))).toBe('');
	});

	it('keeps a particle that starts or ends the name capitalised', () => {
		expect(guessNameFromLinkedIn(profile('de-souza'))).toBe('De Souza');
		expect(guessNameFromLinkedIn(profile('maria-da'))).toBe('Maria Da');
	});
});

describe('guessNameFromEmail', () => {
	it.each([
		['ana.pereira@example.pt', 'Ana Pereira'],
		['wei_chen@orbit.example', 'Wei Chen'],
		['jean-pierre.dupont@example.fr', 'Jean-Pierre Dupont'],
		['jan.van.der.berg@example.nl', 'Jan van der Berg'],
		['ana.pereira+conference@example.pt', 'Ana Pereira'],
		['ana.pereira87@example.pt', 'Ana Pereira'],
		['j.smith@example.com', 'J. Smith']
	])('%s → %s', (email, name) => {
		expect(guessNameFromEmail(email)).toBe(name);
	});

	it.each([
		'info@lumenlabs.example',
		'sales@lumenlabs.example',
		'hello@lumenlabs.example',
		'contact@lumenlabs.example',
		'noreply@lumenlabs.example',
		'no-reply@lumenlabs.example',
		'sales.team@lumenlabs.example',
		'events.2026@lumenlabs.example',
		'ana@example.pt',
		'jsmith@example.com',
		'a.b@example.com',
		'x9y.z8@example.com'
	])('guesses no name from %s', (email) => {
		expect(guessNameFromEmail(email)).toBe('');
	});
});
