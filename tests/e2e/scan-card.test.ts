// "Read a paper card": a photo of a paper business card read by on-device OCR (tesseract.js in a worker,
// its files from the app's own origin), shown in the capture form to confirm, the note gate, saved.
// Cancelling stops the reading; a file that is not a picture gets a message; nothing is fetched off
// the origin; and once used, OCR works offline (the service worker kept its files).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankY4m, scratchDir } from '../support/video';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import {
	afterScriptRan,
	baseUrl,
	holdScript,
	openSession,
	setUpCard,
	showContactFields,
	waitForServiceWorker,
	watchPage,
	type Session
} from './harness';

const CARD = 'tests/support/fixtures/ocr-cards/card-05-classic';
const run = promisify(execFile);
const truth = JSON.parse(readFileSync(`${CARD}.json`, 'utf8')) as Record<string, string>;

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

/** Everything the page asked for that is not on the app's origin. */
function offOrigin(page: Page): string[] {
	const seen: string[] = [];
	page.context().on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(baseUrl()) && !/^(data|blob):/.test(url)) seen.push(url);
	});
	return seen;
}

async function openScanner(page: Page): Promise<void> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
	await cameraLive(page);
}

/** The camera view has its video (the buttons below it have stopped moving). */
async function cameraLive(page: Page): Promise<void> {
	await page.getByRole('heading', { name: 'Scan a badge or card', level: 1 }).waitFor();
	await page.getByText('Point the camera at the code on the badge or card.').waitFor();
}

async function chooseCardPhoto(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Read a paper card' }).click();
	await (await chooser).setFiles(file);
}

/** A plain grey photo through "Read a paper card": the reader finds nothing and says so. */
async function readBlankCard(page: Page): Promise<void> {
	const blank = join(scratchDir(), 'blank.png');
	await run('ffmpeg', [
		'-y',
		'-loglevel',
		'error',
		'-f',
		'lavfi',
		'-i',
		'color=c=gray:s=640x480',
		'-frames:v',
		'1',
		blank
	]);
	await cameraLive(page);
	await chooseCardPhoto(page, blank);
	await page
		.getByRole('alert')
		.filter({ hasText: 'No name or contact details were found' })
		.waitFor({ timeout: 30_000 });
}

describe('scan a paper card', () => {
	it('reads the card with progress, shows it to confirm, holds the note gate, saves; offline too', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		const leaving = offOrigin(page);
		await setUpCard(page, { name: 'Grace Hopper' });
		await waitForServiceWorker(page);
		await openScanner(page);

		await chooseCardPhoto(page, `${CARD}.jpg`);
		const progress = page.getByRole('progressbar', { name: 'Reading the card' });
		await progress.waitFor();
		await expect.poll(() => progress.getAttribute('aria-valuetext')).toMatch(/Reading the text/);
		await page.waitForURL(/\/capture\//, { timeout: 30_000 });

		const field = (name: string) => page.getByRole('textbox', { name, exact: true });
		await showContactFields(page);
		await expect.poll(() => field('Name').inputValue()).toBe(truth.name);
		expect(await field('Company').inputValue()).toBe(truth.org);
		expect(await field('Email').inputValue()).toBe(truth.email);
		expect(await field('Phone').inputValue()).toBe(truth.phone);
		expect(await page.getByRole('list', { name: 'About this scan' }).textContent()).toMatch(/Read from a photo/);
		// The reader marks what it is unsure of: on this card the website, printed apart from the
		// email's domain ("/team"); the name and email, which bear each other out, are not marked.
		const description = (name: string) =>
			field(name).evaluate((input) =>
				(input.getAttribute('aria-describedby') ?? '')
					.split(' ')
					.map((id) => document.getElementById(id)?.textContent ?? '')
					.join(' ')
					.trim()
			);
		expect(await description('Website')).toBe('The card reader was unsure of this: check it.');
		expect(await description('Name')).toBe('');
		expect(await description('Email')).toBe('');

		const save = page.getByRole('button', { name: 'Save contact' });
		expect(await save.isDisabled()).toBe(true);
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Community health pilots in Leeds; wants our survey app');
		await expect.poll(() => save.isEnabled()).toBe(true);
		await save.click();
		await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		await page.getByRole('heading', { name: truth.name, level: 1 }).waitFor();

		// The service worker kept the OCR's files when they were first used (they are not precached).
		const kept = await page.evaluate(async () =>
			(await (await caches.open('ocr-assets')).keys()).map((r) => new URL(r.url).pathname.split('/').pop())
		);
		expect(kept).toEqual(expect.arrayContaining(['worker.min.js', 'eng.traineddata.gz']));
		expect(kept.filter((name) => name?.endsWith('.wasm'))).toHaveLength(1);

		// Offline, the scanner and the OCR's worker, core and language data come from the service worker.
		await page.context().setOffline(true);
		await page.goto('/scan');
		await cameraLive(page);
		await chooseCardPhoto(page, `${CARD}.jpg`);
		await page.waitForURL(/\/capture\//, { timeout: 30_000 });
		await showContactFields(page);
		await expect.poll(() => field('Email').inputValue()).toBe(truth.email);

		expect(leaving).toEqual([]);
		expect(session.problems).toEqual([]);
	});

	it('cancels a reading; says so when the file is not a picture, or has no text', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		const leaving = offOrigin(page);
		await setUpCard(page, { name: 'Grace Hopper' });
		await openScanner(page);

		await chooseCardPhoto(page, `${CARD}.jpg`);
		const progress = page.getByRole('progressbar', { name: 'Reading the card' });
		await progress.waitFor();
		await page.getByRole('button', { name: 'Cancel' }).click();
		await progress.waitFor({ state: 'detached' });
		expect(page.url()).toMatch(/\/scan$/);
		await expect.poll(() => page.getByRole('button', { name: 'Read a paper card' }).isEnabled()).toBe(true);

		await cameraLive(page);
		await chooseCardPhoto(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
		await page.getByRole('alert').filter({ hasText: 'This file is not a picture' }).waitFor();
		await page.getByRole('button', { name: 'Back to scanning' }).click();
		expect(page.url()).toMatch(/\/scan$/);

		// A picture with no text on it: said so, and back to scanning.
		await readBlankCard(page);
		await page.getByRole('button', { name: 'Back to scanning' }).click();

		expect(leaving).toEqual([]);
		expect(session.problems).toEqual([]);
	});

	it('Cancel while the text reader is still loading stops the reading: the card is not read after', async () => {
		session = await openSession(await blankY4m(scratchDir()), { serviceWorkers: 'block' });
		const { page, context } = session;
		await setUpCard(page, { name: 'Grace Hopper' });
		await openScanner(page);
		// The OCR adapter's module (its progress messages are only there), held until Cancel.
		const ocrCode = await holdScript(context, 'Loading the text reader');

		await chooseCardPhoto(page, `${CARD}.jpg`);
		const progress = page.getByRole('progressbar', { name: 'Reading the card' });
		await progress.waitFor();
		const script = await ocrCode.requested;
		expect(await page.getByRole('status').filter({ hasText: 'Preparing the photo…' }).count()).toBe(1);
		await page.getByRole('button', { name: 'Cancel' }).click();
		await progress.waitFor({ state: 'detached' });
		expect(page.url()).toMatch(/\/scan$/);
		ocrCode.release();
		await ocrCode.delivered;
		await afterScriptRan(page, script);
		expect(page.workers().filter((worker) => worker.url().includes('worker.min.js'))).toEqual([]);

		// The next card is read as usual, and only it: one picture after the other in one worker, so
		// had the cancelled card gone on, it would have opened the capture screen before this answers.
		await readBlankCard(page);
		expect(page.url()).toMatch(/\/scan$/);
		expect(session.problems).toEqual([]);
	});

	it('reads the card the camera shows', async () => {
		// The card photo as the fake camera's 640×480 stream, with a little noise in every frame.
		const video = join(scratchDir(), 'card.y4m');
		await run(
			'ffmpeg',
			['-y', '-loglevel', 'error', '-loop', '1', '-i', `${CARD}.jpg`, '-vf'].concat([
				'scale=640:480,noise=alls=4:allf=t,format=yuv420p',
				'-r',
				'15',
				'-t',
				'3',
				video
			])
		);
		session = await openSession(video);
		const { page } = session;
		await setUpCard(page, { name: 'Grace Hopper' });
		await openScanner(page);

		await page.getByRole('button', { name: 'Read the card in the camera' }).click();
		// Reading starts (the app waits for the camera's first frame), or a message says why not.
		const progress = page.getByRole('progressbar', { name: 'Reading the card' });
		const alert = page.getByRole('alert');
		await progress.or(alert).first().waitFor();
		expect(await alert.allTextContents()).toEqual([]);
		// The card read opens the capture screen; a message instead (a blank first frame read as a
		// card with no text, as before the camera view waited for a decoded frame) fails with its words.
		const field = (name: string) => page.getByRole('textbox', { name, exact: true });
		await field('What did you talk about?').or(alert).first().waitFor({ timeout: 30_000 });
		expect(await alert.allTextContents()).toEqual([]);
		await page.waitForURL(/\/capture\//);
		await showContactFields(page);
		await expect.poll(() => field('Name').inputValue()).toBe(truth.name);
		expect(await field('Company').inputValue()).toBe(truth.org);
		expect(session.problems).toEqual([]);
	});

	it('reads a 27-megapixel photo, scaled down on the device', async () => {
		const huge = join(scratchDir(), 'huge.jpg');
		await run('ffmpeg', ['-y', '-loglevel', 'error', '-i', `${CARD}.jpg`, '-vf', 'scale=6000:4500', '-q:v', '3', huge]);
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Grace Hopper' });
		await openScanner(page);
		await chooseCardPhoto(page, huge);
		await page.waitForURL(/\/capture\//, { timeout: 30_000 });
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Email', exact: true }).inputValue()).toBe(truth.email);
		expect(session.problems).toEqual([]);
	});

	it('says so when the card reader cannot be loaded, and stays on the scanner', async () => {
		// No service worker, so every script comes over the network; then the network drops them.
		const browser = await launchChromium(fakeCameraFlags(await blankY4m(scratchDir())));
		const context = await browser.newContext({ baseURL: baseUrl(), serviceWorkers: 'block' });
		await context.grantPermissions(['camera']);
		const page = await context.newPage();
		const problems: string[] = [];
		watchPage(page, problems);
		session = { browser, context, page, problems, close: () => browser.close() };
		await setUpCard(page, { name: 'Grace Hopper' });
		await openScanner(page);
		await context.route('**/_app/immutable/**', (route) => route.abort('internetdisconnected'));

		await chooseCardPhoto(page, `${CARD}.jpg`);
		const missing = page.getByRole('alert').filter({ hasText: 'The card reader could not be loaded.' });
		await missing.waitFor();
		await page.getByRole('button', { name: 'Read the card in the camera' }).click();
		await missing.waitFor();
		expect(await page.getByRole('progressbar', { name: 'Reading the card' }).count()).toBe(0);
		expect(page.url()).toMatch(/\/scan$/);
		expect(await page.getByRole('button', { name: 'Type it instead' }).isEnabled()).toBe(true);
		expect(problems).toEqual([]);
	});
});
