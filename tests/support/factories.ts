import { blankCard, type MyCard } from '$lib/domain/card/my-card';
import { draftFromScan, type CaptureDraft } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';

/** A typical filled-in card. */
export function makeCard(overrides: Partial<MyCard> = {}): MyCard {
	return {
		...blankCard(),
		name: 'Ada Lovelace',
		title: 'Head of Analytical Engines',
		company: 'Difference Ltd',
		email: 'ada@difference.example',
		phone: '+442079460000',
		link: 'https://www.linkedin.com/in/ada-lovelace',
		helpWith: 'intros to compiler people, reviewing pitch decks',
		...overrides
	};
}

let counter = 0;

/** Sequential ids that read well in failures. */
export function sequentialIds(prefix = 'id'): () => string {
	return () => `${prefix}-${++counter}`;
}

/** A capture draft from a payload, with a note. */
export function makeDraft(payload: string, overrides: Partial<CaptureDraft> = {}): CaptureDraft {
	const draft = draftFromScan(parseBadgePayload(payload), {
		id: `enc-${++counter}`,
		now: Date.parse('2026-11-20T10:00:00Z'),
		eventId: null
	});
	return { ...draft, note: 'Talked about grid storage', ...overrides };
}
