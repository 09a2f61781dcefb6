import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatDays } from '$lib/components/ui/format';

// 6 January 2027, 14:30 in the test's own time zone (the formatters use the device's).
const NOW = new Date(2027, 0, 20, 9, 0).getTime();
const JAN_6 = new Date(2027, 0, 6, 14, 30).getTime();
const LAST_YEAR = new Date(2026, 10, 12, 9, 5).getTime();

function speak(...languages: string[]) {
	vi.stubGlobal('navigator', { language: languages[0], languages });
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

// Intl puts thin and no-break spaces in some formats ("2:30 PM"); compared as plain spaces.
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('dates and times in the browser’s language', () => {
	it('writes a date and time as each language does, without the year when it is this year', () => {
		vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
		speak('en-US', 'en');
		expect(plain(formatDateTime(JAN_6))).toBe('Jan 6, 2:30 PM');
		expect(plain(formatDate(JAN_6))).toBe('Jan 6');
		speak('de-DE', 'de', 'en');
		expect(formatDateTime(JAN_6)).toBe('6. Jan., 14:30');
		expect(formatDate(JAN_6)).toBe('6. Jan.');
		speak('en-GB');
		expect(formatDateTime(JAN_6)).toBe('6 Jan, 14:30');
	});

	it('says the year of another year', () => {
		vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
		speak('en-US');
		expect(plain(formatDateTime(LAST_YEAR))).toBe('Nov 12, 2026, 9:05 AM');
		speak('de-DE');
		expect(formatDate(LAST_YEAR)).toBe('12. Nov. 2026');
	});

	it('falls back to the default locale for a language tag Intl refuses', () => {
		speak('not a language!');
		expect(formatDate(JAN_6)).toMatch(/6/);
	});
});

describe('formatDays', () => {
	it('writes an event’s days as a range, the same day in every time zone', () => {
		speak('en-US');
		expect(plain(formatDays('2026-11-18', '2026-11-20'))).toBe('Nov 18 – 20, 2026');
		expect(formatDays('2026-11-18')).toBe('Nov 18, 2026');
		speak('de-DE');
		expect(formatDays('2026-11-18', '2026-11-20')).toBe('18.–20.11.2026');
	});

	it('shows text that is not a day as it is', () => {
		expect(formatDays('someday', 'later')).toBe('someday – later');
	});
});
