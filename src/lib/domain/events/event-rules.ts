import type { NetworkingEvent } from '../capture/records';
import { isEventDay } from '../sync/bounds';
import { cleanLine } from '../text/display';

export interface EventInput {
	name: string;
	startDate: string;
	endDate: string;
	clockFromEnd: boolean;
}

export type EventErrors = Partial<Record<'name' | 'startDate' | 'endDate', string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUT_OF_RANGE = 'Pick a day between 1900 and 2100.';

/**
 * A new event from the form: a name, a first day and a last day on or after it (YYYY-MM-DD, in
 * the time zone where the user is, which is where the event is), real days between 1900 and 2100
 * (the server stores no date outside 1900–2199, and follow-ups fall due after the event ends).
 */
export function createEvent(
	input: EventInput,
	context: { id: string; now: number; timeZone: string }
): { ok: true; event: NetworkingEvent } | { ok: false; errors: EventErrors } {
	const errors: EventErrors = {};
	const name = cleanLine(input.name, 120);
	if (!name) errors.name = 'Give the event a name, e.g. "Web Summit 2026".';
	if (!DATE.test(input.startDate)) errors.startDate = 'Pick the first day.';
	else if (!isEventDay(input.startDate)) errors.startDate = OUT_OF_RANGE;
	const endDate = input.endDate || input.startDate;
	if (!DATE.test(endDate)) errors.endDate = 'Pick the last day.';
	else if (!isEventDay(endDate)) errors.endDate = OUT_OF_RANGE;
	else if (DATE.test(input.startDate) && endDate < input.startDate)
		errors.endDate = 'The last day cannot be before the first.';
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		event: {
			id: context.id,
			name,
			startDate: input.startDate,
			endDate,
			timeZone: context.timeZone,
			clockFromEnd: input.clockFromEnd,
			createdAt: context.now
		}
	};
}
