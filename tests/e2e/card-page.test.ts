import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blankCard, validateCard } from '$lib/domain/card/my-card';
import { encodeCardFragment, type SharedCard } from '$lib/domain/card/share-link';
import { launchChromium } from '../support/browser.mjs';
import { kb, measureRoute, TYPICAL_CARD, typicalCardPath } from '../support/route-bytes';
import { baseUrl, waitForServiceWorker, watchPage } from './harness';

// The card page (/c#…, c.html) is what strangers open from a QR code, on cellular or crowded Wi-Fi,
// without the app: issue 12's budget is 30 KB of JavaScript (gzip -9) on a cold load, no IndexedDB
// and no service-worker work before first paint.
const BUDGET = 30 * 1024;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function open(
	path: string
): Promise<{ context: BrowserContext; page: Page; problems: string[]; urls: string[] }> {
	const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	const problems: string[] = [];
	const urls: string[] = [];
	watchPage(page, problems);
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	context.on('request', (request) => urls.push(new URL(request.url()).pathname));
	await page.goto(path);
	return { context, page, problems, urls };
}

describe('the card page', () => {
	it(`fetches at most ${kb(BUDGET)} of JavaScript on a cold load and opens no IndexedDB`, async () => {
		const measured = await measureRoute(browser, baseUrl(), typicalCardPath(baseUrl()));
		const listing = measured.scripts.map((s) => `${kb(s.gzip)} ${s.path}`).join(', ');
		expect(measured.gzip, listing).toBeLessThanOrEqual(BUDGET);
		expect(measured.scripts.length, listing).toBeGreaterThan(0);
		expect(measured.indexedDb).toBe(false);
	});

	it('shows the card and registers no service worker, neither before first paint nor after', async () => {
		const { context, page, problems, urls } = await open(typicalCardPath(baseUrl()));
		await page.getByRole('heading', { name: TYPICAL_CARD.name, level: 1 }).waitFor();
		await page.waitForLoadState('networkidle');
		const painted = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length);
		expect(painted).toBe(1);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
		expect(urls.filter((path) => /service-worker|workbox|manifest\.webmanifest/.test(path))).toEqual([]);
		expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
		// The app itself is not loaded, nor the code that makes the visitor's own card (until they use the form).
		expect(urls.filter((path) => /\/_app\/immutable\/(entry|nodes|chunks)\//.test(path))).toEqual([]);
		expect(urls.filter((path) => path.includes('send-back-result'))).toEqual([]);
		expect(await page.title()).toBe(`${TYPICAL_CARD.name} — contact card`);
		await page.getByRole('textbox', { name: 'Your name' }).focus();
		await expect.poll(() => urls.filter((path) => path.includes('send-back-result')).length).toBe(1);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('opens offline on a phone with the app installed: the service worker serves it for /c from its precache', async () => {
		const { context, page, problems } = await open('/');
		await waitForServiceWorker(page);
		await context.setOffline(true);
		const response = await page.goto(typicalCardPath(baseUrl()));
		expect(response?.fromServiceWorker()).toBe(true);
		await page.getByRole('heading', { name: TYPICAL_CARD.name, level: 1 }).waitFor();
		expect(new URL(page.url()).pathname).toBe('/c');
		// And from a link with a trailing slash.
		await page.goto(`/c/#${encodeCardFragment({ ...TYPICAL_CARD, name: 'Ada Lovelace' })}`);
		await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
		expect(problems).toEqual([]);
		await context.close();
	});

	it('shows a hostile card as text: no element made from it, no script link, no dialog', async () => {
		const hostile: SharedCard = {
			...TYPICAL_CARD,
			name: '<img src=x onerror=alert(1)>Eve',
			company: '<script>alert(2)</script>',
			helpWith: '<b onmouseover=alert(3)>hover</b>',
			email: 'not an email',
			phone: 'call me',
			link: 'javascript:alert(4)'
		};
		const { context, page, problems } = await open(`/c#${encodeCardFragment(hostile)}`);
		const heading = page.getByRole('heading', { level: 1 });
		await heading.waitFor();
		expect(await heading.textContent()).toBe('<img src=x onerror=alert(1)>Eve');
		await page.getByText('<script>alert(2)</script>').waitFor();
		await page.getByText('<b onmouseover=alert(3)>hover</b>').waitFor();
		const injected = await page.evaluate(
			() =>
				document.querySelectorAll('img, b, [onerror], [onmouseover], a[href^="javascript:" i]').length +
				[...document.scripts].filter((script) => script.textContent?.includes('alert(')).length
		);
		expect(injected).toBe(0);
		// The fields that were not what they claimed are left out, not linked.
		expect(await page.locator('a[href^="mailto:"], a[href^="tel:"]').count()).toBe(0);
		expect(await page.getByRole('term').allTextContents()).toEqual(['Can help with']);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('checks what the visitor types as the app does, keeps it over a reload, and keeps the email in step', async () => {
		const owner: SharedCard = { ...TYPICAL_CARD, name: 'Grace Hopper', email: 'grace@navy.example' };
		const { context, page, problems } = await open(`/c#${encodeCardFragment(owner)}`);
		// A missing name is said at once, in the app's words.
		await page.getByRole('button', { name: 'Make my card' }).click();
		expect(await page.getByRole('textbox', { name: 'Your name' }).getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('#back-name-error').textContent()).toBe(validateCard(blankCard()).errors.name);
		await page.getByRole('textbox', { name: 'Your name' }).fill('Katherine Johnson');
		await page.getByRole('textbox', { name: 'Email' }).fill('katherine@');
		await page.getByRole('textbox', { name: 'Phone' }).fill('call me maybe');
		await page.getByRole('button', { name: 'Make my card' }).click();
		const email = page.getByRole('textbox', { name: 'Email' });
		await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByText('This email address does not look right.').isVisible()).toBe(true);
		expect(await page.getByRole('textbox', { name: 'Phone' }).getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('textbox', { name: 'Your name' }).getAttribute('aria-invalid')).toBeNull();
		// The first field in error has the focus, and says what is wrong.
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('back-email');
		expect(await email.getAttribute('aria-describedby')).toBe('back-email-error');

		// What was typed stays in this tab.
		await page.reload();
		await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
		expect(await page.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Katherine Johnson');
		await page.getByRole('textbox', { name: 'Email' }).fill('katherine@orbits.example');
		await page.getByRole('textbox', { name: 'Phone' }).fill('+1 202 555 0199');
		await page.getByRole('button', { name: 'Make my card' }).click();
		const result = page.getByRole('heading', { name: 'Your card for Grace Hopper' });
		await result.waitFor();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('send-back-result');
		await page
			.getByRole('img', { name: 'QR code with the contact card of Katherine Johnson' })
			.locator('svg')
			.waitFor();
		const body = async () => {
			const href = await page.getByRole('link', { name: 'Email my card to Grace Hopper' }).getAttribute('href');
			return new URLSearchParams(href!.split('?')[1]).get('body') ?? '';
		};
		expect(await body()).toContain('Phone: +12025550199');
		await page.getByRole('textbox', { name: 'Where we met (optional)' }).fill('At the compiler talk.');
		expect(await body()).toContain('This is Katherine Johnson. At the compiler talk.');

		// Another card opened in the same tab: that card, and a fresh answer to it.
		const other: SharedCard = { ...TYPICAL_CARD, name: 'Ada Lovelace', email: 'ada@engines.example' };
		await page.evaluate((hash) => (location.hash = hash), encodeCardFragment(other));
		await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
		expect(await page.title()).toBe('Ada Lovelace — contact card');
		expect(await result.count()).toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});
});
