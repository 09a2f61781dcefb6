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

/**
 * Whether a person matches a search and an event filter: every word of the query must appear in
 * their name, company, title, email or one of their notes.
 */
export function matchesSearch(summary: PersonSummary, query: string, eventId: string | null): boolean {
	if (eventId && !summary.encounters.some((e) => e.eventId === eventId)) return false;
	const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
	if (!terms.length) return true;
	const { person, encounters } = summary;
	const haystack = foldForSearch(
		[person.name, person.org, person.title, person.email, ...encounters.flatMap((e) => [e.note, e.helpOffer])].join(
			'\n'
		)
	);
	return terms.every((term) => haystack.includes(term));
}

const nameOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Groups encounters under their people, most recently met first; people not met yet (imported
 * contacts) come after everyone met, by name, so an address book does not bury the event's people.
 */
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
		.sort((a, b) => {
			if (a.lastMetAt !== null && b.lastMetAt !== null) return b.lastMetAt - a.lastMetAt;
			if (a.lastMetAt !== null || b.lastMetAt !== null) return a.lastMetAt === null ? 1 : -1;
			return nameOrder.compare(a.person.name, b.person.name);
		});
}
