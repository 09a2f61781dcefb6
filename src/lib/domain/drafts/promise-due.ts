import { TZDate } from '@date-fns/tz';
import { addDays, endOfDay, endOfMonth } from 'date-fns';
import type { DueHint } from './lexicon/types';

/**
 * When a promise with a due phrase is due, counted from the conversation in the time zone it
 * happened in: the end of that day ("by Friday" said on a Wednesday is this Friday, said on a
 * Friday the next one; "next week" is the Friday of the week after; "end of the week" this Friday).
 */
export function promiseDueAt(hint: DueHint, metAt: number, timeZone: string): number {
	const met = new TZDate(metAt, timeZone);
	const weekday = met.getDay();
	let day: Date;
	switch (hint.kind) {
		case 'weekday':
			day = addDays(met, (hint.day - weekday + 7) % 7 || 7);
			break;
		case 'days':
			day = addDays(met, hint.days);
			break;
		case 'end-of-week':
			day = addDays(met, weekday === 0 ? 5 : weekday <= 5 ? 5 - weekday : 1);
			break;
		case 'next-week':
			// The Friday of the coming Monday's week.
			day = addDays(met, ((8 - weekday) % 7 || 7) + 4);
			break;
		case 'end-of-month':
			day = endOfMonth(met);
			break;
	}
	return endOfDay(day).getTime();
}
