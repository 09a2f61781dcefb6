import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { baseUrl, setUpCard, watchPage } from './harness';
import type { Browser, Page } from 'playwright-core';

let browser: Browser | null = null;
afterEach(async () => {
	await browser?.close();
	browser = null;
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
	const pending = page.waitForEvent('download');
	await click();
	const file = await pending;
	return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

describe('events, people and exports', () => {
	it('files encounters under the current event, filters People by it, and exports the card and the person', async () => {
		const video = await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir());
		browser = await launchChromium(fakeCameraFlags(video));
		const context = await browser.newContext({ baseURL: baseUrl(), acceptDownloads: true });
		await context.addInitScript(() => {
			const buzzes: unknown[] = [];
			Object.defineProperty(window, '__buzzes', { value: buzzes });
			navigator.vibrate = (pattern) => (buzzes.push(pattern), true);
		});
		const page = await context.newPage();
		const problems: string[] = [];
		watchPage(page, problems);

		await setUpCard(page, { name: 'Ada Lovelace', email: 'ada@difference.example' });
		await page.getByRole('link', { name: 'Show my QR' }).click();
		const png = await download(page, () => page.getByRole('button', { name: 'Download PNG' }).click());
		expect(png.name).toBe('Ada-Lovelace.png');
		expect(png.body.subarray(1, 4).toString()).toBe('PNG');
		const svg = await download(page, () => page.getByRole('button', { name: 'Download SVG' }).click());
		expect(svg.body.toString()).toContain('<svg');

		await page.goto('/');
		await page.getByRole('link', { name: 'Pick or create an event' }).click();
		await page.getByRole('heading', { name: 'Which event are you at?' }).waitFor();
		await page.getByRole('textbox', { name: 'Event name' }).fill('Lagos Energy Week');
		const lastDay = await page.getByLabel('Last day').inputValue();
		await page.getByRole('checkbox', { name: 'Start the 48-hour clock when the event ends' }).check();
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.getByText('New contacts now belong to Lagos Energy Week.').waitFor();
		expect(await page.getByRole('button', { name: "I'm at Lagos Energy Week" }).getAttribute('aria-pressed')).toBe(
			'true'
		);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		expect(await page.evaluate(() => (window as unknown as { __buzzes: unknown[] }).__buzzes)).toEqual([80]);
		// The event list loads with the page: the current event is chosen once it is there.
		await expect.poll(() => page.getByRole('combobox', { name: 'Event' }).inputValue()).not.toBe('');
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Mini-grids for clinics; wants our tariff model');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByRole('list', { name: 'Encounters' }).getByText('Lagos Energy Week').waitFor();
		// The clock starts when the event ends: due 48 h after midnight following its last day.
		const expectedDue = await page.evaluate((lastDay) => {
			const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
			const due = new Date(y, m - 1, d + 1).getTime() + 48 * 3_600_000;
			// As the browser's language writes it, the year said only when it is not this year.
			const year = new Date(due).getFullYear() === new Date().getFullYear() ? undefined : 'numeric';
			return new Intl.DateTimeFormat(navigator.languages, {
				year,
				month: 'short',
				day: 'numeric',
				hour: 'numeric',
				minute: '2-digit'
			}).format(due);
		}, lastDay);
		expect(await page.getByRole('status').filter({ hasText: 'Saved.' }).textContent()).toContain(
			`Follow up by ${expectedDue}`
		);

		const vcf = await download(page, () => page.getByRole('button', { name: 'Add to phone contacts' }).click());
		expect(vcf.name).toBe('Adaeze-Okafor.vcf');
		const parsed = parseBadgePayload(vcf.body.toString());
		expect(parsed.fields).toMatchObject({
			name: 'Adaeze Okafor',
			email: 'adaeze@lumenlabs.example',
			phone: '+2348035550142'
		});
		expect(vcf.body.toString()).toContain('NOTE:Lagos Energy Week: Mini-grids for clinics\\; wants our tariff model');

		// A second person met at no event.
		await page.goto('/events');
		await page.getByRole('button', { name: 'Not at an event' }).click();
		// This camera would scan Adaeze again at once; refuse it so the person is typed in instead.
		await page.evaluate(() => {
			navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
		});
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByRole('alert').filter({ hasText: 'Camera access is blocked' }).waitFor();
		await page.getByRole('button', { name: 'Type it instead' }).click();
		await page.getByRole('textbox', { name: 'Name' }).fill('Bola Adeyemi');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Solar financing for schools in Ibadan');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		const people = page.getByRole('list', { name: 'People' });
		await expect.poll(() => people.getByRole('listitem').count()).toBe(2);
		await page.getByRole('combobox', { name: 'Met at' }).selectOption({ label: 'Lagos Energy Week' });
		await expect.poll(() => people.getByRole('listitem').count()).toBe(1);
		expect(await people.getByRole('link', { name: /Adaeze Okafor/ }).isVisible()).toBe(true);

		await page.getByRole('link', { name: 'Settings' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /Storage is|does not say/ })
			.waitFor();
		// Local-only, said for the person at the event: their data stays here, and a backup keeps it safe.
		expect(await page.getByText('Your data stays on this phone.').isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Sync: Local only' }).isVisible()).toBe(true);
		await page.getByRole('link', { name: 'Your data', exact: true }).click();
		await page.waitForURL(/#data-heading$/);
		// How to set up sync is for whoever runs the app: in the README, not on an attendee's screen.
		expect(await page.getByText('Supabase').count()).toBe(0);
		expect(problems).toEqual([]);
	});
});
