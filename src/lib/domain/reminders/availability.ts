/**
 * Why this device can or cannot get reminders pushed by the server, in the order a person can
 * act on it: `ready` (turn it on), `checking` (the account is still being read), or what stands in
 * the way.
 */
export type PushAvailability =
	| 'ready'
	| 'checking'
	| 'local-only'
	| 'ios-home-screen'
	| 'ios-update'
	| 'unsupported'
	| 'not-configured'
	| 'denied'
	| 'signed-out';

/** What the browser and the app say, read without asking anything. */
export interface PushFacts {
	/** PushManager and the Notifications API both exist. */
	pushApi: boolean;
	permission: 'default' | 'granted' | 'denied';
	/** A VAPID public key was built in (PUBLIC_VAPID_PUBLIC_KEY). */
	vapidKey: boolean;
	/** iPhone or iPad (iPadOS says it is a Mac, but has a touch screen). */
	ios: boolean;
	/** Opened from the Home Screen (or as an installed app), not in a browser tab. */
	standalone: boolean;
	account: 'local-only' | 'loading' | 'signed-out' | 'session-ended' | 'signed-in';
}

/**
 * Decides what the Reminders section offers on this device. iPhone and iPad get Web Push only in
 * an app added to the Home Screen (iOS 16.4+), so a Safari tab is told how to add it first.
 */
export function pushAvailability(facts: PushFacts): PushAvailability {
	if (facts.account === 'local-only') return 'local-only';
	if (facts.ios && !facts.standalone) return 'ios-home-screen';
	if (!facts.pushApi) return facts.ios ? 'ios-update' : 'unsupported';
	if (!facts.vapidKey) return 'not-configured';
	if (facts.permission === 'denied') return 'denied';
	if (facts.account === 'loading') return 'checking';
	if (facts.account !== 'signed-in') return 'signed-out';
	return 'ready';
}
