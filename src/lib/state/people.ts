import { PeopleStore } from '$lib/adapters/local/people-store';
import { app } from './app';

let store: PeopleStore | null = null;

/**
 * The people met, their conversations and notes, for the screens that show or change them. Kept
 * out of app(): the app shell (home, navigation, banners) never reads people, so it does not load
 * this store and the note and search rules behind it.
 */
export function peopleStore(): PeopleStore {
	store ??= new PeopleStore(app().db);
	return store;
}
