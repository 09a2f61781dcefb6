import { describe, expect, it } from 'vitest';
import type { Encounter } from '$lib/domain/capture/records';
import { markDone, planCheckIn } from '$lib/domain/queue/actions';
import { carriedEncounters } from '$lib/domain/queue/conversations';
import { HOUR, T0, makeFollowUp } from '../../../support/follow-ups';

const talk = (id: string, metAt: number): Encounter => ({
	id,
	personId: 'marek',
	eventId: null,
	metAt,
	note: `Conversation ${id}`,
	helpOffer: '',
	raw: '',
	kind: 'typed',
	createdAt: metAt
});

describe('carriedEncounters', () => {
	const e1 = talk('e1', T0);
	const e2 = talk('e2', T0 + 5 * HOUR);
	const e3 = talk('e3', T0 + 100 * HOUR);
	const encounters = [e3, e2, e1];

	it('carries the conversations from its first one on, oldest first', () => {
		const f = makeFollowUp({ personId: 'marek', encounterId: 'e1' });
		expect(carriedEncounters(f, [f], encounters).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
	});

	it('stops where the next follow-up began (met again after this one was done)', () => {
		const done = markDone(makeFollowUp({ personId: 'marek', encounterId: 'e1' }), 'email', T0 + 10 * HOUR);
		const next = makeFollowUp({ personId: 'marek', encounterId: 'e3' }, e3.metAt);
		expect(carriedEncounters(done, [done, next], encounters).map((e) => e.id)).toEqual(['e1', 'e2']);
		expect(carriedEncounters(next, [done, next], encounters).map((e) => e.id)).toEqual(['e3']);
		// A check-in after the first follow-up carries what that follow-up did.
		const checkIn = planCheckIn('marek', 1, done, { now: T0 + 10 * HOUR, id: 'c1' });
		expect(carriedEncounters(checkIn, [done, next, checkIn], encounters).map((e) => e.id)).toEqual(['e1', 'e2']);
	});

	it('treats two open follow-ups for one person (two devices offline) as one', () => {
		const a = makeFollowUp({ personId: 'marek', encounterId: 'e1' });
		const b = makeFollowUp({ personId: 'marek', encounterId: 'e2' }, e2.metAt);
		expect(carriedEncounters(a, [a, b], encounters).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
	});

	it('carries nothing for someone met before the app', () => {
		const checkIn = planCheckIn('marek', 1, null, { now: T0, id: 'c1' });
		expect(carriedEncounters(checkIn, [checkIn], encounters)).toEqual([]);
	});
});
