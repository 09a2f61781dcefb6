import { TZDate } from '@date-fns/tz';
import { knownZone } from '../events/known-zone';

/**
 * Snooze times a person picks with one press. "Tomorrow at 9:00" pressed at 00:30 is not what
 * anyone means: before 04:00 the night still belongs to the day before, so 9:00 is this morning.
 */

/** Until this hour (local), "the morning" is the one about to come, not the next day's. */
const NIGHT_ENDS_AT = 4;
const MORNING_AT = 9;

/**
 * The next 9:00 in the morning in `timeZone` (the device's): this morning before 04:00, otherwise
 * tomorrow's. `thisMorning` says which, for the label. 9:00 on the wall clock, across a change of
 * summer time.
 */
export function morningSnooze(now: number, timeZone: string): { until: number; thisMorning: boolean } {
	const zone = knownZone(timeZone);
	const local = new TZDate(now, zone);
	const thisMorning = local.getHours() < NIGHT_ENDS_AT;
	const day = local.getDate() + (thisMorning ? 0 : 1);
	const until = new TZDate(local.getFullYear(), local.getMonth(), day, MORNING_AT, 0, zone).getTime();
	return { until, thisMorning };
}

/** A snooze that ends after the follow-up's deadline: it will count as late, so the person is told. */
export function pastDeadline(until: number, dueAt: number): boolean {
	return until > dueAt;
}
