import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.mjs';
import { fixturesDir } from '../support/fixtures';
import { baseUrl, setUpCard, watchPage } from './harness';

let browser: Browser | null = null;
afterEach(async () => {
	await browser?.close();
	browser = null;
});

it('reads a photo the first pass cannot through the cascade, from this origin, with one copy of the decoder', async () => {
	browser = await launchChromium();
	const context = await browser.newContext({ baseURL: baseUrl() });
	const page = await context.newPage();
	const problems: string[] = [];
	watchPage(page, problems);
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await setUpCard(page, { name: 'Ada Lovelace' });
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();

	// An artistic QR code over an aerial photo (ZXing's test set): html5-qrcode with the
	// BarcodeDetector reads nothing at either size; the cascade's global-histogram step reads it.
	const photo = join(fixturesDir, 'qr-photos/qrcode-2/12.png');
	const expected = readFileSync(join(fixturesDir, 'qr-photos/qrcode-2/12.txt'), 'utf8');
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Photo of a code' }).click();
	await (await chooser).setFiles(photo);
	await page.waitForURL(/\/capture\//, { timeout: 20_000 });
	await page.getByText('Scanned text').click();
	expect(await page.locator('details pre').textContent()).toBe(expected);

	const origin = new URL(baseUrl()).origin;
	// (A blob: URL's origin is the page's; data: URLs have none and fetch nothing.)
	expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
	// The cascade runs ZXing-C++ through the polyfill's module: one WebAssembly file, fetched once.
	expect(requests.filter((url) => url.endsWith('.wasm'))).toHaveLength(1);
	expect(problems).toEqual([]);
});
