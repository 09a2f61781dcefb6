// Booth point: dates, times and phone numbers in the person's locale format; the app follows the
// system's dark theme; at 200% text the first screen still shows the main actions.
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.mjs';
import { baseUrl, setUpCard, typeInPerson, watchPage } from './harness';

let browser: Browser | null = null;
afterEach(async () => {
	await browser?.close();
	browser = null;
});

async function open(options: BrowserContextOptions): Promise<{ page: Page; problems: string[] }> {
	browser = await launchChromium();
	const context = await browser.newContext({ baseURL: baseUrl(), ...options });
	// No camera here: contacts are typed in.
	await context.addInitScript(() => {
		navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('No camera', 'NotFoundError'));
	});
	const page = await context.newPage();
	const problems: string[] = [];
	watchPage(page, problems);
	return { page, problems };
}

async function createEvent(page: Page, name: string) {
	await page.goto('/events');
	await page.getByRole('textbox', { name: 'Event name' }).fill(name);
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.getByText(`New contacts now belong to ${name}.`).waitFor();
}

/** The relative luminance (WCAG) of a computed CSS colour such as "rgb(14, 24, 28)". */
function luminance(colour: string): number {
	const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the person’s own formats, theme and text size', () => {
	it('a German browser gets German dates and times, and German numbers in their national format', async () => {
		const { page, problems } = await open({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
		await page.clock.install({ time: new Date('2026-11-20T09:00:00Z') });
		await setUpCard(page, { name: 'Ada Lovelace' });
		await createEvent(page, 'Web Summit');
		// Typed as people in Germany write it; stored as +4930123456.
		await typeInPerson(page, { name: 'Lena Fischer', phone: '030 123456', note: 'Robotics grants in Bavaria' });

		// Due 48 hours later, at 10:00 in Berlin; this year, so no year.
		await page.getByRole('status').filter({ hasText: 'Saved. Follow up by 22. Nov., 10:00.' }).waitFor();
		expect(await page.getByRole('list', { name: 'Encounters' }).getByRole('heading').innerText()).toBe(
			'20. Nov., 10:00 · Web Summit'
		);
		expect(await page.getByRole('definition').innerText()).toBe('030 123456');
		expect(await page.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe('tel:+4930123456');

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.getByText('Met 20. Nov.').waitFor();
		await page.goto('/events');
		// An event's days, as German writes a date.
		await page.getByRole('list', { name: 'Your events' }).getByText('20.11.2026', { exact: true }).waitFor();
		expect(problems).toEqual([]);
	});

	it('follows the system’s dark theme: dark page, light text, and the QR code still dark on light', async () => {
		const { page, problems } = await open({ colorScheme: 'dark' });
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/');
		const main = page.getByRole('link', { name: 'Show my QR' });
		await main.waitFor();
		const colours = await page.evaluate(() => {
			const body = getComputedStyle(document.body);
			const root = getComputedStyle(document.documentElement);
			return { page: root.backgroundColor, text: body.color, scheme: root.colorScheme };
		});
		expect(colours.scheme).toBe('light dark');
		expect(luminance(colours.page)).toBeLessThan(0.05);
		expect(luminance(colours.text)).toBeGreaterThan(0.7);

		// The code is made for cameras: dark on light, whatever the theme.
		await main.click();
		await page.getByRole('img', { name: 'QR code with the contact card of Ada Lovelace' }).locator('svg').waitFor();
		const qrPage = await page.getByText('Ada Lovelace', { exact: true }).evaluate((name) => ({
			text: getComputedStyle(name).color,
			page: getComputedStyle(name.parentElement!).backgroundColor
		}));
		expect(luminance(qrPage.text)).toBeLessThan(0.05);
		expect(luminance(qrPage.page)).toBeGreaterThan(0.9);
		expect(problems).toEqual([]);
	});

	it('at 200% text on a phone, "Show my QR" and "Scan someone\'s badge" are on the first screen, nothing cut', async () => {
		const viewport = { width: 390, height: 844 };
		const { page, problems } = await open({ viewport });
		// 200% text: the root font size doubled on every page, as a browser's text size setting does
		// (sizes in rem and em grow; the viewport and pixel sizes stay).
		await page.context().addInitScript(() => {
			const grow = () =>
				document.head.append(
					Object.assign(document.createElement('style'), { textContent: 'html { font-size: 200%; }' })
				);
			if (document.head) grow();
			else document.addEventListener('DOMContentLoaded', grow, { once: true });
		});
		await setUpCard(page, { name: 'Ada Lovelace' });
		// With an event and a contact, the follow-up headline on the home screen is at its longest.
		await createEvent(page, 'Web Summit Lisbon');
		await typeInPerson(page, { name: 'Lena Fischer', note: 'Robotics grants in Bavaria' });
		await page.goto('/');
		await page.getByRole('region', { name: 'Followed up within 48 hours' }).waitFor();
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
		expect(await page.evaluate(() => window.scrollY)).toBe(0);

		const nav = (await page.getByRole('navigation', { name: 'Main' }).boundingBox())!;
		for (const name of ['Show my QR', "Scan someone's badge"]) {
			const box = (await page.getByRole('link', { name }).boundingBox())!;
			expect(box.y, name).toBeGreaterThanOrEqual(0);
			// Above the fixed navigation, so not hidden under it.
			expect(box.y + box.height, name).toBeLessThanOrEqual(nav.y);
		}
		// Each navigation label fits its place: none runs out of it or is cut.
		const cut = await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link')
			.evaluateAll((links) => links.filter((a) => a.scrollWidth > a.clientWidth).map((a) => a.textContent));
		expect(cut).toEqual([]);
		expect(nav.y + nav.height).toBeLessThanOrEqual(viewport.height);
		expect(problems).toEqual([]);
	});
});
