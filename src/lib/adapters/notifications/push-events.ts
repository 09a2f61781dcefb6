import { readPushMessage, safeAppPath } from '$lib/domain/reminders/push-message';
import { keepPendingSubscription } from './push-pending';

/** The parts of a service worker's `clients` used here (the app's own types leave out the worker's). */
export interface AppWindow {
	url: string;
	focused: boolean;
	navigate(url: string): Promise<AppWindow | null>;
	focus(): Promise<unknown>;
	postMessage(message: unknown): void;
}
export interface AppClients {
	matchAll(options: { type: 'window'; includeUncontrolled?: boolean }): Promise<readonly AppWindow[]>;
	openWindow(url: string): Promise<unknown>;
}

type BadgeNavigator = {
	setAppBadge?: (count?: number) => Promise<void>;
	clearAppBadge?: () => Promise<void>;
};

/** Sets the app icon's badge where the Badging API exists (0 clears it); never fails. */
export async function setBadge(navigator: BadgeNavigator, count: number): Promise<void> {
	try {
		if (count > 0) await navigator.setAppBadge?.(count);
		else await navigator.clearAppBadge?.();
	} catch {
		// The badge is a nicety: a browser that refuses it (no installed app) changes nothing.
	}
}

/**
 * Shows a push message (the reminder sender's Declarative Web Push JSON) as a notification, or
 * the generic "Follow-ups are due" when it is empty or unreadable, and sets the badge to the open
 * count it carries. Every push shows something: browsers revoke push for sites that show nothing.
 */
export async function showPushMessage(
	registration: ServiceWorkerRegistration,
	navigator: BadgeNavigator,
	text: string | null,
	origin: string
): Promise<void> {
	const shown = readPushMessage(text, origin);
	await registration.showNotification(shown.title, {
		body: shown.body,
		tag: shown.tag,
		dir: shown.dir,
		...(shown.lang && { lang: shown.lang }),
		data: shown.data,
		icon: '/pwa-192x192.png'
	});
	if (shown.badge !== null) await setBadge(navigator, shown.badge);
}

/**
 * A tap on a notification: opens the address it carries (the queue, one follow-up or one person's
 * page of this app, nothing else) in an open window of the app, or in a new one.
 */
export async function openFromNotification(clients: AppClients, data: unknown, origin: string): Promise<void> {
	const path = safeAppPath((data as { url?: unknown } | null)?.url, origin);
	const url = new URL(path, origin).href;
	const windows = (await clients.matchAll({ type: 'window', includeUncontrolled: true })).filter(
		(w) => new URL(w.url).origin === origin
	);
	const open = windows.find((w) => w.focused) ?? windows[0];
	if (open) {
		try {
			// navigate() works only for a window this service worker controls.
			const moved = await open.navigate(url);
			if (moved) {
				await moved.focus().catch(() => undefined);
				return;
			}
		} catch {
			// An uncontrolled window: open a new one below.
		}
	}
	await clients.openWindow(url);
}

/** Decodes a base64url VAPID key into the bytes `applicationServerKey` takes. */
export function vapidKeyBytes(key: string): Uint8Array<ArrayBuffer> {
	const base64 = key.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The browser replaced (or dropped) this device's push subscription: subscribe again with the
 * same application server key, and keep the new one for the app to send to the server when it is
 * next open and signed in (the service worker holds no session). Open windows are told at once.
 */
export async function renewSubscription(
	registration: ServiceWorkerRegistration,
	clients: AppClients,
	change: { oldSubscription: PushSubscription | null; newSubscription: PushSubscription | null },
	fallbackKey: string | null
): Promise<void> {
	const key = change.oldSubscription?.options.applicationServerKey ?? (fallbackKey && vapidKeyBytes(fallbackKey));
	const next =
		change.newSubscription ??
		(key ? await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null);
	if (!next) return;
	await keepPendingSubscription({ subscription: next.toJSON(), replaces: change.oldSubscription?.endpoint ?? null });
	for (const client of await clients.matchAll({ type: 'window' }))
		client.postMessage({ type: 'PUSH_SUBSCRIPTION_CHANGED' });
}
