import type { FollowUp } from '../capture/records';

const HOUR = 3_600_000;

/** Opening the app reminds about items due within this many hours. */
export const REMIND_HOURS = 6;

/** Check-ins appear in the queue this long before their date. */
export const CHECK_IN_LEAD_MS = 24 * HOUR;

export type QueueState = 'overdue' | 'due' | 'snoozed';

/**
 * Where an open item stands: snoozed until later, overdue, or due (coming up). A snooze only
 * hides an item: once it ends, a follow-up is overdue from its 48-hour deadline, not from the
 * snooze's end. A check-in has no deadline (it is planned for a day), so it is never overdue.
 */
export function queueState(followUp: FollowUp, now: number): QueueState {
	if (followUp.snoozedUntil !== null && followUp.snoozedUntil > now) return 'snoozed';
	return followUp.kind === 'follow-up' && followUp.dueAt < now ? 'overdue' : 'due';
}

/**
 * When an item comes due for a reminder: a follow-up at its deadline; a check-in at its place in
 * the queue (its planned day, or the end of a snooze).
 */
export function comesDueAt(followUp: FollowUp): number {
	return followUp.kind === 'follow-up' ? followUp.dueAt : followUp.queueAt;
}

/**
 * Whether an item belongs in the queue now: every open follow-up (they are all due within 48
 * hours), and open check-ins from a day before their date.
 */
export function inQueue(followUp: FollowUp, now: number): boolean {
	if (followUp.status !== 'open') return false;
	return followUp.kind === 'follow-up' || followUp.queueAt <= now + CHECK_IN_LEAD_MS;
}

/** Counted on the navigation and the app icon, and listed in the queue: in the queue and not snoozed. */
export function needsAction(followUp: FollowUp, now: number): boolean {
	return inQueue(followUp, now) && queueState(followUp, now) !== 'snoozed';
}

/** Queue order: soonest first; ties by when they were created. */
export function compareQueue(a: FollowUp, b: FollowUp): number {
	return a.queueAt - b.queueAt || a.createdAt - b.createdAt;
}

/** What the reminder says: items needing action that are overdue, and the others due within `hours`. */
export interface ReminderCounts {
	overdue: number;
	dueSoon: number;
}

/** Which part of the reminder an item is in, if any. */
function reminderPart(followUp: FollowUp, now: number, hours: number): keyof ReminderCounts | null {
	if (!needsAction(followUp, now)) return null;
	if (queueState(followUp, now) === 'overdue') return 'overdue';
	return comesDueAt(followUp) <= now + hours * HOUR ? 'dueSoon' : null;
}

/** How many items needing action are overdue, and how many more are due within `hours`. Snoozed items never count. */
export function reminderCounts(items: readonly FollowUp[], now: number, hours: number): ReminderCounts {
	const counts = { overdue: 0, dueSoon: 0 };
	for (const item of items) {
		const part = reminderPart(item, now, hours);
		if (part) counts[part]++;
	}
	return counts;
}

/** Items needing action that are overdue or due within `hours` (what the reminders show). */
export function dueWithin(items: readonly FollowUp[], now: number, hours: number): FollowUp[] {
	return items.filter((f) => reminderPart(f, now, hours) !== null);
}

/**
 * The reminder's sentences: "3 follow-ups are overdue." and, when some are only coming due,
 * "2 more are due within 6 hours." Empty when there is nothing to remind about.
 */
export function reminderText({ overdue, dueSoon }: ReminderCounts, hours = REMIND_HOURS): string[] {
	const lines: string[] = [];
	if (overdue) lines.push(overdue === 1 ? '1 follow-up is overdue.' : `${overdue} follow-ups are overdue.`);
	if (dueSoon) {
		const verb = dueSoon === 1 ? 'is' : 'are';
		const what = overdue ? `${dueSoon} more` : dueSoon === 1 ? '1 follow-up' : `${dueSoon} follow-ups`;
		lines.push(`${what} ${verb} due within ${hours} hours.`);
	}
	return lines;
}

/**
 * The queue's items with one follow-up per person: a second open follow-up for someone (two
 * devices each saved a conversation offline) is left out after the first, in the order given.
 * Check-ins are kept: each is planned on purpose.
 */
export function onePerPerson<T extends FollowUp>(items: readonly T[]): T[] {
	const seen = new Set<string>();
	return items.filter((item) => {
		if (item.kind !== 'follow-up') return true;
		if (seen.has(item.personId)) return false;
		seen.add(item.personId);
		return true;
	});
}
