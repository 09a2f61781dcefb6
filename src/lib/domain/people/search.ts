import type { Encounter, FollowUp, NetworkingEvent, Person, PromiseItem } from '../capture/records';

/** A person as the People list shows and searches them. */
export interface PersonSummary {
	person: Person;
	encounters: Encounter[];
	/** When they were last met; null for someone not met yet (imported from the phone's contacts). */
	lastMetAt: number | null;
}

/** A person's page: their timeline of encounters, follow-ups and promises. */
export interface PersonDetail {
	person: Person;
	encounters: (Encounter & { event: NetworkingEvent | null })[];
	followUps: FollowUp[];
	promises: PromiseItem[];
}

/** Lower case without accents, so "muller" finds "Müller" and "soren" finds "Søren". */
export function foldForSearch(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/ß/g, 'ss').toLowerCase();
}

/** The first people of the list, as the screen opens, and how many people there are in all. */
export interface PeoplePage {
	rows: PersonSummary[];
	total: number;
}

// Folded once per person (a list re-read makes new summaries), not once per keystroke.
const searchTexts = new WeakMap<PersonSummary, string>();

/** Everything a search looks in, folded: name, company, title, email and every note. */
function searchText(summary: PersonSummary): string {
	let text = searchTexts.get(summary);
	if (text === undefined) {
		const { person, encounters } = summary;
		text = foldForSearch(
			[person.name, person.org, person.title, person.email, ...encounters.flatMap((e) => [e.note, e.helpOffer])].join(
				'\n'
			)
		);
		searchTexts.set(summary, text);
	}
	return text;
}

/**
 * A test for a search and an event filter: every word of the query must appear in a person's
 * name, company, title, email or one of their notes. Folds the query once, for the whole list.
 */
export function personFilter(query: string, eventId: string | null): (summary: PersonSummary) => boolean {
	const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
	return (summary) => {
		if (eventId && !summary.encounters.some((e) => e.eventId === eventId)) return false;
		if (!terms.length) return true;
		const text = searchText(summary);
		return terms.every((term) => text.includes(term));
	};
}

/** Whether one person matches a search and an event filter (see personFilter). */
export function matchesSearch(summary: PersonSummary, query: string, eventId: string | null): boolean {
	return personFilter(query, eventId)(summary);
}

// Made on first use: making a collator loads the locale's data (about 7 ms of a cold start, 30 ms at
// Lighthouse's 4x CPU), and the screens importing this module may have no one to sort.
let nameOrder: Intl.Collator | undefined;
const compareNames = (a: string, b: string) =>
	(nameOrder ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);

/**
 * The list's order: most recently met first; people not met yet (imported contacts) after everyone
 * met, by name, so an address book does not bury the event's people. Ties go by name, then id, so
 * a first page read through the indexes agrees with the whole list.
 */
export function comparePeople(a: PersonSummary, b: PersonSummary): number {
	if (a.lastMetAt !== b.lastMetAt) {
		if (a.lastMetAt === null) return 1;
		if (b.lastMetAt === null) return -1;
		return b.lastMetAt - a.lastMetAt;
	}
	return (
		compareNames(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0)
	);
}

/** Groups encounters under their people (each person's most recent first), in the list's order. */
export function summarisePeople(people: readonly Person[], encounters: readonly Encounter[]): PersonSummary[] {
	const byPerson = new Map<string, Encounter[]>();
	for (const encounter of encounters) {
		const list = byPerson.get(encounter.personId) ?? [];
		list.push(encounter);
		byPerson.set(encounter.personId, list);
	}
	return people
		.map((person) => {
			const own = (byPerson.get(person.id) ?? []).sort((a, b) => b.metAt - a.metAt);
			return { person, encounters: own, lastMetAt: own[0]?.metAt ?? null };
		})
		.sort(comparePeople);
}
