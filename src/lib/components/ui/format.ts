const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Nov 2026" in the user's locale. */
export function formatDate(instant: number): string {
	return dateFormat.format(instant);
}

/** "12 Nov 2026, 14:05" in the user's locale. */
export function formatDateTime(instant: number): string {
	return dateTimeFormat.format(instant);
}
