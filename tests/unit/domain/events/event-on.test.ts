import { describe, expect, it } from 'vitest';
import { dayAfter, hasEnded, isEventOn } from '$lib/domain/events/event-on';

// Web Summit, 3–6 Nov: the eve is 2 Nov, the day after is 7 Nov.
const summit = { startDate: '2026-11-03', endDate: '2026-11-06' };
const at = (iso: string) => Date.parse(iso);

describe('an event is on from its eve to the day after its last day, in every time zone', () => {
	it('counts days across months, years and leap days', () => {
		expect(dayAfter('2026-11-30')).toBe('2026-12-01');
		expect(dayAfter('2026-12-31')).toBe('2027-01-01');
		expect(dayAfter('2028-02-28')).toBe('2028-02-29');
		expect(dayAfter('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('is on during its days, its eve and the day after, wherever the people are', () => {
		// 00:00 on the eve in Kiritimati (UTC+14) and in Lisbon.
		expect(isEventOn(summit, at('2026-11-02T00:00:00+14:00'))).toBe(true);
		expect(isEventOn(summit, at('2026-11-02T00:00:00Z'))).toBe(true);
		expect(isEventOn(summit, at('2026-11-04T10:00:00Z'))).toBe(true);
		// The last minute of the day after, in Tokyo, Lisbon, New York and Baker Island (UTC−12).
		for (const offset of ['+09:00', 'Z', '-05:00', '-12:00'])
			expect(isEventOn(summit, at(`2026-11-07T23:59:00${offset}`)), offset).toBe(true);
	});

	it('is over once the day after has ended everywhere, and a week later', () => {
		expect(hasEnded(summit, at('2026-11-08T00:00:00-12:00'))).toBe(true);
		expect(isEventOn(summit, at('2026-11-08T00:00:00-12:00'))).toBe(false);
		expect(hasEnded(summit, at('2026-11-13T10:00:00Z'))).toBe(true);
		expect(isEventOn(summit, at('2026-11-13T10:00:00Z'))).toBe(false);
	});

	it('has not begun before its eve begins anywhere', () => {
		expect(isEventOn(summit, at('2026-11-01T23:59:00+14:00'))).toBe(false);
		expect(isEventOn(summit, at('2026-10-30T10:00:00Z'))).toBe(false);
		expect(hasEnded(summit, at('2026-10-30T10:00:00Z'))).toBe(false);
	});
});
