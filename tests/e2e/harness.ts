import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';

export const baseUrl = (): string => inject('baseUrl');

export interface Session {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** Uncaught page errors and JS dialogs seen so far: tests assert this stays empty. */
	problems: string[];
	close(): Promise<void>;
}

/** Records everything that should never happen on a page: uncaught errors and JS dialogs. */
export function watchPage(page: Page, problems: string[]): void {
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('dialog', (dialog) => {
		problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
		void dialog.dismiss();
	});
}

/**
 * A fresh browser whose camera streams `video` (a .y4m file), with a clean profile; `options` sets
 * the user's locale and time zone (Chromium's own otherwise), and can keep the service worker out
 * (every script then comes over the network, where a test can hold it: see holdScript).
 */
export async function openSession(
	video: string,
	options: { locale?: string; timezoneId?: string; serviceWorkers?: 'block' } = {}
): Promise<Session> {
	const browser = await launchChromium(fakeCameraFlags(video));
	const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 420, height: 860 }, ...options });
	await context.grantPermissions(['camera']);
	const page = await context.newPage();
	const problems: string[] = [];
	watchPage(page, problems);
	return { browser, context, page, problems, close: () => browser.close() };
}

/** A script of the app held on its way to the page until the test releases it. */
export interface HeldScript {
	/** Settles with the script's URL when the page has asked for it. */
	requested: Promise<string>;
	release(): void;
	/** Settles when the script has been handed to the page. */
	delivered: Promise<void>;
}

/**
 * Holds the first of the app's scripts whose code contains `marker` (a message only that module
 * shows) until `release`: a lazy import made as slow as a test needs, by hand. Needs a session
 * without the service worker.
 */
export async function holdScript(context: BrowserContext, marker: string): Promise<HeldScript> {
	let requested!: (url: string) => void;
	let release!: () => void;
	let delivered!: () => void;
	const held: HeldScript = {
		requested: new Promise((resolve) => (requested = resolve)),
		release: () => release(),
		delivered: new Promise((resolve) => (delivered = resolve))
	};
	const released = new Promise<void>((resolve) => (release = resolve));
	let holding = true;
	await context.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (!holding || !body.includes(marker)) return route.fulfill({ response, body });
		holding = false;
		requested(route.request().url());
		await released;
		await route.fulfill({ response, body });
		delivered();
	});
	return held;
}

/**
 * Waits until the page has run `script` (a URL it imported) and everything that was waiting for
 * it: the page imports it too, which settles once the module has run, then lets one task pass.
 */
export async function afterScriptRan(page: Page, script: string): Promise<void> {
	// A string, not a function: the test runner would rewrite an import() written here for Node.
	await page.evaluate(`import(${JSON.stringify(script)}).then(() => new Promise((resolve) => setTimeout(resolve, 0)))`);
}

/** First run: fill in my card and save it. */
export async function setUpCard(page: Page, card: { name: string; email?: string; company?: string }): Promise<void> {
	await page.goto('/');
	await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
	await page.getByRole('textbox', { name: 'Name (required)' }).fill(card.name);
	if (card.email) await page.getByRole('textbox', { name: 'Email' }).fill(card.email);
	if (card.company) await page.getByRole('textbox', { name: 'Company' }).fill(card.company);
	await page.getByRole('button', { name: 'Save card' }).click();
	await page.getByText('Your card is saved.').waitFor();
}

/** Opens the scanner from the main navigation and waits for the scan to land on the note form. */
export async function scanWithCamera(page: Page): Promise<void> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
	await page.waitForURL(/\/capture\//, { timeout: 20_000 });
}

/**
 * On the note form: shows the contact's fields. A scan that gave a name folds them into one summary
 * line, opened with "Edit contact details"; without a name they show already.
 */
export async function showContactFields(page: Page): Promise<void> {
	const edit = page.getByRole('button', { name: 'Edit contact details' });
	await edit.waitFor();
	if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
}

/** Waits until the service worker is active and controls the page (after one reload if needed). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
		await page.reload();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	}
}

/** Someone typed in with "Type it instead": a name and a note, and any other details given. */
export interface TypedPerson {
	name: string;
	note: string;
	email?: string;
	phone?: string;
	linkedin?: string;
	promise?: string;
}

/** Types someone in from the scan screen and saves them; resolves on their page. */
export async function typeInPerson(page: Page, person: TypedPerson): Promise<void> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
	await page.getByRole('button', { name: 'Type it instead' }).click();
	await page.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
	if (person.email) await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
	if (person.phone) await page.getByRole('textbox', { name: 'Phone' }).fill(person.phone);
	if (person.linkedin) await page.getByRole('textbox', { name: 'LinkedIn' }).fill(person.linkedin);
	await page.getByRole('textbox', { name: 'What did you talk about?' }).fill(person.note);
	if (person.promise) await page.getByRole('textbox', { name: 'What I promised' }).fill(person.promise);
	await page.getByRole('button', { name: 'Save contact' }).click();
	await page.waitForURL(/\?saved=1/);
}
