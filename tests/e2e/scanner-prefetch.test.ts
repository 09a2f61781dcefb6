// The scanner (html5-qrcode, ~106 KB gzipped, and the ZXing WebAssembly, ~1.1 MB) downloads while
// the browser asks for the camera, not before or after: on conference Wi-Fi the download and the
// person reading the prompt overlap. The prompt is held open by the test (a wrapped getUserMedia)
// and the scanner's chunk is held on the network, to show each one waits for nobody.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { badgeFixture } from '../support/fixtures';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { qrTextToY4m, scratchDir } from '../support/video';
import { baseUrl, showContactFields, watchPage } from './harness';

let browser: Browser | null = null;
afterEach(async () => {
	await browser?.close();
	browser = null;
});

/** The file Vite emitted for a source module of the build. */
function chunkOf(source: string): string {
	const manifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as Record<
		string,
		{ file: string }
	>;
	const entry = manifest[source];
	if (!entry) throw new Error(`${source} is not in the build's manifest`);
	return `/${entry.file}`;
}

/**
 * Records when the page asks for the camera. With `firstVisit`, the browser behaves as for someone
 * who has not answered the camera prompt yet: the permission reads "prompt" and the first request
 * stays unanswered (the prompt is open) until the test calls __answerPrompt().
 */
function watchCamera(firstVisit: boolean) {
	const calls: number[] = [];
	const page = window as unknown as { __cameraCalls: number[]; __answerPrompt: () => void; __answeredAt: number };
	page.__cameraCalls = calls;
	let answered = false;
	let answer = () => {};
	const answering = new Promise<void>((resolve) => (answer = resolve));
	page.__answerPrompt = () => ((answered = true), (page.__answeredAt = performance.now()), answer());
	const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
	navigator.mediaDevices.getUserMedia = async (constraints) => {
		calls.push(performance.now());
		if (firstVisit && calls.length === 1) await answering;
		return getUserMedia(constraints);
	};
	const query = navigator.permissions.query.bind(navigator.permissions);
	navigator.permissions.query = async (descriptor) => {
		const status = await query(descriptor);
		if (!firstVisit || answered || descriptor.name !== 'camera') return status;
		return Object.assign(Object.create(status), { state: 'prompt' }) as PermissionStatus;
	};
}

const cameraCalls = (page: Page) =>
	page.evaluate(() => (window as unknown as { __cameraCalls: number[] }).__cameraCalls);

/** When the scanner's chunk had fully arrived (performance.now() time), or null if not yet. */
const scannerArrived = (page: Page, path: string) =>
	page.evaluate((path) => {
		const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path);
		return entry ? (entry as PerformanceResourceTiming).responseEnd : null;
	}, path);

async function openScanner(granted: boolean) {
	const video = await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir());
	browser = await launchChromium(fakeCameraFlags(video));
	// No service worker: every request of the page goes to the network, where the test can hold it.
	const context = await browser.newContext({ baseURL: baseUrl(), serviceWorkers: 'block' });
	if (granted) await context.grantPermissions(['camera']);
	const page = await context.newPage();
	const problems: string[] = [];
	watchPage(page, problems);
	await page.addInitScript(watchCamera, !granted);
	return { page, problems };
}

describe('the scanner downloads while the camera prompt is open', () => {
	it('asks for the camera before the scanner has arrived, and fetches scanner and WebAssembly during the prompt', async () => {
		const { page, problems } = await openScanner(false);
		const scanner = chunkOf('src/lib/adapters/scanner/index.ts');
		const requested = { scanner: false, wasm: false };
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path === scanner) requested.scanner = true;
			if (path.endsWith('.wasm')) requested.wasm = true;
		});
		let releaseScanner = () => {};
		const scannerHeld = new Promise<void>((resolve) => (releaseScanner = resolve));
		await page.route(`**${scanner}`, async (route) => {
			await scannerHeld;
			await route.continue();
		});

		await page.goto('/scan');
		// The prompt is open while the scanner is still on its way (held): it did not wait for it.
		await expect.poll(() => cameraCalls(page).then((calls) => calls.length)).toBe(1);
		expect(requested.scanner).toBe(true);
		expect(await scannerArrived(page, scanner)).toBeNull();
		await page.getByRole('status').filter({ hasText: 'Starting the camera…' }).waitFor();

		// The scanner arrives while the person is still reading the prompt, and its WebAssembly is
		// fetched then too.
		releaseScanner();
		await expect.poll(() => requested.wasm).toBe(true);
		expect((await cameraCalls(page)).length).toBe(1);

		await page.evaluate(() => (window as unknown as { __answerPrompt: () => void }).__answerPrompt());
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		// The same, on the page's own clock (milliseconds since it started loading).
		const timeline = await page.evaluate((path) => {
			const start = (match: (p: string) => boolean) =>
				performance.getEntriesByType('resource').find((e) => match(new URL(e.name).pathname))?.startTime ?? NaN;
			const w = window as unknown as { __cameraCalls: number[]; __answeredAt: number };
			return {
				prompt: w.__cameraCalls[0]!,
				scanner: start((p) => p === path),
				wasm: start((p) => p.endsWith('.wasm')),
				answered: w.__answeredAt
			};
		}, scanner);
		expect(timeline.scanner).toBeLessThan(timeline.answered);
		expect(timeline.wasm).toBeLessThan(timeline.answered);
		const ms = (t: number) => `${Math.round(t)} ms`;
		console.log(
			`scanner prefetch: prompt opened at ${ms(timeline.prompt)}, scanner requested at ${ms(timeline.scanner)}, ` +
				`its WebAssembly at ${ms(timeline.wasm)}, prompt answered at ${ms(timeline.answered)} (held by the test)`
		);
		expect(problems).toEqual([]);
	});

	it('opens the camera once when it is allowed already (no prompt, no second start)', async () => {
		const { page, problems } = await openScanner(true);
		const scanner = chunkOf('src/lib/adapters/scanner/index.ts');
		await page.goto('/scan');
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		// Nothing asked for the camera before the scanner was there to open it itself.
		const arrived = await scannerArrived(page, scanner);
		expect(arrived).toBeTypeOf('number');
		const calls = await cameraCalls(page);
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.every((at) => at > arrived!)).toBe(true);
		expect(problems).toEqual([]);
	});
});
