import { describe, expect, it } from 'vitest';
import { morningSnooze, pastDeadline } from '$lib/domain/queue/snooze-times';

const HOUR = 3_600_000;
// Instants written as UTC; each case says the local time it is in its zone.
const at = (iso: string) => Date.parse(iso);

describe('"9:00 in the morning" as a snooze', () => {
	it('pressed after midnight means this morning, not 32.5 hours away', () => {
		// 00:30 on Tuesday 20 October in New York.
		const now = at('2026-10-20T04:30:00Z');
		const snooze = morningSnooze(now, 'America/New_York');
		expect(snooze).toEqual({ until: at('2026-10-20T13:00:00Z'), thisMorning: true });
		expect(snooze.until - now).toBe(8.5 * HOUR);
	});

	it('means this morning until 04:00, and tomorrow from then on', () => {
		expect(morningSnooze(at('2026-10-20T07:59:00Z'), 'America/New_York')).toMatchObject({ thisMorning: true });
		expect(morningSnooze(at('2026-10-20T08:00:00Z'), 'America/New_York')).toEqual({
			until: at('2026-10-21T13:00:00Z'),
			thisMorning: false
		});
		// 23:00 on Tuesday in Berlin: Wednesday 9:00, ten hours on.
		expect(morningSnooze(at('2026-10-20T21:00:00Z'), 'Europe/Berlin')).toEqual({
			until: at('2026-10-21T07:00:00Z'),
			thisMorning: false
		});
	});

	it('is 9:00 on the wall clock across a change of summer time', () => {
		// Saturday 24 October 2026, 20:00 in Berlin; summer time ends that night.
		const { until } = morningSnooze(at('2026-10-24T18:00:00Z'), 'Europe/Berlin');
		expect(until).toBe(at('2026-10-25T08:00:00Z'));
	});

	it('uses the zone it is given, not the machine’s', () => {
		const now = at('2026-10-20T04:30:00Z');
		expect(morningSnooze(now, 'Asia/Tokyo')).toEqual({ until: at('2026-10-21T00:00:00Z'), thisMorning: false });
	});

	it('a zone this runtime does not know counts as UTC', () => {
		expect(morningSnooze(at('2026-10-20T02:00:00Z'), 'Mars/Olympus_Mons')).toEqual({
			until: at('2026-10-20T09:00:00Z'),
			thisMorning: true
		});
	});
});

describe('a snooze past the deadline', () => {
	it('is one that ends after the deadline', () => {
		const deadline = at('2026-10-21T12:00:00Z');
		expect(pastDeadline(deadline, deadline)).toBe(false);
		expect(pastDeadline(deadline + 1, deadline)).toBe(true);
		expect(pastDeadline(deadline - HOUR, deadline)).toBe(false);
	});
});
