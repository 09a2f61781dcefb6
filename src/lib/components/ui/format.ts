// Dates and times in the browser's own language (navigator.languages): "Jan 6, 2:30 PM" in
// American English, "6. Jan., 14:30" in German. The year is said only when it is not this year.
//
// Each formatter is made on first use: making one loads the locale's data, which took about 20 ms
// of a cold start for the three (80 ms at Lighthouse's 4x CPU), on screens that often show no date.
const formats = new Map<string, Intl.DateTimeFormat>();

function locales(): string[] {
	if (typeof navigator === 'undefined') return [];
	return navigator.languages?.length ? [...navigator.languages] : navigator.language ? [navigator.language] : [];
}

function formatter(kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const languages = locales();
	// Keyed by the languages too: the person may change them while the app is open.
	const key = `${languages.join()} ${kind}`;
	let format = formats.get(key);
	if (!format) {
		try {
			format = new Intl.DateTimeFormat(languages.length ? languages : undefined, options);
		} catch {
			// A language tag Intl refuses: the browser's default locale.
			format = new Intl.DateTimeFormat(undefined, options);
		}
		formats.set(key, format);
	}
	return format;
}

const thisYear = (instant: number) => new Date(instant).getFullYear() === new Date().getFullYear();

/** "Nov 12" (this year) or "Nov 12, 2025" in the user's locale. */
export function formatDate(instant: number): string {
	return thisYear(instant)
		? formatter('date', { month: 'short', day: 'numeric' }).format(instant)
		: formatter('date-year', { year: 'numeric', month: 'short', day: 'numeric' }).format(instant);
}

/** "Nov 12, 2:05 PM" (this year) or "Nov 12, 2025, 2:05 PM" in the user's locale. */
export function formatDateTime(instant: number): string {
	const time = { hour: 'numeric', minute: '2-digit' } as const;
	return thisYear(instant)
		? formatter('date-time', { month: 'short', day: 'numeric', ...time }).format(instant)
		: formatter('date-time-year', { year: 'numeric', month: 'short', day: 'numeric', ...time }).format(instant);
}

/** "Tue 9:00 AM" (or "Di. 09:00") in the user's locale: a time this week, named by its weekday. */
export function formatWeekdayClock(instant: number): string {
	return formatter('weekday-clock', { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(instant);
}

/** "2:05:30 PM" in the user's locale. */
export function formatTime(instant: number): string {
	return formatter('time', { timeStyle: 'medium' }).format(instant);
}

/** A calendar day (YYYY-MM-DD), or two as a range, as the user's locale writes them: "Nov 18 – 20, 2026". */
export function formatDays(first: string, last = first): string {
	// Noon UTC, read in UTC: the day stays the day written, in every time zone.
	const [a, b] = [first, last].map((day) => Date.parse(`${day}T12:00:00Z`));
	if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) {
		return first === last ? first : `${first} – ${last}`;
	}
	const format = formatter('days', { dateStyle: 'medium', timeZone: 'UTC' });
	return a === b ? format.format(a) : format.formatRange(Math.min(a, b), Math.max(a, b));
}

/** "2:05 PM" (or "14:05") in the user's locale. */
export function formatClock(instant: number): string {
	return formatter('clock', { timeStyle: 'short' }).format(instant);
}

/** A datetime-local input's value (local time, minutes) for an instant. */
export function localDateTimeInput(instant: number): string {
	const date = new Date(instant);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
