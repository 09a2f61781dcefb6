import { describe, expect, it } from 'vitest';
import { eventEndsAt, followUpDueAt } from '$lib/domain/queue/due';

const HOUR = 3_600_000;

describe('followUpDueAt', () => {
	it('is exactly 48 hours after the meeting', () => {
		const metAt = new Date('2026-03-10T14:30:00Z');
		expect(followUpDueAt(metAt).getTime() - metAt.getTime()).toBe(48 * HOUR);
	});

	it('counts elapsed hours across a DST change (Europe/Berlin, 29 March 2026)', () => {
		const metAt = new Date('2026-03-28T10:00:00+01:00');
		const due = followUpDueAt(metAt);
		expect(due.toISOString()).toBe('2026-03-30T09:00:00.000Z');
		expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit' }).format(due)).toBe('11');
	});

	it('starts the clock at the event end when the event says so', () => {
		const endsAt = eventEndsAt('2026-06-12', 'America/New_York');
		const metAt = new Date('2026-06-11T15:00:00-04:00');
		expect(followUpDueAt(metAt, { endsAt, clockFromEnd: true }).toISOString()).toBe('2026-06-15T04:00:00.000Z');
		expect(followUpDueAt(metAt, { endsAt, clockFromEnd: false }).getTime()).toBe(metAt.getTime() + 48 * HOUR);
	});

	it('gives a meeting logged after the event ends its own 48 hours', () => {
		const endsAt = eventEndsAt('2026-06-12', 'UTC');
		const metAt = new Date('2026-06-14T09:00:00Z');
		expect(followUpDueAt(metAt, { endsAt, clockFromEnd: true }).toISOString()).toBe('2026-06-16T09:00:00.000Z');
	});
});

describe('eventEndsAt', () => {
	it('is midnight after the last day in the event time zone', () => {
		expect(eventEndsAt('2026-11-20', 'Asia/Tokyo').toISOString()).toBe('2026-11-20T15:00:00.000Z');
		expect(eventEndsAt('2026-11-20', 'UTC').toISOString()).toBe('2026-11-21T00:00:00.000Z');
	});

	it('lands on the real midnight on the night clocks go back', () => {
		// Europe/London leaves BST on 25 October 2026: that day has 25 hours.
		expect(eventEndsAt('2026-10-24', 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
		expect(eventEndsAt('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-26T00:00:00.000Z');
	});
});
