const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** "12 Nov 2026" in the user's locale. */
export function formatDate(instant: number): string {
	return dateFormat.format(instant);
}

/** "12 Nov 2026, 14:05" in the user's locale. */
export function formatDateTime(instant: number): string {
	return dateTimeFormat.format(instant);
}

/** "14:05:30" in the user's locale. */
export function formatTime(instant: number): string {
	return timeFormat.format(instant);
}

/** A datetime-local input's value (local time, minutes) for an instant. */
export function localDateTimeInput(instant: number): string {
	const date = new Date(instant);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
