import { EventStore } from '$lib/adapters/local/event-store';
import { app } from './app';

let store: EventStore | null = null;

/**
 * The events the user has been to, for the screens that list, pick or change them. Kept out of
 * app(): the app shell (home, navigation, banners) reads the current event through the debrief's
 * headline, so it does not load this store.
 */
export function eventStore(): EventStore {
	store ??= new EventStore(app().db);
	return store;
}
