/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { openFromNotification, renewSubscription, showPushMessage } from '$lib/adapters/notifications/push-events';
import { REMINDER_TAG, showDueReminders } from '$lib/adapters/notifications/reminders';
import { vapidPublicKey } from '$lib/push-config';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

interface PeriodicSyncEvent extends ExtendableEvent {
	tag: string;
}

interface PushSubscriptionChangeEvent extends ExtendableEvent {
	oldSubscription: PushSubscription | null;
	newSubscription: PushSubscription | null;
}

// A new version waits until the user presses "Reload" in the app.
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The app shell, the scanner and its WebAssembly: everything needed to start and scan offline.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// On-device OCR's worker, core and language data (5.7 MB; see ocrAssets in vite.config.ts): kept
// the first time "Read a paper card" is used, not precached, as most people never scan a paper card. Their
// folder is named after the versions, so a file there never changes; a new folder replaces the old.
const OCR_CACHE = 'ocr-assets';
const OCR_PREFIX = '/_app/immutable/ocr/';
registerRoute(
	({ url }) => url.origin === self.location.origin && url.pathname.startsWith(OCR_PREFIX),
	async ({ request, url }) => {
		const cache = await caches.open(OCR_CACHE);
		const kept = await cache.match(request);
		if (kept) return kept;
		const response = await fetch(request);
		if (response.ok) {
			const folder = url.pathname.slice(0, url.pathname.indexOf('/', OCR_PREFIX.length) + 1);
			for (const old of await cache.keys()) if (!new URL(old.url).pathname.startsWith(folder)) await cache.delete(old);
			await cache.put(request, response.clone());
		}
		return response;
	}
);
// A card link (/c#1…) opens the card page (c.html, precached as /c), not the app: the owner's phone
// opens card links offline too.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/c'), { allowlist: [/^\/c(\/|\.html)?$/] }));
// Every other route is the app shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/')));
// Take control on the very first visit, so going offline straight away still works.
clientsClaim();

// Woken by Periodic Background Sync: remind about follow-ups coming due.
self.addEventListener('periodicsync', (event) => {
	const sync = event as PeriodicSyncEvent;
	if (sync.tag === REMINDER_TAG) sync.waitUntil(showDueReminders(self.registration, Date.now()));
});

// A reminder from the server (Web Push): the Declarative Web Push JSON, shown here on browsers
// that do not show it by themselves.
self.addEventListener('push', (event) => {
	event.waitUntil(showPushMessage(self.registration, self.navigator, event.data?.text() ?? null, self.location.origin));
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	// Started before waitUntil: the work is the same whoever dispatched the event.
	const opening = openFromNotification(self.clients, event.notification.data, self.location.origin);
	event.waitUntil(opening);
});

self.addEventListener('pushsubscriptionchange', (event) => {
	const change = event as PushSubscriptionChangeEvent;
	change.waitUntil(renewSubscription(self.registration, self.clients, change, vapidPublicKey()));
});
