import type { FollowUp } from '../capture/records';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / MINUTE));
	if (minutes < 60) return `${minutes} min`;
	// Hours up to three days: a 48-hour deadline reads "due in 48 h", not "due in 2 days".
	const hours = Math.round(ms / HOUR);
	if (hours < 72) return `${hours} h`;
	return `${Math.round(ms / DAY)} days`;
}

/** "due in 5 h" / "overdue by 3 h": how a follow-up's deadline reads at a given moment. */
export function countdown(dueAt: number, now: number): { overdue: boolean; text: string } {
	const left = dueAt - now;
	return left >= 0
		? { overdue: false, text: `due in ${span(left)}` }
		: { overdue: true, text: `overdue by ${span(-left)}` };
}

// Made on first use, like the app's other formatters: making one loads the locale's data.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "6 Jan" (or "6 Jan 2028" outside the current year) in the user's locale, or in `locale`. */
export function plannedDay(at: number, now: number, locale?: string): string {
	const withYear = new Date(at).getFullYear() !== new Date(now).getFullYear();
	const key = `${locale ?? ''}|${withYear}`;
	let format = dayFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(withYear && { year: 'numeric' }) });
		dayFormats.set(key, format);
	}
	return format.format(at);
}

/**
 * How an open item's time reads: a follow-up counts down to its 48-hour deadline ("due in 5 h",
 * "overdue by 3 h" — from the deadline, whatever a snooze did to its place in the queue); a
 * check-in is planned for a day ("planned for 6 Jan") and is never overdue.
 */
export function timing(followUp: FollowUp, now: number, locale?: string): { overdue: boolean; text: string } {
	if (followUp.kind === 'check-in')
		return { overdue: false, text: `planned for ${plannedDay(followUp.dueAt, now, locale)}` };
	return countdown(followUp.dueAt, now);
}
