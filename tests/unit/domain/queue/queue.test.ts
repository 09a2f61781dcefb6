import { describe, expect, it } from 'vitest';
import { planCheckIn, snooze } from '$lib/domain/queue/actions';
import { countdown, plannedDay, timing } from '$lib/domain/queue/countdown';
import {
	compareQueue,
	dueWithin,
	inQueue,
	needsAction,
	onePerPerson,
	queueState,
	reminderCounts,
	reminderText
} from '$lib/domain/queue/queue-rules';
import { HOUR, T0, makeFollowUp } from '../../../support/follow-ups';

describe('queue order and state', () => {
	it('orders by queue time, then creation', () => {
		const a = makeFollowUp({ queueAt: T0 + 5 * HOUR, createdAt: 2 });
		const b = makeFollowUp({ queueAt: T0 + 1 * HOUR });
		const c = makeFollowUp({ queueAt: T0 + 5 * HOUR, createdAt: 1 });
		expect([a, b, c].sort(compareQueue)).toEqual([b, c, a]);
	});

	it('is due, then overdue once the queue time passes', () => {
		const item = makeFollowUp();
		expect(queueState(item, T0 + 47 * HOUR)).toBe('due');
		expect(queueState(item, T0 + 49 * HOUR)).toBe('overdue');
		expect(countdown(item.dueAt, T0 + 43 * HOUR)).toEqual({ overdue: false, text: 'due in 5 h' });
		expect(countdown(item.dueAt, T0 + 51 * HOUR)).toEqual({ overdue: true, text: 'overdue by 3 h' });
		expect(countdown(item.dueAt, T0)).toEqual({ overdue: false, text: 'due in 48 h' });
	});

	it('shows a snoozed item as snoozed until its time, and does not count it meanwhile', () => {
		const item = snooze(makeFollowUp(), T0 + 72 * HOUR, T0 + 50 * HOUR);
		expect(item.dueAt).toBe(T0 + 48 * HOUR);
		expect(queueState(item, T0 + 60 * HOUR)).toBe('snoozed');
		expect(needsAction(item, T0 + 60 * HOUR)).toBe(false);
		expect(needsAction(item, T0 + 73 * HOUR)).toBe(true);
		expect(() => snooze(makeFollowUp(), T0, T0)).toThrow(RangeError);
	});

	it('lists check-ins only from a day before their date', () => {
		const checkIn = planCheckIn('p1', 3, null, { now: T0, id: 'c1' });
		expect(checkIn).toMatchObject({ kind: 'check-in', encounterId: null, status: 'open' });
		expect(new Date(checkIn.dueAt).toISOString()).toBe('2027-02-20T10:00:00.000Z');
		expect(inQueue(checkIn, T0 + 30 * 24 * HOUR)).toBe(false);
		expect(inQueue(checkIn, checkIn.dueAt - 12 * HOUR)).toBe(true);
	});

	it('finds what is due within 6 hours', () => {
		const soon = makeFollowUp({}, T0 - 43 * HOUR);
		const later = makeFollowUp({}, T0);
		const overdue = makeFollowUp({}, T0 - 50 * HOUR);
		expect(dueWithin([soon, later, overdue], T0, 6)).toEqual([soon, overdue]);
	});
});

describe('countdown wording', () => {
	it.each([
		[59.9 * 60_000, 'due in 1 h'],
		[20 * 60_000, 'due in 20 min'],
		[10_000, 'due in 1 min'],
		[71 * HOUR, 'due in 71 h'],
		[5 * 24 * HOUR, 'due in 5 days'],
		[-3 * HOUR, 'overdue by 3 h']
	])('%d ms → %s', (left, text) => {
		expect(countdown(T0 + left, T0).text).toBe(text);
	});
});

describe('a snooze only hides an item', () => {
	it('is overdue from the 48-hour deadline once a snooze ends, not from the end of the snooze', () => {
		// Snoozed for 3 hours soon after meeting: back in the queue, still due in 42 h.
		const early = snooze(makeFollowUp(), T0 + 6 * HOUR, T0 + 3 * HOUR);
		expect(queueState(early, T0 + 5 * HOUR)).toBe('snoozed');
		expect(queueState(early, T0 + 7 * HOUR)).toBe('due');
		expect(timing(early, T0 + 7 * HOUR)).toEqual({ overdue: false, text: 'due in 41 h' });
		expect(queueState(early, T0 + 49 * HOUR)).toBe('overdue');
		// Snoozed past the deadline: overdue by the time since the deadline once it shows again.
		const late = snooze(makeFollowUp(), T0 + 60 * HOUR, T0 + 40 * HOUR);
		expect(queueState(late, T0 + 59 * HOUR)).toBe('snoozed');
		expect(timing(late, T0 + 61 * HOUR)).toEqual({ overdue: true, text: 'overdue by 13 h' });
	});

	it('leaves snoozed items out of the reminder, and counts them again when the snooze ends', () => {
		const now = T0 + 50 * HOUR;
		const overdue = makeFollowUp();
		const hidden = snooze(makeFollowUp(), now + HOUR, now - HOUR);
		expect(reminderCounts([overdue, hidden], now, 6)).toEqual({ overdue: 1, dueSoon: 0 });
		expect(reminderCounts([overdue, hidden], now + 2 * HOUR, 6)).toEqual({ overdue: 2, dueSoon: 0 });
	});
});

describe('the reminder', () => {
	const now = T0 + 44 * HOUR;

	it('tells overdue items from those only coming due', () => {
		const overdue = [
			makeFollowUp({}, T0 - 10 * HOUR),
			makeFollowUp({}, T0 - 6 * HOUR),
			makeFollowUp({}, T0 - 5 * HOUR)
		];
		const soon = [makeFollowUp(), makeFollowUp({}, T0 + HOUR)];
		const later = makeFollowUp({}, T0 + 10 * HOUR);
		const done = { ...makeFollowUp({}, T0 - 10 * HOUR), status: 'done' as const };
		const counts = reminderCounts([...overdue, ...soon, later, done], now, 6);
		expect(counts).toEqual({ overdue: 3, dueSoon: 2 });
		expect(reminderText(counts)).toEqual(['3 follow-ups are overdue.', '2 more are due within 6 hours.']);
		expect(dueWithin([...overdue, ...soon, later, done], now, 6)).toEqual([...overdue, ...soon]);
	});

	it.each([
		[{ overdue: 1, dueSoon: 0 }, ['1 follow-up is overdue.']],
		[{ overdue: 2, dueSoon: 0 }, ['2 follow-ups are overdue.']],
		[{ overdue: 0, dueSoon: 1 }, ['1 follow-up is due within 6 hours.']],
		[{ overdue: 0, dueSoon: 2 }, ['2 follow-ups are due within 6 hours.']],
		[{ overdue: 1, dueSoon: 1 }, ['1 follow-up is overdue.', '1 more is due within 6 hours.']],
		[{ overdue: 0, dueSoon: 0 }, []]
	])('%o → %o', (counts, lines) => {
		expect(reminderText(counts)).toEqual(lines);
	});

	it('reminds about a check-in on its day, but never calls it overdue', () => {
		const checkIn = planCheckIn('p1', 1, null, { now: T0, id: 'c1' });
		const weekAfter = checkIn.dueAt + 7 * 24 * HOUR;
		expect(queueState(checkIn, weekAfter)).toBe('due');
		expect(reminderCounts([checkIn], checkIn.dueAt - 2 * HOUR, 6)).toEqual({ overdue: 0, dueSoon: 1 });
		expect(reminderCounts([checkIn], weekAfter, 6)).toEqual({ overdue: 0, dueSoon: 1 });
	});
});

describe('check-ins read as planned', () => {
	it('reads "planned for 6 Jan", never "overdue by N days"', () => {
		const now = Date.parse('2026-12-01T10:00:00Z');
		const checkIn = planCheckIn('p1', 1, null, { now, id: 'c1' });
		const twoMonthsOn = checkIn.dueAt + 62 * 24 * HOUR;
		expect(timing(checkIn, twoMonthsOn, 'en-GB')).toEqual({ overdue: false, text: 'planned for 1 Jan' });
		expect(timing(checkIn, now, 'en-GB').text).toBe('planned for 1 Jan 2027');
		expect(plannedDay(Date.parse('2027-01-06T12:00:00Z'), Date.parse('2027-01-07T12:00:00Z'), 'en-GB')).toBe('6 Jan');
		expect(plannedDay(Date.parse('2027-01-06T12:00:00Z'), Date.parse('2027-01-07T12:00:00Z'), 'en-US')).toBe('Jan 6');
		expect(plannedDay(Date.parse('2027-01-06T12:00:00Z'), Date.parse('2027-01-07T12:00:00Z'), 'de-DE')).toBe('6. Jan.');
	});
});

describe('one row per person', () => {
	it('keeps the first open follow-up of each person, and every check-in', () => {
		const a = makeFollowUp({ personId: 'lena' });
		const b = makeFollowUp({ personId: 'lena' });
		const c = makeFollowUp({ personId: 'marco' });
		const checkIn = planCheckIn('lena', 1, null, { now: T0, id: 'c1' });
		expect(onePerPerson([a, c, b, checkIn])).toEqual([a, c, checkIn]);
	});
});
