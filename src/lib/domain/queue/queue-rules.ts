import type { FollowUp } from '../capture/records';

const HOUR = 3_600_000;

/** Opening the app reminds about items due within this many hours. */
export const REMIND_HOURS = 6;

/** Check-ins appear in the queue this long before their date. */
export const CHECK_IN_LEAD_MS = 24 * HOUR;

export type QueueState = 'overdue' | 'due' | 'snoozed';

/**
 * Where an open item stands: snoozed until later, overdue (its queue time has passed) or due
 * (coming up).
 */
export function queueState(followUp: FollowUp, now: number): QueueState {
	if (followUp.snoozedUntil !== null && followUp.snoozedUntil > now) return 'snoozed';
	return followUp.queueAt < now ? 'overdue' : 'due';
}

/**
 * Whether an item belongs in the queue now: every open follow-up (they are all due within 48
 * hours), and open check-ins from a day before their date.
 */
export function inQueue(followUp: FollowUp, now: number): boolean {
	if (followUp.status !== 'open') return false;
	return followUp.kind === 'follow-up' || followUp.queueAt <= now + CHECK_IN_LEAD_MS;
}

/** Counted on the navigation and the app icon: in the queue and not snoozed. */
export function needsAction(followUp: FollowUp, now: number): boolean {
	return inQueue(followUp, now) && queueState(followUp, now) !== 'snoozed';
}

/** Queue order: soonest first; ties by when they were created. */
export function compareQueue(a: FollowUp, b: FollowUp): number {
	return a.queueAt - b.queueAt || a.createdAt - b.createdAt;
}

/** Items needing action whose queue time is within `hours` (including overdue ones). */
export function dueWithin(items: readonly FollowUp[], now: number, hours: number): FollowUp[] {
	return items.filter((f) => needsAction(f, now) && f.queueAt <= now + hours * HOUR);
}
