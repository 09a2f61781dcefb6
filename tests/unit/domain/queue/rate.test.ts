import { describe, expect, it } from 'vitest';
import { markDone, markNotAFit, planCheckIn, settlePromise, snooze } from '$lib/domain/queue/actions';
import { followUpStats } from '$lib/domain/queue/rate';
import type { FollowUp } from '$lib/domain/capture/records';
import { HOUR, T0, makeFollowUp, makePromise } from '../../../support/follow-ups';

const now = T0 + 100 * HOUR;
/** Each follow-up's conversation, met at T0 unless said otherwise. */
const met = (followUps: FollowUp[], at = T0) =>
	followUps.map((f) => ({ id: f.encounterId ?? '', personId: f.personId, metAt: at }));
const stats = (followUps: FollowUp[], encounters = met(followUps)) =>
	followUpStats({ followUps, promises: [], encounters, now });

describe('follow-up rate', () => {
	it('counts done within 48 h of the original deadline, even after a snooze', () => {
		const onTime = markDone(makeFollowUp(), 'email', T0 + 20 * HOUR);
		const snoozedThenLate = markDone(snooze(makeFollowUp(), T0 + 60 * HOUR, T0 + 40 * HOUR), 'sms', T0 + 61 * HOUR);
		const missed = makeFollowUp();
		const notAFit = markNotAFit(makeFollowUp(), 'Recruiter, not hiring', T0 + 2 * HOUR);
		const result = stats([onTime, snoozedThenLate, missed, notAFit]);
		expect(result).toMatchObject({ met: 4, counted: 3, onTime: 1, doneLate: 1, overdueNow: 1, notAFit: 1 });
		expect(result.rate).toBeCloseTo(1 / 3, 10);
		expect(result.medianMs).toBe((20 * HOUR + 61 * HOUR) / 2);
	});

	it('counts a snooze that ended before the deadline, then done after it, as late', () => {
		// Snoozed for 3 hours right after meeting: back in the queue long before the deadline.
		const snoozed = snooze(makeFollowUp(), T0 + 3 * HOUR, T0 + HOUR);
		const result = stats([markDone(snoozed, 'email', T0 + 50 * HOUR)]);
		expect(result).toMatchObject({ counted: 1, onTime: 0, doneLate: 1, rate: 0 });
		// …and overdue from the deadline while it was not done.
		expect(stats([snoozed])).toMatchObject({ counted: 1, overdueNow: 1 });
	});

	it('does not count follow-ups still inside their 48 hours, nor check-ins', () => {
		const pending = makeFollowUp({}, now - 10 * HOUR);
		const checkIn = { ...planCheckIn('p', 1, null, { now: T0, id: 'c' }), dueAt: T0 };
		const result = stats([pending, checkIn], met([pending]));
		expect(result).toMatchObject({ counted: 0, rate: null, medianMs: null, met: 1 });
	});

	it('counts people: one met twice is one person met, counted once by their worst follow-up', () => {
		const kofi = { personId: 'kofi' };
		const first = markDone(makeFollowUp(kofi), 'email', T0 + 10 * HOUR);
		const second = makeFollowUp(kofi, T0 + 30 * HOUR); // met again after the first was done; overdue now
		const ada = markDone(makeFollowUp({ personId: 'ada' }), 'email', T0 + 5 * HOUR);
		const encounters = [
			{ id: first.encounterId!, personId: 'kofi', metAt: T0 },
			{ id: second.encounterId!, personId: 'kofi', metAt: T0 + 30 * HOUR },
			{ id: 'e-kofi-3', personId: 'kofi', metAt: T0 + 31 * HOUR },
			{ id: ada.encounterId!, personId: 'ada', metAt: T0 }
		];
		const result = stats([first, second, ada], encounters);
		expect(result).toMatchObject({ met: 2, counted: 2, onTime: 1, overdueNow: 1, doneLate: 0, rate: 0.5 });
		// The median is a time: it is taken over every follow-up done.
		expect(result.medianMs).toBe((10 * HOUR + 5 * HOUR) / 2);
	});

	it('counts two open follow-ups for one person (two devices offline) once', () => {
		const a = makeFollowUp({ personId: 'lena' });
		const b = makeFollowUp({ personId: 'lena' }, T0 + HOUR);
		expect(stats([a, b])).toMatchObject({ met: 1, counted: 1, overdueNow: 1 });
	});

	it('counts someone as not a fit only when nothing else was to follow up', () => {
		const closed = markNotAFit(makeFollowUp({ personId: 'marco' }), '', T0 + HOUR);
		const again = markDone(makeFollowUp({ personId: 'marco' }, T0 + 10 * HOUR), 'sms', T0 + 11 * HOUR);
		expect(stats([closed, again])).toMatchObject({ met: 1, counted: 1, onTime: 1, notAFit: 0 });
		expect(stats([closed])).toMatchObject({ met: 1, counted: 0, notAFit: 1 });
	});

	it('takes a meeting time from another event when the follow-up began there', () => {
		const f = markDone(makeFollowUp(), 'email', T0 + 6 * HOUR);
		const result = followUpStats({
			followUps: [f],
			promises: [],
			encounters: [],
			meetings: [{ id: f.encounterId!, metAt: T0 + 2 * HOUR }],
			now
		});
		expect(result).toMatchObject({ met: 0, medianMs: 4 * HOUR });
	});

	it('counts promises open and kept', () => {
		const promises = [
			makePromise(),
			settlePromise(makePromise(), 'kept', T0),
			settlePromise(makePromise(), 'dropped', T0)
		];
		expect(followUpStats({ followUps: [], promises, encounters: [], now })).toMatchObject({
			promisesOpen: 1,
			promisesKept: 1
		});
		expect(settlePromise(promises[1]!, 'open', T0).settledAt).toBeNull();
	});
});
