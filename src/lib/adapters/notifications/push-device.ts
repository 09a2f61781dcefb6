import type { PushFacts } from '$lib/domain/reminders/availability';
import type { DeviceSubscription, PushPorts } from '$lib/domain/reminders/device-push';
import { vapidKeyBytes } from './push-events';

/**
 * This device's side of Web Push: what the browser offers, its subscription with the push
 * service, and a local test notification. Nothing here talks to the app's server.
 */

/** The service worker's registration; getRegistration, not ready: ready never settles where it failed. */
const registration = () =>
	'serviceWorker' in navigator ? navigator.serviceWorker.getRegistration() : Promise.resolve(undefined);

/** What the browser says about push, asking nothing (the account is the caller's to add). */
export function devicePushFacts(vapidKey: boolean): Omit<PushFacts, 'account'> {
	const nav = navigator as Navigator & { standalone?: boolean };
	const ios = /iPhone|iPad|iPod/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1);
	const standalone = nav.standalone === true || matchMedia('(display-mode: standalone)').matches;
	const pushApi = typeof PushManager !== 'undefined' && typeof Notification !== 'undefined' && 'serviceWorker' in nav;
	return {
		pushApi,
		permission: typeof Notification === 'undefined' ? 'default' : Notification.permission,
		vapidKey,
		ios,
		standalone
	};
}

const asDevice = (subscription: PushSubscription): DeviceSubscription => ({
	endpoint: subscription.endpoint,
	json: subscription.toJSON()
});

/** This device's push subscription, if it has one. */
export async function currentSubscription(): Promise<DeviceSubscription | null> {
	if (typeof PushManager === 'undefined') return null;
	const found = await (await registration())?.pushManager.getSubscription();
	return found ? asDevice(found) : null;
}

/** Ends this device's push subscription, if any; returns its endpoint for the server to forget. */
export async function unsubscribeDevice(): Promise<string | null> {
	if (typeof PushManager === 'undefined') return null;
	const found = await (await registration())?.pushManager.getSubscription();
	if (!found) return null;
	await found.unsubscribe();
	return found.endpoint;
}

/** The browser's half of PushPorts; the server's half (save, forget) is the caller's. */
export function browserPushPorts(vapidKey: string, server: Pick<PushPorts, 'save' | 'forget'>): PushPorts {
	return {
		requestPermission: () => Notification.requestPermission(),
		current: currentSubscription,
		subscribe: async () => {
			const found = await registration();
			if (!found) throw new Error('No service worker');
			const subscription = await found.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: vapidKeyBytes(vapidKey)
			});
			return asDevice(subscription);
		},
		unsubscribe: async () => void (await unsubscribeDevice()),
		...server
	};
}

/** "Send a test notification": shown by the service worker, as a reminder would be. */
export async function showTestNotification(): Promise<void> {
	const found = await registration();
	if (!found) throw new Error('No service worker');
	await found.showNotification('Test notification', {
		body: 'Reminders about follow-ups will look like this.',
		tag: 'test-notification',
		data: { url: '/follow-ups' },
		icon: '/pwa-192x192.png'
	});
}
