// Booth point: Settings speaks to attendees, and every button that can do nothing says why.
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { baseUrl, openSession, setUpCard, watchPage, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('Settings says why a button did nothing', () => {
	it('notifications refused: says the browser said no and how to allow them, each time it is tried', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { browser, problems } = session;
		// A context of its own: granting the camera (openSession) refuses every other permission.
		const context = await browser.newContext({ baseURL: baseUrl() });
		const page = await context.newPage();
		watchPage(page, problems);
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('link', { name: 'Settings' }).click();
		const reminders = page.getByRole('region', { name: 'Reminders' });
		await reminders.getByRole('button', { name: 'Turn on reminder notifications' }).waitFor();

		// The person says no in the browser's question: the answer is set for the site beforehand
		// (granting one permission refuses the others), as headless Chromium shows no question.
		await context.grantPermissions(['geolocation'], { origin: baseUrl() });
		expect(await page.evaluate(() => Notification.permission)).toBe('denied');
		await reminders.getByRole('button', { name: 'Turn on reminder notifications' }).click();
		// The first status is the browser's own checks; this device's push part (local-only here) follows.
		const said = reminders.getByRole('status').first();
		await expect
			.poll(() => said.innerText())
			.toContain(
				'Your browser said no to notifications. Allow them in the site settings (the icon beside the address), then try again.'
			);
		await reminders.getByRole('button', { name: 'Try again' }).click();
		await expect.poll(() => said.innerText()).toContain('Your browser still says no to notifications.');

		// Opened again later, Settings says so at once.
		await page.reload();
		await expect.poll(() => said.innerText()).toContain('Your browser said no to notifications.');
		expect(await reminders.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
		expect(problems).toEqual([]);
	});

	it('no notifications in this browser, storage refused or not offered: each says so', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context, problems } = session;
		await context.addInitScript(() => {
			delete (window as { Notification?: unknown }).Notification;
			// The browser answers "no" to keeping this site's data.
			navigator.storage.persisted = () => Promise.resolve(false);
			navigator.storage.persist = () => Promise.resolve(false);
		});
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('link', { name: 'Settings' }).click();

		const reminders = page.getByRole('region', { name: 'Reminders' });
		await expect
			.poll(() => reminders.getByRole('status').first().innerText())
			.toContain('This browser cannot show notifications, so the app reminds you of follow-ups when you open it.');
		expect(await reminders.getByRole('button').count()).toBe(0);

		const storage = page.getByRole('region', { name: 'Storage on this device' });
		await storage.getByRole('button', { name: 'Ask the browser to keep my data' }).click();
		await expect
			.poll(() => storage.getByRole('status').innerText())
			.toContain('Your browser said no: it decides by itself');
		await storage.getByRole('button', { name: 'Ask the browser to keep my data' }).click();
		await expect.poll(() => storage.getByRole('status').innerText()).toContain('Your browser still says no');

		// A browser that cannot be asked at all.
		const other = await context.newPage();
		watchPage(other, problems);
		await other.addInitScript(() => {
			Object.defineProperty(StorageManager.prototype, 'persist', { value: undefined });
			Object.defineProperty(StorageManager.prototype, 'persisted', { value: undefined });
			delete (navigator.storage as { persist?: unknown }).persist;
			delete (navigator.storage as { persisted?: unknown }).persisted;
		});
		await other.goto('/settings');
		const otherStorage = other.getByRole('region', { name: 'Storage on this device' });
		await expect
			.poll(() => otherStorage.getByRole('status').innerText())
			.toContain('This browser does not say whether it keeps your data: download a backup under Your data');
		expect(await otherStorage.getByRole('button').count()).toBe(0);
		expect(problems).toEqual([]);
	});

	it('local-only: tells the attendee their data stays on this phone and to keep a backup, with no set-up steps', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, problems } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('link', { name: 'Settings' }).click();
		const sync = page.getByRole('region', { name: 'Sync' });
		await sync.getByText('Your data stays on this phone.').waitFor();
		expect(await sync.innerText()).toMatch(/Download a backup under Your data/);
		expect(await sync.innerText()).not.toMatch(/Supabase|PUBLIC_|supabase (link|db|config)|README/);
		await sync.getByRole('link', { name: 'Your data' }).click();
		await page.waitForURL(/#data-heading$/);
		expect(
			await page
				.getByRole('region', { name: 'Your data' })
				.getByRole('button', { name: 'Download a backup' })
				.isVisible()
		).toBe(true);
		expect(problems).toEqual([]);
	});
});
