// Issue 19: Settings → Reminders. Per device: "Notify me on this device", a test notification, and
// what each platform needs; per account (signed in): the email digest, quiet hours and names on the
// lock screen, saved through the Supabase stand-in (tests/support/supabase/) to the real migrations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { serveStatic } from '../support/static-server';
import { pgliteDatabase } from '../support/supabase/database';
import { SYNC_STAND_IN_PORT } from '../support/supabase/secret.mjs';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { TEST_VAPID_PUBLIC_KEY } from '../support/vapid.mjs';
import { blankY4m, scratchDir } from '../support/video';
import { baseUrl, setUpCard, waitForServiceWorker, watchPage } from './harness';

let browser: Browser;
let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let site: Awaited<ReturnType<typeof serveStatic>>;
const problems: string[] = [];

beforeAll(async () => {
	browser = await launchChromium(fakeCameraFlags(await blankY4m(scratchDir())));
	database = await pgliteDatabase();
	standIn = await startStandIn({ database, port: SYNC_STAND_IN_PORT });
	// The app built for the stand-in, with a VAPID key (tests/e2e/build-sync.mjs).
	site = await serveStatic('build-sync');
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await site?.close();
	await standIn?.close();
	await database?.close();
});

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

async function device(
	url: string,
	options: { userAgent?: string; notifications?: boolean; init?: (arg: string) => void; initArg?: string } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL: url,
		viewport: { width: 420, height: 860 },
		timezoneId: 'Europe/Berlin',
		...(options.userAgent && { userAgent: options.userAgent })
	});
	if (options.notifications) await context.grantPermissions(['notifications'], { origin: url });
	if (options.init) await context.addInitScript(options.init, options.initArg ?? '');
	const page = await context.newPage();
	watchPage(page, problems);
	return { context, page };
}

/**
 * Chromium here cannot reach a push service (no network), so PushManager's subscribe and
 * getSubscription are stood in for, and only they: everything else (permission, the service worker,
 * the server calls) is real. The subscription lives in localStorage, as a browser keeps it across
 * reloads; what the app asked for is logged there too.
 */
function fakePushService(p256dh: string) {
	const KEY = '__test_push';
	type State = { endpoint: string | null; log: string[] };
	const read = (): State => JSON.parse(localStorage.getItem(KEY) ?? '{"endpoint":null,"log":[]}') as State;
	const write = (state: State) => localStorage.setItem(KEY, JSON.stringify(state));
	const subscription = (endpoint: string) => ({
		endpoint,
		expirationTime: null,
		options: { userVisibleOnly: true, applicationServerKey: null },
		toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth: 'AAECAwQFBgcICQoLDA0ODw' } }),
		getKey: () => null,
		unsubscribe: async () => {
			const state = read();
			write({ endpoint: null, log: [...state.log, 'unsubscribe'] });
			return true;
		}
	});
	PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
		const key = new Uint8Array(options?.applicationServerKey as Uint8Array);
		const base64url = btoa(String.fromCharCode(...key))
			.replace(/\+/g, '-')
			.replace(/\//g, '_')
			.replace(/=+$/, '');
		const endpoint = `https://push.example/send/${crypto.randomUUID()}`;
		const state = read();
		write({ endpoint, log: [...state.log, `subscribe ${options?.userVisibleOnly} ${base64url}`] });
		return subscription(endpoint) as unknown as PushSubscription;
	};
	PushManager.prototype.getSubscription = async function () {
		const { endpoint } = read();
		return endpoint ? (subscription(endpoint) as unknown as PushSubscription) : null;
	};
}

const pushLog = (page: Page) =>
	page.evaluate(
		() => JSON.parse(localStorage.getItem('__test_push') ?? '{"log":[]}') as { endpoint: string | null; log: string[] }
	);

const notificationTitles = (page: Page) =>
	page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title));

async function signIn(page: Page, email: string) {
	standIn.advanceClock(standIn.settings.maxFrequency);
	await page.goto('/settings');
	await page.getByRole('textbox', { name: 'Email' }).fill(email);
	await page.getByRole('button', { name: 'Email me a code' }).click();
	await page.getByRole('status').filter({ hasText: 'We sent a code to' }).waitFor();
	await page.getByRole('textbox', { name: 'Code from the email' }).fill(standIn.mailbox(email).at(-1)!);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByText(`Signed in as ${email}`).waitFor();
}

const serverDevices = () =>
	database.transaction((query) =>
		query('select endpoint, time_zone from app_private.push_subscriptions order by created_at', [])
	) as Promise<{ endpoint: string; time_zone: string }[]>;

const reminders = (page: Page) => page.getByRole('region', { name: 'Reminders' });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules on the Reminders section (signed in: accessibility.test.ts sees it local-only), both themes. */
async function axeOnReminders(page: Page): Promise<string[]> {
	await page.evaluate(axeSource);
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const violations = await page.evaluate(async () => {
			const axe = (
				window as unknown as {
					axe: {
						run: (
							ctx: Element,
							opts: object
						) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
					};
				}
			).axe;
			const section = document.querySelector('[aria-labelledby="reminders-heading"]')!;
			const result = await axe.run(section, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
			});
			return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		});
		found.push(...violations.map((v) => `(${colorScheme}) ${v}`));
	}
	await page.emulateMedia({ colorScheme: 'light' });
	return found;
}

describe('Settings → Reminders, signed in', () => {
	it('turns notifications on and off for this device, tests them, saves the digest, quiet hours and hidden names, and forgets the device on sign-out', async () => {
		// A real P-256 point for the device's key, as the server checks its shape.
		const { context, page } = await device(site.url, {
			notifications: true,
			init: fakePushService,
			initArg: TEST_VAPID_PUBLIC_KEY
		});
		await setUpCard(page, { name: 'Ada Lovelace' });
		await waitForServiceWorker(page);
		await signIn(page, 'ada.reminders@example.org');

		// This device: off until the person taps it.
		const notify = reminders(page).getByRole('checkbox', { name: 'Notify me on this device' });
		expect(await notify.isChecked()).toBe(false);
		await notify.check();
		await reminders(page).getByRole('status').filter({ hasText: 'Notifications are on for this device.' }).waitFor();
		expect(await notify.isChecked()).toBe(true);
		const subscribed = await pushLog(page);
		expect(subscribed.log).toEqual([`subscribe true ${TEST_VAPID_PUBLIC_KEY}`]);
		expect(await serverDevices()).toEqual([{ endpoint: subscribed.endpoint, time_zone: 'Europe/Berlin' }]);

		await reminders(page).getByRole('button', { name: 'Send a test notification' }).click();
		// Said once showNotification() has resolved (it is on screen): reading the notifications before
		// that can lose it (see background-services.ts).
		await reminders(page).getByRole('status').filter({ hasText: 'Sent: it shows as reminders will.' }).waitFor();
		expect(await notificationTitles(page)).toEqual(['Test notification']);

		// The account: the server's defaults, then a change that first meets no network.
		const form = reminders(page).getByRole('form', { name: 'Reminder settings' });
		await form.waitFor();
		expect(await form.getByLabel('Quiet from').inputValue()).toBe('21:00');
		expect(await form.getByLabel('Quiet until').inputValue()).toBe('08:00');
		expect(await form.getByRole('checkbox', { name: /Email me a digest/ }).isChecked()).toBe(false);
		expect(await axeOnReminders(page)).toEqual([]);
		await form.getByRole('checkbox', { name: /Email me a digest/ }).check();
		await form.getByLabel('Digest time').fill('07:30');
		await form.getByLabel('Quiet from').fill('22:00');
		await form.getByRole('checkbox', { name: 'Hide names on the lock screen' }).check();
		await context.setOffline(true);
		await form.getByRole('button', { name: 'Save reminder settings' }).click();
		await form.getByRole('alert').filter({ hasText: 'Not saved: the server could not be reached.' }).waitFor();
		expect(await form.getByLabel('Digest time').inputValue()).toBe('07:30');
		expect(await form.getByRole('checkbox', { name: 'Hide names on the lock screen' }).isChecked()).toBe(true);
		await context.setOffline(false);
		await form.getByRole('button', { name: 'Save reminder settings' }).click();
		await form.getByRole('status').filter({ hasText: 'Reminder settings saved.' }).waitFor();
		const saved = await database.transaction((query) =>
			query(
				`select digest, to_char(digest_time, 'HH24:MI') as digest_time, to_char(quiet_start, 'HH24:MI') as quiet_start,
				        to_char(quiet_end, 'HH24:MI') as quiet_end, time_zone, hide_names
				 from app_private.reminder_settings`,
				[]
			)
		);
		expect(saved).toEqual([
			{
				digest: true,
				digest_time: '07:30',
				quiet_start: '22:00',
				quiet_end: '08:00',
				time_zone: 'Europe/Berlin',
				hide_names: true
			}
		]);

		// Opened again, Settings shows what was saved, and that this device is on.
		await page.reload();
		await reminders(page).getByRole('form', { name: 'Reminder settings' }).waitFor();
		expect(await form.getByLabel('Digest time').inputValue()).toBe('07:30');
		expect(await notify.isChecked()).toBe(true);

		// Off: the device stops listening and the server forgets it.
		await notify.uncheck();
		await reminders(page).getByRole('status').filter({ hasText: 'Notifications are off for this device.' }).waitFor();
		expect((await pushLog(page)).log.at(-1)).toBe('unsubscribe');
		expect(await serverDevices()).toEqual([]);

		// On again, then signing out: no reminder reaches this device afterwards.
		await notify.check();
		await reminders(page).getByRole('status').filter({ hasText: 'Notifications are on for this device.' }).waitFor();
		expect(await serverDevices()).toHaveLength(1);
		await page.getByRole('region', { name: 'Sync' }).getByRole('button', { name: 'Sign out' }).click();
		await page.getByRole('textbox', { name: 'Email' }).waitFor();
		expect(await serverDevices()).toEqual([]);
		expect(await pushLog(page)).toMatchObject({ endpoint: null });
		expect((await pushLog(page)).log.at(-1)).toBe('unsubscribe');
		expect(await notificationTitles(page)).toEqual([]);
		// Signed out, the device says how to get them again.
		await reminders(page)
			.getByRole('status')
			.filter({ hasText: 'Notifications with the app closed come through your account: sign in under Sync' })
			.waitFor();
		await context.close();
		expect(problems).toEqual([]);
	});
	it('"Delete all my data" takes the device off the server and stops it listening; a failed "on" leaves it off', async () => {
		const { context, page } = await device(site.url, {
			notifications: true,
			init: fakePushService,
			initArg: TEST_VAPID_PUBLIC_KEY
		});
		await setUpCard(page, { name: 'Grace Hopper' });
		await waitForServiceWorker(page);
		await signIn(page, 'grace.reminders@example.org');
		const notify = reminders(page).getByRole('checkbox', { name: 'Notify me on this device' });

		// The server unreachable as the device subscribes: it is left unsubscribed, and says so.
		await context.setOffline(true);
		// click, not check: the box is unticked again by the time the click returns.
		await notify.click();
		await reminders(page)
			.getByRole('status')
			.filter({ hasText: "The server couldn't be told, so notifications stay off." })
			.waitFor();
		expect(await notify.isChecked()).toBe(false);
		expect(await pushLog(page)).toMatchObject({ endpoint: null });
		await context.setOffline(false);

		await notify.check();
		await reminders(page).getByRole('status').filter({ hasText: 'Notifications are on for this device.' }).waitFor();
		expect(await serverDevices()).toHaveLength(1);
		await page.getByRole('button', { name: 'Delete all my data' }).click();
		await page
			.getByRole('dialog', { name: 'Delete all your data?' })
			.getByRole('button', { name: 'Delete all my data' })
			.click();
		await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
		expect(await serverDevices()).toEqual([]);
		expect(await pushLog(page)).toMatchObject({ endpoint: null });
		await context.close();
		expect(problems).toEqual([]);
	});
	it('the browser renews the push subscription: the service worker keeps the new one, the app tells the server, which forgets the old one', async () => {
		const { context, page } = await device(site.url, {
			notifications: true,
			init: fakePushService,
			initArg: TEST_VAPID_PUBLIC_KEY
		});
		await setUpCard(page, { name: 'Mary Jackson' });
		await waitForServiceWorker(page);
		await signIn(page, 'mary.renewal@example.org');
		await reminders(page).getByRole('checkbox', { name: 'Notify me on this device' }).check();
		await reminders(page).getByRole('status').filter({ hasText: 'Notifications are on for this device.' }).waitFor();
		const old = (await pushLog(page)).endpoint!;
		expect((await serverDevices()).map((d) => d.endpoint)).toContain(old);

		// Chromium never fires pushsubscriptionchange (Firefox does, when its push service rotates a
		// subscription), so the real service worker is handed one, as the browser would hand it: the
		// old subscription and the new one. Its handler renews, keeps the new one and tells open windows.
		const renewed = 'https://push.example/send/renewed-by-the-browser';
		const worker = context.serviceWorkers().find((w) => w.url().startsWith(site.url))!;
		await worker.evaluate(
			({ old, renewed, p256dh }) => {
				const scope = self as unknown as { dispatchEvent(event: Event): boolean; ExtendableEvent: typeof Event };
				const event = new scope.ExtendableEvent('pushsubscriptionchange');
				Object.defineProperties(event, {
					oldSubscription: { value: { endpoint: old, options: { applicationServerKey: null } } },
					newSubscription: {
						value: {
							endpoint: renewed,
							toJSON: () => ({
								endpoint: renewed,
								expirationTime: null,
								keys: { p256dh, auth: 'AAECAwQFBgcICQoLDA0ODw' }
							})
						}
					}
				});
				scope.dispatchEvent(event);
			},
			{ old, renewed, p256dh: TEST_VAPID_PUBLIC_KEY }
		);
		// The server has the new endpoint for this device, in its time zone, and no longer the old one.
		await expect
			.poll(async () => (await serverDevices()).filter((d) => d.endpoint === old || d.endpoint === renewed))
			.toEqual([{ endpoint: renewed, time_zone: 'Europe/Berlin' }]);
		await context.close();
		expect(problems).toEqual([]);
	});
});

describe('Settings → Reminders says what each device needs', () => {
	it('an iPhone in a Safari tab: the Home Screen steps first; opened from the Home Screen: the sign-in it needs', async () => {
		const tab = await device(site.url, {
			userAgent: IPHONE_SAFARI,
			// Safari tabs on iOS have no PushManager.
			init: () => delete (window as { PushManager?: unknown }).PushManager
		});
		await tab.page.goto('/settings');
		const section = reminders(tab.page);
		await section
			.getByText('On iPhone and iPad, notifications come only to apps added to the Home Screen (iOS 16.4 or later).')
			.waitFor();
		const steps = section.getByRole('list', { name: 'Add the app to the Home Screen' }).getByRole('listitem');
		expect(await steps.allInnerTexts()).toEqual([
			'In Safari, tap the Share button (the square with an arrow).',
			'Choose “Add to Home Screen”, then “Add”.',
			'Open the app from the Home Screen, come back to Settings, and turn on “Notify me on this device”.'
		]);
		expect(await section.getByRole('checkbox', { name: 'Notify me on this device' }).count()).toBe(0);
		await tab.context.close();

		const homeScreen = await device(site.url, {
			userAgent: IPHONE_SAFARI,
			init: () => Object.defineProperty(navigator, 'standalone', { value: true })
		});
		await homeScreen.page.goto('/settings');
		await reminders(homeScreen.page)
			.getByText(
				'Notifications with the app closed come through your account: sign in under Sync to turn them on here.'
			)
			.waitFor();
		expect(await reminders(homeScreen.page).getByRole('list', { name: 'Add the app to the Home Screen' }).count()).toBe(
			0
		);
		await homeScreen.context.close();
		expect(problems).toEqual([]);
	});

	it('notifications refused, or no push in this browser: says so in plain words and offers the calendar', async () => {
		const refused = await device(site.url);
		// Granting one permission refuses the others: the person said no to notifications.
		await refused.context.grantPermissions(['geolocation'], { origin: site.url });
		await refused.page.goto('/settings');
		await reminders(refused.page)
			.getByText(
				'Your browser said no to notifications for this app. Allow them in the site settings (the icon beside the address), then come back here.'
			)
			.waitFor();
		expect(await reminders(refused.page).getByRole('link', { name: 'Add to calendar on Follow-ups' }).isVisible()).toBe(
			true
		);
		await refused.context.close();

		const noPush = await device(site.url, { init: () => delete (window as { PushManager?: unknown }).PushManager });
		await noPush.page.goto('/settings');
		await reminders(noPush.page)
			.getByText('This browser cannot receive notifications while the app is closed.')
			.waitFor();
		await noPush.context.close();
		expect(problems).toEqual([]);
	});

	it('local-only: no account, so the calendar is offered; a test notification shows through the service worker', async () => {
		// The app built without Supabase settings (build/, served by the e2e global setup).
		const { context, page } = await device(baseUrl(), { notifications: true });
		await setUpCard(page, { name: 'Ada Lovelace' });
		await waitForServiceWorker(page);
		await page.goto('/settings');
		const section = reminders(page);
		await section
			.getByText(
				'Notifications with the app closed come from a server, and this copy of the app keeps everything on this phone, without an account.'
			)
			.waitFor();
		await section.getByRole('link', { name: 'Add to calendar on Follow-ups' }).click();
		await page.waitForURL(/\/follow-ups$/);
		await page.goBack();
		await section.getByRole('button', { name: 'Send a test notification' }).click();
		// Said once showNotification() has resolved: the notification is on screen, and reading it is safe.
		await section.getByRole('status').filter({ hasText: 'Sent: it shows as reminders will.' }).waitFor();
		expect(await notificationTitles(page)).toEqual(['Test notification']);
		await context.close();
		expect(problems).toEqual([]);
	});
});
