import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeFixture } from '../support/fixtures';
import { blankY4m, qrTextToY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

/** Built chunks that contain the scanner (html5-qrcode or the ZXing polyfill). */
function scannerChunks(): string[] {
	const dir = 'build/_app/immutable/chunks';
	return readdirSync(dir).filter((file) => {
		const code = readFileSync(join(dir, file), 'utf8');
		return code.includes('QR code parse error') || code.includes('zxing_reader');
	});
}

/** Where the app's frame (header, main, navigation) is on the page, in CSS pixels. */
function frameBoxes(page: Page) {
	return page.evaluate(() =>
		['header', 'main', 'nav'].map((selector) => {
			const elements = document.querySelectorAll(selector);
			if (elements.length !== 1) throw new Error(`${elements.length} × ${selector}`);
			const box = (elements[0] as Element).getBoundingClientRect();
			// The main's height is its content's: the frame fixes only where the content starts.
			return { selector, x: box.x, y: box.y, width: box.width, height: selector === 'main' ? null : box.height };
		})
	);
}

describe('app shell', () => {
	it("draws the app's frame before its code has loaded, where the app then draws it", async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { browser, page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/people');
		await page.getByRole('heading', { name: 'People' }).waitFor();
		const drawnByTheApp = await frameBoxes(page);
		expect(await page.locator('#app-frame').count()).toBe(0);

		// The same page as a phone shows it while the scripts are still on their way.
		const noScripts = await browser.newContext({
			baseURL: page.url(),
			viewport: page.viewportSize(),
			javaScriptEnabled: false
		});
		const before = await noScripts.newPage();
		await before.goto('/people');
		await before.getByText('Loading…').waitFor();
		expect(await frameBoxes(before)).toEqual(drawnByTheApp);
		await noScripts.close();
		expect(session.problems).toEqual([]);
	});

	it('moves nothing it has drawn as a screen starts, on a phone-speed CPU', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.addInitScript(() => {
			const shifts: number[] = [];
			(window as unknown as { shifts: number[] }).shifts = shifts;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
			}).observe({ type: 'layout-shift', buffered: true });
		});
		const cdp = await page.context().newCDPSession(page);
		// Lighthouse's mobile preset slows the CPU 4×: answers that come after the first paint then
		// arrive after it here too.
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		for (const [route, heading] of [
			['/settings', 'Settings'],
			['/people', 'People'],
			['/follow-ups', 'Follow-ups'],
			['/', 'Which event are you at?']
		] as const) {
			await page.goto(route);
			await page.getByRole('heading', { name: heading }).waitFor();
			await page.waitForTimeout(1000);
			const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
			expect({ route, shift: shifts.reduce((sum, value) => sum + value, 0) }).toEqual({ route, shift: 0 });
		}
		expect(session.problems).toEqual([]);
	});

	it('loads the scanner and its WebAssembly only when the scan view opens', async () => {
		const chunks = scannerChunks();
		expect(chunks.length).toBeGreaterThan(0);
		session = await openSession(await qrTextToY4m(badgeFixture('opaque-id').payload, scratchDir()));
		const { page } = session;
		const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/');
		await page.getByRole('heading', { name: 'Which event are you at?' }).waitFor();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.getByRole('heading', { name: 'People' }).waitFor();
		const beforeScan = await loaded();
		expect(beforeScan.filter((url) => chunks.some((c) => url.endsWith(c)) || url.endsWith('.wasm'))).toEqual([]);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		const afterScan = await loaded();
		expect(afterScan.some((url) => /\/_app\/immutable\/assets\/zxing_reader\.[\w-]+\.wasm$/.test(url))).toBe(true);
		expect(afterScan.some((url) => chunks.some((c) => url.endsWith(c)))).toBe(true);
		expect(session.problems).toEqual([]);
	});
});
