import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.mjs';
import { fixturesDir } from '../support/fixtures';
import { baseUrl, setUpCard, showContactFields, watchPage } from './harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';

let browser: Browser | null = null;
afterEach(async () => {
	await browser?.close();
	browser = null;
});

/** Keeps every camera track the context's pages get, to check which are still live. */
async function recordCameraTracks(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const tracks: MediaStreamTrack[] = [];
		const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
		navigator.mediaDevices.getUserMedia = async (constraints) => {
			const stream = await open(constraints);
			tracks.push(...stream.getVideoTracks());
			return stream;
		};
		Object.assign(window, { cameraTracks: tracks });
	});
}

/** The state of every camera track the page got, oldest first: 'live' or 'ended'. */
function cameraTracks(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		(window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((track) => track.readyState)
	);
}

/**
 * My card set up in a browser with Chromium's generated test-pattern camera (`devices` of them: a
 * video file would give only one), recording every camera track the page gets.
 */
async function openGeneratedCamera(devices = 1): Promise<{ page: Page; problems: string[] }> {
	const device = devices > 1 ? `=device-count=${devices}` : '';
	browser = await launchChromium(['--use-fake-ui-for-media-stream', `--use-fake-device-for-media-stream${device}`]);
	const context = await browser.newContext({ baseURL: baseUrl() });
	await recordCameraTracks(context);
	const page = await context.newPage();
	const problems: string[] = [];
	watchPage(page, problems);
	await setUpCard(page, { name: 'Ada Lovelace' });
	return { page, problems };
}

const liveTracks = async (page: Page) => (await cameraTracks(page)).filter((state) => state === 'live').length;

describe('when the camera cannot be used', () => {
	it('says so, then scans from a photo or takes typed details', async () => {
		// A fake camera exists but permission is never granted: getUserMedia is refused.
		browser = await launchChromium(['--use-fake-device-for-media-stream']);
		const context = await browser.newContext({ baseURL: baseUrl() });
		const page = await context.newPage();
		const problems: string[] = [];
		watchPage(page, problems);
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();

		await page.getByRole('alert').filter({ hasText: 'Camera access is blocked' }).waitFor();
		expect(await page.getByRole('button', { name: 'Try the camera again' }).isVisible()).toBe(true);

		// A real photo of a printed QR code (ZXing's test set) holding a plain-text card.
		const photo = join(fixturesDir, 'qr-photos/qrcode-1/16.png');
		const expected = readFileSync(join(fixturesDir, 'qr-photos/qrcode-1/16.txt'), 'utf8');
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Photo of a code' }).click();
		await (await chooser).setFiles(photo);
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		// A name guessed from a plain-text card: folded into one line with the rest, marked as a guess.
		await page.getByText('Guessed from the badge: check it.').filter({ visible: true }).waitFor();
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('srowen@google.com');
		expect(await page.getByText('Guessed from the badge: check it.').first().isVisible()).toBe(true);
		await page.getByText('Scanned text').click();
		expect(await page.locator('details pre').textContent()).toBe(expected);
		await page.getByRole('button', { name: 'Discard this scan' }).click();
		await page
			.getByRole('dialog', { name: 'Discard this scan?' })
			.getByRole('button', { name: 'Discard the scan and note' })
			.click();
		await page.waitForURL(/\/scan$/);

		// A photo without a code says so and keeps the user on the scan page.
		const blank = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Photo of a code' }).click();
		await (await blank).setFiles(join(fixturesDir, '../../../static/icon.svg'));
		await page
			.getByRole('alert')
			.filter({ hasText: /No QR code or barcode was found|could not be read/ })
			.waitFor();

		await page.getByRole('button', { name: 'Type it instead' }).click();
		await page.waitForURL(/\/capture\//);
		await page.getByRole('heading', { name: 'Who did you meet?' }).waitFor();
		expect(await page.locator('#save-why').textContent()).toMatch(/Type their name/);
		await page.getByRole('textbox', { name: 'Name' }).fill('Katherine Johnson');
		await page.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Orbital mechanics course for our interns');
		await expect.poll(() => page.locator('#save-why').textContent()).toMatch(/email address does not look right/);
		await page.getByRole('textbox', { name: 'Email' }).fill('katherine@nasa.example');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
		expect(problems).toEqual([]);
	});
});

describe('no camera at all', () => {
	it('says there is no camera and offers the photo and typed fallbacks', async () => {
		browser = await launchChromium();
		const context = await browser.newContext({ baseURL: baseUrl() });
		// A laptop without a camera: the browser reports no device.
		await context.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = () =>
				Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
		});
		const page = await context.newPage();
		const problems: string[] = [];
		watchPage(page, problems);
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByRole('alert').filter({ hasText: 'No camera was found on this device' }).waitFor();
		expect(await page.getByRole('button', { name: 'Photo of a code' }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Read a paper card' }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Type it instead' }).isVisible()).toBe(true);
		// Nothing to read a card from without a camera: only the photo is offered.
		expect(await page.getByRole('button', { name: 'Read the card in the camera' }).count()).toBe(0);
		expect(problems).toEqual([]);
	});
});

describe('camera controls', () => {
	it('offers a camera switch when there are two cameras, and switches', async () => {
		const { page, problems } = await openGeneratedCamera(2);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		const trackLabel = () =>
			page.evaluate(() => {
				const stream = document.querySelector('video')?.srcObject as MediaStream | null;
				return stream?.getVideoTracks()[0]?.label ?? null;
			});
		await page.getByText('Point the camera at the code on the badge or card.').waitFor();
		const first = await trackLabel();
		expect(first).not.toBeNull();
		// Listing the cameras opened no second stream beside the running one.
		await page.getByRole('button', { name: 'Switch camera' }).waitFor();
		expect(await cameraTracks(page)).toEqual(['live']);
		await page.getByRole('button', { name: 'Switch camera' }).click();
		await expect.poll(trackLabel).not.toBe(first);
		await page.getByText('Point the camera at the code on the badge or card.').waitFor();
		await expect.poll(() => cameraTracks(page)).toEqual(['ended', 'live']);
		// The fake cameras have no torch, so no torch button is offered.
		expect(await page.getByRole('button', { name: 'Torch' }).count()).toBe(0);
		expect(problems).toEqual([]);
	});
});

describe('leaving the scan page while the camera starts', () => {
	it('stops the camera quietly, with no error on the page', async () => {
		// html5-qrcode calls the video's play() without handling its promise; leaving before that
		// play() settles makes the browser abort it.
		const { page, problems } = await openGeneratedCamera();
		const main = page.getByRole('navigation', { name: 'Main' });
		for (let round = 0; round < 5; round++) {
			await main.getByRole('link', { name: 'Scan' }).click();
			await page.waitForURL(/\/scan$/);
			// The moment the scanner puts its video on the page (play() has just been called), leave.
			await page.evaluate(
				() =>
					new Promise<void>((resolve) => {
						const leave = () => {
							document.querySelector<HTMLAnchorElement>('nav[aria-label="Main"] a[href="/people"]')?.click();
							resolve();
						};
						if (document.querySelector('#camera-scanner video')) return leave();
						new MutationObserver((_, observer) => {
							if (!document.querySelector('#camera-scanner video')) return;
							observer.disconnect();
							leave();
						}).observe(document.body, { childList: true, subtree: true });
					})
			);
			await page.waitForURL(/\/people$/);
			// Long enough for an aborted play() to surface as an unhandled rejection.
			await page.waitForTimeout(300);
		}
		// Every camera the page opened was released.
		expect((await cameraTracks(page)).length).toBe(5);
		await expect.poll(() => liveTracks(page)).toBe(0);
		expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
		expect(problems).toEqual([]);
	});
});

describe('the page hidden while scanning', () => {
	it('turns the camera off while hidden, and back on when the page shows again', async () => {
		const { page, problems } = await openGeneratedCamera();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		const live = page.getByText('Point the camera at the code on the badge or card.');
		await live.waitFor();

		// Headless Chromium keeps every page visible: the page is told it is hidden (another app in
		// front, the phone locked), as the browser would tell it.
		const show = (state: 'hidden' | 'visible') =>
			page.evaluate((state) => {
				Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
				document.dispatchEvent(new Event('visibilitychange'));
			}, state);
		await show('hidden');
		await page.getByText('Camera paused.').waitFor();
		await expect.poll(() => liveTracks(page)).toBe(0);

		await show('visible');
		await live.waitFor();
		await expect.poll(() => liveTracks(page)).toBe(1);
		expect(await page.locator('#camera-scanner video').count()).toBe(1);

		// Hidden and shown again at once, while the camera is still starting: one camera, no error.
		await show('hidden');
		await show('visible');
		await show('hidden');
		await show('visible');
		await live.waitFor();
		await expect.poll(() => liveTracks(page)).toBe(1);
		expect(await page.locator('#camera-scanner video').count()).toBe(1);
		expect(problems).toEqual([]);
	});
});
