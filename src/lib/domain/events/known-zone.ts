/**
 * `timeZone` if this runtime knows it, otherwise UTC: a zone from a backup, another device or a
 * newer tz database may be one this browser has never heard of.
 */
export function knownZone(timeZone: string): string {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return timeZone;
	} catch {
		return 'UTC';
	}
}
