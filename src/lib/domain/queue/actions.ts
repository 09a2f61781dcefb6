import { addMonths } from 'date-fns';
import type { Channel, FollowUp, PromiseItem, PromiseStatus } from '../capture/records';
import { END_OF_TIME } from '../sync/bounds';
import { cleanLine } from '../text/display';

/**
 * What the user does with a follow-up. Each action returns the new record; the caller keeps the old
 * one, so every action can be undone by putting it back.
 */

/** Followed up: records when and through which channel. */
export function markDone(followUp: FollowUp, channel: Channel, now: number): FollowUp {
	return {
		...followUp,
		status: 'done',
		doneAt: now,
		channel,
		snoozedUntil: null,
		queueAt: followUp.dueAt,
		updatedAt: now
	};
}

/** What is wrong with snoozing until `until`, or null: it must be in the future, and before 2200 (the server stores no later time). */
export function snoozeProblem(until: number, now: number): string | null {
	if (!(until > now)) return 'Pick a time in the future.';
	if (!(until < END_OF_TIME)) return 'Pick a time before the year 2200.';
	return null;
}

/**
 * Moves the follow-up in the queue to `until`. The deadline stays: a follow-up snoozed past its
 * 48 hours still counts as late in the follow-up rate.
 */
export function snooze(followUp: FollowUp, until: number, now: number): FollowUp {
	const problem = snoozeProblem(until, now);
	if (problem) throw new RangeError(problem);
	return { ...followUp, snoozedUntil: until, queueAt: until, updatedAt: now };
}

/** Closed on purpose ("not a fit"), with the reason; counted apart from missed follow-ups. */
export function markNotAFit(followUp: FollowUp, reason: string, now: number): FollowUp {
	return {
		...followUp,
		status: 'not-a-fit',
		closedReason: cleanLine(reason, 200),
		snoozedUntil: null,
		queueAt: followUp.dueAt,
		updatedAt: now
	};
}

export const CHECK_IN_MONTHS = [1, 3, 6] as const;
export type CheckInMonths = (typeof CHECK_IN_MONTHS)[number];

/**
 * A keep-in-touch check-in a number of calendar months from now (it shows in the queue when due).
 * `from` is the follow-up it comes after, or null for someone met before the app.
 */
export function planCheckIn(
	personId: string,
	months: CheckInMonths,
	from: Pick<FollowUp, 'encounterId' | 'eventId'> | null,
	context: { now: number; id: string }
): FollowUp {
	const dueAt = addMonths(context.now, months).getTime();
	return {
		id: context.id,
		personId,
		encounterId: from?.encounterId ?? null,
		eventId: from?.eventId ?? null,
		kind: 'check-in',
		dueAt,
		queueAt: dueAt,
		snoozedUntil: null,
		status: 'open',
		doneAt: null,
		channel: null,
		closedReason: '',
		message: null,
		createdAt: context.now,
		updatedAt: context.now
	};
}

/** A promise kept, dropped, or opened again. */
export function settlePromise(promise: PromiseItem, status: PromiseStatus, now: number): PromiseItem {
	return { ...promise, status, settledAt: status === 'open' ? null : now };
}
