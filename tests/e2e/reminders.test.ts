import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { watchBackgroundServices } from './background-services';
import { baseUrl, openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('reminders', () => {
	it('the service worker, woken by Periodic Background Sync, notifies about follow-ups coming due', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context } = session;
		await context.grantPermissions(['camera', 'notifications'], { origin: baseUrl() });
		await context.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('No camera', 'NotFoundError'));
		});
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByRole('button', { name: 'Type it instead' }).click();
		await page.getByRole('textbox', { name: 'Name' }).fill('Kofi Mensah');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Solar microgrids for schools');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);

		// Settings offers notifications honestly: permission is granted, background checks need an installed app.
		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('button', { name: 'Turn on reminder notifications' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /Notifications are on|The app reminds you when you open it/ })
			.waitFor();

		// Move the follow-up's deadline to two hours from now (the real clock: the service worker has no fake one).
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('networking-companion');
					open.onsuccess = () => {
						const store = open.result.transaction('followUps', 'readwrite').objectStore('followUps');
						const all = store.getAll();
						all.onsuccess = () => {
							const soon = Date.now() + 2 * 3_600_000;
							for (const f of all.result) store.put({ ...f, dueAt: soon, queueAt: soon });
							store.transaction.oncomplete = () => resolve();
						};
					};
					open.onerror = () => reject(open.error);
				})
		);

		// The browser wakes only an active service worker: wait until it controls the page.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		// Wake the service worker as the browser would, through the DevTools protocol. Each wake is
		// waited for until Chromium says the notification is on screen: reading the notifications
		// while one is being shown can lose it (see background-services.ts).
		const { cdp, completing } = await watchBackgroundServices(context, page, ['notifications']);
		const registrations: { registrationId: string; scopeURL: string }[] = [];
		cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
		await cdp.send('ServiceWorker.enable');
		await expect.poll(() => registrations.length).toBeGreaterThan(0);
		const registration = registrations.find((r) => r.scopeURL.startsWith(baseUrl()))!;
		const wake = () =>
			completing('notifications', 'Notification displayed', () =>
				cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
					origin: baseUrl(),
					registrationId: registration.registrationId,
					tag: 'follow-up-reminders'
				})
			);
		const notifications = () =>
			page.evaluate(async () =>
				(await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
					title: n.title,
					body: n.body,
					tag: n.tag
				}))
			);
		await wake();
		const [notification, ...more] = await notifications();
		expect(more).toEqual([]);
		expect(notification!.title).toBe('Follow up with Kofi Mensah');
		expect(notification!.body).toMatch(/^due in (2 h|1\d\d min) · Solar microgrids for schools$/);

		// Waking again replaces the notification instead of piling up.
		await wake();
		expect(await notifications()).toHaveLength(1);
		expect(session.problems).toEqual([]);
	});
});
