/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { REMINDER_TAG, showDueReminders } from '$lib/adapters/notifications/reminders';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

interface PeriodicSyncEvent extends ExtendableEvent {
	tag: string;
}

// A new version waits until the user presses "Reload" in the app.
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The app shell, the scanner and its WebAssembly: everything needed to start and scan offline.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// A card link (/c#1…) opens the card page (c.html, precached as /c), not the app: the owner's phone
// opens card links offline too.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/c'), { allowlist: [/^\/c(\/|\.html)?$/] }));
// Every other route is the app shell, except the README (linked from Settings), which is a plain file.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/README\.md$/] }));
// Take control on the very first visit, so going offline straight away still works.
clientsClaim();

// Woken by Periodic Background Sync: remind about follow-ups coming due.
self.addEventListener('periodicsync', (event) => {
	const sync = event as PeriodicSyncEvent;
	if (sync.tag === REMINDER_TAG) sync.waitUntil(showDueReminders(self.registration, Date.now()));
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = typeof event.notification.data?.url === 'string' ? event.notification.data.url : '/follow-ups';
	event.waitUntil(
		self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const open = windows[0];
			return open ? open.navigate(url).then((w) => w?.focus()) : self.clients.openWindow(url);
		})
	);
});
