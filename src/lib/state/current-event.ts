import { isEventOn } from '$lib/domain/events/event-on';
import { app } from './app';
import { eventStore } from './events';

/**
 * The event new contacts belong to at `now`: the one picked on the events screen while it is on
 * (from its eve to the day after its last day, in its zone), else none — an event picked once
 * does not collect everyone met in the months after it.
 */
export async function eventForNewContacts(now: number): Promise<string | null> {
	const id = await app().settings.currentEventId();
	const event = id ? await eventStore().get(id) : null;
	return event && isEventOn(event, now) ? event.id : null;
}
