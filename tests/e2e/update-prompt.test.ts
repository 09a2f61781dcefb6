import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.mjs';
import { serveStatic } from '../support/static-server';
import { scratchDir } from '../support/video';
import { setUpCard, watchPage } from './harness';
import type { Browser } from 'playwright-core';

let browser: Browser | null = null;
let server: { close: () => Promise<void> } | null = null;
afterEach(async () => {
	await browser?.close();
	await server?.close();
	browser = null;
	server = null;
});

describe('new version prompt', () => {
	it('offers "Reload" when a new version is deployed, and reloading switches to it', async () => {
		// The static build, served as a static host would; then a "deploy" changes the service worker.
		const root = join(scratchDir('enc-deploy-'), 'site');
		cpSync('build', root, { recursive: true });
		const site = await serveStatic(root);
		server = site;
		browser = await launchChromium();
		const page = await browser.newPage({ baseURL: site.url });
		const problems: string[] = [];
		watchPage(page, problems);

		await page.goto('/card');
		await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		// First visit: the service worker takes control at once (clientsClaim).
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		// The first install says so, without asking anything.
		await page.getByRole('status').filter({ hasText: 'Ready to work offline.' }).waitFor();
		expect(await page.getByText('A new version is available.').count()).toBe(0);

		appendFileSync(join(root, 'service-worker.js'), '\n// deployed again\n');
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const prompt = page.getByRole('alert').filter({ hasText: 'A new version is available.' });
		await prompt.waitFor({ timeout: 20_000 });

		const reloaded = page.waitForEvent('load');
		await prompt.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
		expect(await page.getByText('A new version is available.').count()).toBe(0);
		// The new version is the one in charge: nothing is left waiting.
		expect(
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)
		).toBeNull();
		expect(problems).toEqual([]);
	});

	for (const viewport of [
		{ width: 420, height: 860 },
		{ width: 360, height: 640 }
	])
		it(`"Ready to work offline." never covers the code on "Show my QR" (${viewport.width}×${viewport.height})`, async () => {
			const site = await serveStatic('build');
			server = site;
			browser = await launchChromium();
			const page = await browser.newPage({ baseURL: site.url, viewport });
			const problems: string[] = [];
			watchPage(page, problems);

			// A first visit: the card set up straight away, then the code shown while the service
			// worker says it is ready (6 s).
			await setUpCard(page, { name: 'Ada Lovelace', email: 'ada@difference.example', company: 'Analytical Engines' });
			await page.getByRole('link', { name: 'Show my QR' }).click();
			const code = page.getByRole('img', { name: 'QR code with the contact card of Ada Lovelace' });
			const toast = page.getByRole('status').filter({ hasText: 'Ready to work offline.' });
			// Both measured in one go, once both are on screen (the toast goes by itself after 6 s).
			const boxes = await page.waitForFunction(
				([codeName, toastText]) => {
					const img = document.querySelector(`[role="img"][aria-label="${codeName}"]`);
					const note = [...document.querySelectorAll('[role="status"]')].find((e) =>
						e.textContent?.includes(toastText)
					);
					if (!img || !note) return null;
					const a = img.getBoundingClientRect();
					const b = note.getBoundingClientRect();
					return { code: [a.left, a.top, a.right, a.bottom], toast: [b.left, b.top, b.right, b.bottom] };
				},
				['QR code with the contact card of Ada Lovelace', 'Ready to work offline.'] as const
			);
			const { code: c, toast: t } = (await boxes.jsonValue())!;
			expect(await code.isVisible()).toBe(true);
			expect(await toast.count()).toBe(1);
			const overlaps = c[0]! < t[2]! && t[0]! < c[2]! && c[1]! < t[3]! && t[1]! < c[3]!;
			expect(overlaps, `code ${c.join(',')}, toast ${t.join(',')}`).toBe(false);
			expect(problems).toEqual([]);
		});

	it('"Reload" in one tab moves every open tab to the new version', async () => {
		const root = join(scratchDir('enc-deploy-'), 'site');
		cpSync('build', root, { recursive: true });
		const site = await serveStatic(root);
		server = site;
		browser = await launchChromium();
		const context = await browser.newContext({ baseURL: site.url });
		const problems: string[] = [];
		const [first, second] = [await context.newPage(), await context.newPage()];
		for (const page of [first, second]) {
			watchPage(page, problems);
			await page.goto('/card');
			await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		}
		let secondLoads = 0;
		second.on('load', () => secondLoads++);

		appendFileSync(join(root, 'service-worker.js'), '\n// deployed again\n');
		await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const prompt = (page: typeof first) => page.getByRole('alert').filter({ hasText: 'A new version is available.' });
		await prompt(first).waitFor({ timeout: 20_000 });
		await prompt(second).waitFor({ timeout: 20_000 });

		const reloaded = first.waitForEvent('load');
		await prompt(first).getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		// The other tab, whose old code's chunks the new version no longer keeps, reloads by itself.
		await expect.poll(() => secondLoads).toBe(1);
		await second.getByRole('heading', { name: 'Set up your card' }).waitFor();
		expect(await prompt(second).count()).toBe(0);
		expect(problems).toEqual([]);
	});
});
