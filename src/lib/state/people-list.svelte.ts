import { personFilter, type PersonSummary } from '$lib/domain/people/search';
import { peopleStore } from './people';
import { LiveQuery } from './live-query.svelte';

/** How many people are drawn at first, and added by each "Show more". */
export const PEOPLE_PAGE = 50;

/**
 * The People list, kept current. Opening it reads only the first screenful (through the indexes),
 * so it opens at once with thousands of people; everyone is read after that screen is drawn, for
 * searching, the event filter and "Show more". Create it during component initialisation.
 */
export class PeopleList {
	query = $state('');
	eventId = $state<string | null>(null);
	limit = $state(PEOPLE_PAGE);

	readonly #first = new LiveQuery(() => peopleStore().firstPage(PEOPLE_PAGE));
	#wantEveryone = $state(false);
	readonly #everyone = new LiveQuery(
		(want: boolean) => (want ? peopleStore().summaries() : Promise.resolve(null)),
		() => this.#wantEveryone
	);

	/** Everyone who matches the search and the event filter; null until everyone has been read. */
	readonly matching = $derived.by((): PersonSummary[] | null => {
		const everyone = this.#everyone.current;
		if (everyone) return everyone.filter(personFilter(this.query, this.eventId));
		if (!this.query.trim() && !this.eventId && this.#first.current) return this.#first.current.rows;
		return null;
	});

	constructor() {
		// Read everyone once the first screen is on the page, not before it.
		$effect(() => {
			if (!this.#first.current || this.#wantEveryone) return;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const frame = requestAnimationFrame(() => (timer = setTimeout(() => (this.#wantEveryone = true))));
			return () => {
				cancelAnimationFrame(frame);
				clearTimeout(timer);
			};
		});
	}

	get error(): unknown {
		return this.#first.error ?? this.#everyone.error;
	}

	get loading(): boolean {
		return this.#first.loading;
	}

	/** How many people there are on this device. */
	get total(): number {
		return this.#everyone.current?.length ?? this.#first.current?.total ?? 0;
	}

	/** How many match; without a search or filter, everyone (known before everyone is read). */
	get count(): number | null {
		if (this.#everyone.current) return this.matching?.length ?? 0;
		return this.matching ? this.total : null;
	}

	/** The rows drawn: the first `limit` of those matching. */
	get shown(): PersonSummary[] {
		return (this.matching ?? []).slice(0, this.limit);
	}

	showMore(): void {
		this.limit += PEOPLE_PAGE;
	}
}
