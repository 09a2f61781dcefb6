import type { FollowUp, PromiseItem } from '$lib/domain/capture/records';

export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-11-20T10:00:00Z');

let n = 0;

/** An open follow-up met at `metAt`, due 48 hours later, with overrides. */
export function makeFollowUp(overrides: Partial<FollowUp> = {}, metAt = T0): FollowUp {
	const dueAt = metAt + 48 * HOUR;
	return {
		id: `f-${++n}`,
		personId: `p-${n}`,
		encounterId: `e-${n}`,
		eventId: null,
		kind: 'follow-up',
		dueAt,
		queueAt: dueAt,
		snoozedUntil: null,
		status: 'open',
		doneAt: null,
		channel: null,
		closedReason: '',
		message: null,
		createdAt: metAt,
		updatedAt: metAt,
		...overrides
	};
}

/** A promise made in a conversation. */
export function makePromise(overrides: Partial<PromiseItem> = {}): PromiseItem {
	return {
		id: `pr-${++n}`,
		personId: 'p',
		encounterId: 'e',
		followUpId: 'f',
		text: 'send the deck',
		status: 'open',
		dueAt: T0 + 48 * HOUR,
		settledAt: null,
		createdAt: T0,
		...overrides
	};
}
