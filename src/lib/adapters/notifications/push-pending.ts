import { smallStore } from './small-store';

/**
 * A subscription the browser replaced while the app was closed (`pushsubscriptionchange`), kept
 * until the app, signed in, has told the server: the service worker cannot, as the session lives
 * in the page's localStorage. One record in a database of its own, so the service worker needs no
 * Dexie schema for it.
 */
export interface PendingSubscription {
	subscription: PushSubscriptionJSON;
	/** The endpoint it replaces, for the server to forget; null when there was none. */
	replaces: string | null;
}

const KEY = 'subscription';
const run = smallStore('push-device', 'pending');

/** Keeps a replaced subscription for the app to report (the newest one wins). */
export async function keepPendingSubscription(pending: PendingSubscription): Promise<void> {
	const earlier = await readPendingSubscription();
	// Replaced twice before the app opened: the server still knows the first endpoint.
	const replaces = earlier?.replaces ?? pending.replaces;
	await run('readwrite', (store) => store.put({ ...pending, replaces }, KEY));
}

/** The replaced subscription still to report, if any. */
export async function readPendingSubscription(): Promise<PendingSubscription | null> {
	const found = (await run('readonly', (store) => store.get(KEY))) as PendingSubscription | undefined;
	return found?.subscription?.endpoint ? found : null;
}

/** Forgets the pending record once the server has it (or the device is signed out). */
export async function clearPendingSubscription(): Promise<void> {
	await run('readwrite', (store) => store.delete(KEY));
}

/**
 * Sends a renewed subscription to the server with `report` (signed in, online) and forgets it once
 * the server has it; one that fails stays for the next try. Returns whether there was one to send.
 */
export async function reportPendingSubscription(
	report: (pending: PendingSubscription) => Promise<void>
): Promise<boolean> {
	const pending = await readPendingSubscription();
	if (!pending) return false;
	await report(pending);
	// Renewed again while the report was under way: that one is reported next time.
	const now = await readPendingSubscription();
	if (now?.subscription.endpoint === pending.subscription.endpoint) await clearPendingSubscription();
	return true;
}
