import * as v from 'valibot';

/** An account's reminder settings, as the server keeps them (get_reminder_settings). */
export interface ReminderSettings {
	/** The email digest: one short email on a day with follow-ups due. */
	digest: boolean;
	/** When the digest (and the morning summary) goes, "HH:MM" in the person's own time zone. */
	digestTime: string;
	/** Quiet hours, "HH:MM" to "HH:MM" local: nothing arrives then (equal means none). */
	quietStart: string;
	quietEnd: string;
	timeZone: string;
	/** "3 follow-ups due" on the lock screen instead of names. */
	hideNames: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
	digest: false,
	digestTime: '08:00',
	quietStart: '21:00',
	quietEnd: '08:00',
	timeZone: 'UTC',
	hideNames: false
});

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
// Times are checked below (CLOCK): valibot's regex would join the valibot every screen loads.
const Clock = v.string();

const ServerSettings = v.object({
	digest: v.boolean(),
	digest_time: Clock,
	quiet_start: Clock,
	quiet_end: Clock,
	time_zone: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
	hide_names: v.boolean()
});

/**
 * Reads the server's answer (get/save_reminder_settings) into settings; null when it is not the
 * shape the app knows (then the form shows an error instead of guessing).
 */
export function readReminderSettings(json: unknown): ReminderSettings | null {
	const parsed = v.safeParse(ServerSettings, json);
	if (!parsed.success) return null;
	const s = parsed.output;
	if (![s.digest_time, s.quiet_start, s.quiet_end].every((time) => CLOCK.test(time))) return null;
	return {
		digest: s.digest,
		digestTime: s.digest_time,
		quietStart: s.quiet_start,
		quietEnd: s.quiet_end,
		timeZone: s.time_zone,
		hideNames: s.hide_names
	};
}

/** The server's keys for a change to some settings (save_reminder_settings changes only those). */
export function reminderSettingsPatch(change: Partial<ReminderSettings>): Record<string, string | boolean> {
	const keys: Record<keyof ReminderSettings, string> = {
		digest: 'digest',
		digestTime: 'digest_time',
		quietStart: 'quiet_start',
		quietEnd: 'quiet_end',
		timeZone: 'time_zone',
		hideNames: 'hide_names'
	};
	const patch: Record<string, string | boolean> = {};
	for (const [key, value] of Object.entries(change) as [keyof ReminderSettings, string | boolean][])
		if (value !== undefined) patch[keys[key]] = value;
	return patch;
}

/** Why a typed time cannot be saved, or null ("8:00" and "08:00" are both fine; the input gives "08:00"). */
export function clockProblem(value: string): string | null {
	return CLOCK.test(value) ? null : 'Enter a time such as 08:00.';
}
