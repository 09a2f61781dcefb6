import type { NetworkingEvent } from '../capture/records';

const HOUR = 3_600_000;

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function dayAfter(day: string, days = 1): string {
	return new Date(Date.parse(day) + days * 24 * HOUR).toISOString().slice(0, 10);
}

/**
 * Whether new contacts at `now` still belong to `event`: from the day before its first day (the
 * speakers' dinner, the meetup on the eve) to the day after its last (the flight home). The days
 * are read in every time zone at once: the event is on from the moment its eve begins anywhere on
 * Earth (UTC+14) until the day after its last day has ended everywhere (UTC−12). That is a few
 * hours more than the event's own zone would give, and right even when that zone is not (an event
 * set up at home before the flight): someone met a week later is never part of its debrief.
 */
export function isEventOn(event: Pick<NetworkingEvent, 'startDate' | 'endDate'>, now: number): boolean {
	return now >= Date.parse(event.startDate) - 38 * HOUR && !hasEnded(event, now);
}

/** Whether `event` is over at `now`: the day after its last day has ended in every time zone. */
export function hasEnded(event: Pick<NetworkingEvent, 'endDate'>, now: number): boolean {
	return now >= Date.parse(event.endDate) + 60 * HOUR;
}
