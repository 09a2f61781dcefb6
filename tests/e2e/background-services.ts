import { expect } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** What Chromium's DevTools records of a background service event (a push, a notification shown). */
export interface ServiceEvent {
	service: string;
	name: string;
	metadata: Record<string, string>;
}

// The two whose events the tests wait on: a periodic sync dispatched through DevTools records only
// "Dispatched periodicsync event", never its end, so a wake is waited on by what it shows.
type Service = 'pushMessaging' | 'notifications';

/**
 * Chromium's own record of what the service worker's events did (the DevTools BackgroundService
 * domain, the Application panel's "Push messaging" and "Periodic background sync" logs), so a test
 * can wait until an event the browser dispatched has finished — not a guessed time.
 *
 * Why it is needed: reading the notifications (`getNotifications()`) while one is being shown can
 * lose it. Chromium deletes from its notification database every notification created before the
 * read that is not yet on screen (PlatformNotificationContextImpl::
 * DoReadAllNotificationDataForServiceWorkerRegistration, "notifications that are not actually on
 * display anymore"); the one being shown then stays on screen but is never returned again. A test
 * that polls `getNotifications()` while a push is handled fails that way now and then (1 in 8 in
 * tests/e2e/push-reminders.test.ts's reproduction with a tight poll; CI's busy cores made it likely).
 * So: wait for the event to complete, then read.
 */
export async function watchBackgroundServices(
	context: BrowserContext,
	page: Page,
	services: readonly Service[]
): Promise<{
	cdp: CDPSession;
	completing: (service: Service, name: string, act: () => Promise<unknown>) => Promise<ServiceEvent>;
}> {
	const cdp = await context.newCDPSession(page);
	const events: ServiceEvent[] = [];
	cdp.on('BackgroundService.backgroundServiceEventReceived', ({ backgroundServiceEvent: event }) =>
		events.push({
			service: event.service,
			name: event.eventName,
			metadata: Object.fromEntries(event.eventMetadata.map(({ key, value }) => [key, value]))
		})
	);
	for (const service of services) {
		await cdp.send('BackgroundService.startObserving', { service });
		await cdp.send('BackgroundService.setRecording', { shouldRecord: true, service });
	}
	const matching = (service: Service, name: string) => events.filter((e) => e.service === service && e.name === name);
	return {
		cdp,
		/** Runs `act`, then waits for the next `name` event of `service` (the one `act` caused) and returns it. */
		async completing(service, name, act) {
			const before = matching(service, name).length;
			await act();
			await expect.poll(() => matching(service, name).length).toBeGreaterThan(before);
			return matching(service, name)[before]!;
		}
	};
}
