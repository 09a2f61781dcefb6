import { CaptureStore } from '$lib/adapters/local/capture-store';
import { app } from './app';

let store: CaptureStore | null = null;

/**
 * Scans being turned into contacts, for the scan and note screens. app().unfinished only lists
 * them (the banner on every screen), so the app shell does not load this store.
 */
export function captureStore(): CaptureStore {
	store ??= new CaptureStore(app().db);
	return store;
}
