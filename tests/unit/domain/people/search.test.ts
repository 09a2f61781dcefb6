import { describe, expect, it } from 'vitest';
import type { Encounter, Person } from '$lib/domain/capture/records';
import { emptyFields } from '$lib/domain/contact/types';
import { matchesSearch, personFilter, summarisePeople } from '$lib/domain/people/search';

const T = Date.parse('2026-11-19T14:30:00Z');
const person = (id: string, name: string, createdAt = T): Person => ({
	...emptyFields(),
	id,
	name,
	matchKeys: [],
	createdAt,
	updatedAt: createdAt
});
const met = (personId: string, metAt: number): Encounter => ({
	id: `${personId}-${metAt}`,
	personId,
	eventId: 'ev1',
	metAt,
	note: 'Talked about batteries',
	helpOffer: '',
	raw: '',
	kind: 'typed',
	createdAt: metAt
});

describe('people not met yet (imported contacts)', () => {
	// Imported after the event: a newer createdAt than anyone's meeting.
	const later = T + 30 * 86_400_000;
	const people = [
		person('zoe', 'Zoë Adams', later),
		person('met-early', 'Early Met'),
		person('anna', 'anna Berg', later),
		person('met-late', 'Late Met')
	];
	const summaries = summarisePeople(people, [met('met-early', T), met('met-late', T + 3_600_000)]);

	it('come after everyone met, by name, without a last-met time', () => {
		expect(summaries.map((s) => s.person.id)).toEqual(['met-late', 'met-early', 'anna', 'zoe']);
		expect(summaries[2]).toEqual({ person: people[2], encounters: [], lastMetAt: null });
	});

	it('are found by name, and left out when filtering by event', () => {
		const anna = summaries[2]!;
		expect(matchesSearch(anna, 'berg', null)).toBe(true);
		expect(matchesSearch(anna, 'batteries', null)).toBe(false);
		expect(matchesSearch(anna, '', 'ev1')).toBe(false);
	});
});

describe('personFilter', () => {
	const everyone = summarisePeople(
		[person('a', 'Jörg Müller'), person('b', 'Søren Berg')],
		[met('a', T + 1), { ...met('b', T), eventId: 'ev2', note: 'Robot arms for the warehouse' }]
	);
	const found = (query: string, eventId: string | null = null) =>
		everyone.filter(personFilter(query, eventId)).map((s) => s.person.id);

	it('needs every word, folded, in the name, company, title, email or a note', () => {
		expect(found('muller batteries')).toEqual(['a']);
		expect(found('  SOREN  robot ')).toEqual(['b']);
		expect(found('muller robot')).toEqual([]);
		expect(found('', 'ev2')).toEqual(['b']);
		expect(found('')).toEqual(['a', 'b']);
	});
});
