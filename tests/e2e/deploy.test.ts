import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encodeCardFragment, type SharedCard } from '$lib/domain/card/share-link';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { serveStatic } from '../support/static-server';
import { blankY4m, scratchDir } from '../support/video';
import { setUpCard, watchPage } from './harness';

// The README's Deploy section: `npm run build` writes a static site to build/, and any static host
// that serves files as they are and index.html for every other path runs it. Here build/ is served
// by such a plain server (not vite preview), and each deep link is opened in a fresh browser
// context: no service worker yet, so the page comes from the host itself.

let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
	site = await serveStatic('build');
	browser = await launchChromium(fakeCameraFlags(await blankY4m(scratchDir())));
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** Records what must never happen: page errors and dialogs, console errors, failed or 4xx/5xx requests. */
function watch(context: BrowserContext, page: Page, problems: string[]): void {
	watchPage(page, problems);
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	// Context-wide, so the service worker's own fetches (the precache) count too.
	context.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	context.on('requestfailed', (request) => {
		// What the page was still fetching when the old host's /c forwards to c.html (its icon, the
		// app's preloaded scripts) is cancelled by that navigation: not a failure of the host.
		const cancelled = request.resourceType() !== 'document' && request.failure()?.errorText === 'net::ERR_ABORTED';
		if (!cancelled) problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
	});
}

/**
 * Opens `path` as the first page of `context` and checks the host itself answered it, with `file`
 * (by default its SPA fallback, index.html: the host had no file there).
 */
async function openCold(context: BrowserContext, path: string, problems: string[], file = 'index.html'): Promise<Page> {
	const page = await context.newPage();
	watch(context, page, problems);
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	expect(response?.fromServiceWorker(), `${path} came from the host, not a service worker`).toBe(false);
	expect(response?.headers()['content-type']).toMatch(/^text\/html/);
	const pathname = new URL(path, site.url).pathname;
	expect(site.requests.filter((r) => r.path === pathname).map((r) => r.file)).toContain(file);
	return page;
}

/** Every file the pages asked for came back as that file, never as the fallback page (which a
 * missing file or a relative asset path under /people/… would get). */
function expectAssetsServedAsFiles(): void {
	const assets = site.requests.filter((r) => /\.[A-Za-z0-9]+$/.test(r.path));
	expect(assets.length).toBeGreaterThan(10);
	expect(assets.filter((r) => r.fallback)).toEqual([]);
}

const card: SharedCard = {
	name: 'Grace Hopper',
	title: 'Rear Admiral',
	company: 'Compiler Corp',
	email: 'grace@compiler.example',
	phone: '+1 202 555 0143',
	link: 'https://www.linkedin.com/in/grace-hopper',
	helpWith: 'Compilers and COBOL'
};

describe('the static build on a plain static host with an SPA fallback', () => {
	it('opens a card link (/c#…) on a cold load: the host serves the card page, c.html, for /c', async () => {
		const fragment = encodeCardFragment(card);
		const context = await browser.newContext({ baseURL: site.url });
		const problems: string[] = [];
		const page = await openCold(context, `/c#${fragment}`, problems, 'c.html');
		await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
		await page.getByText('Compiler Corp').first().waitFor();
		await page.getByRole('button', { name: 'Save contact' }).waitFor();
		// The card stayed in the fragment: the host was asked for /c and nothing that holds it.
		expect(site.requests.some((r) => r.path === '/c')).toBe(true);
		expect(site.requests.filter((r) => r.path.includes(fragment.slice(1, 12)))).toEqual([]);
		// The card page alone: a few files, each served as itself, none of the app's.
		expect(site.requests.filter((r) => r.path.startsWith('/_app/immutable/card/')).length).toBeGreaterThan(0);
		expect(site.requests.filter((r) => /\.[A-Za-z0-9]+$/.test(r.path) && r.fallback)).toEqual([]);
		expect(site.requests.filter((r) => /\/_app\/immutable\/(entry|nodes)\//.test(r.path))).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('opens a card link on a host whose SPA fallback also answers /c (set up before c.html existed)', async () => {
		const oldHost = await serveStatic('build', { htmlExtension: false });
		try {
			const fragment = encodeCardFragment(card);
			const context = await browser.newContext({ baseURL: oldHost.url });
			const problems: string[] = [];
			const page = await context.newPage();
			watch(context, page, problems);
			await page.goto(`/c#${fragment}`);
			// The app that answered /c sends the visitor on to the card page, fragment and all.
			await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
			expect(new URL(page.url()).pathname).toBe('/c.html');
			expect(new URL(page.url()).hash).toBe(`#${fragment}`);
			expect(oldHost.requests.filter((r) => r.path === '/c').map((r) => r.file)).toEqual(['index.html']);
			expect(oldHost.requests.filter((r) => r.path === '/c.html').map((r) => r.file)).toEqual(['c.html']);
			// Nothing stored and no service worker on the way.
			expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
			expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
			expect(problems).toEqual([]);
			await context.close();
		} finally {
			await oldHost.close();
		}
	});

	it('opens the follow-up queue (/follow-ups) on a cold load', async () => {
		const context = await browser.newContext({ baseURL: site.url });
		const problems: string[] = [];
		const page = await openCold(context, '/follow-ups', problems);
		await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
		await page.getByText('Nothing to follow up').waitFor();
		expectAssetsServedAsFiles();
		expect(problems).toEqual([]);
		await context.close();
	});

	it("opens a person's page (/people/<id>) on a cold load of a browser that holds that person", async () => {
		// Someone saved in the app (typed in, as when a badge cannot be scanned)…
		const maker = await browser.newContext({ baseURL: site.url });
		await maker.grantPermissions(['camera']);
		const problems: string[] = [];
		const page = await maker.newPage();
		watch(maker, page, problems);
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByRole('button', { name: 'Type it instead' }).click();
		await page.waitForURL(/\/capture\//);
		await page.getByRole('textbox', { name: 'Name' }).fill('Katherine Johnson');
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Orbital mechanics course for our interns');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\/people\/[^/?]+\?saved=1$/);
		const id = new URL(page.url()).pathname.split('/').pop()!;
		await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
		expect(problems).toEqual([]);
		// (Installed and precached, so closing the context aborts no request.)
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		// …then the same browser data in a fresh context, with no service worker: the bookmarked
		// person page is fetched from the host and shows them.
		const storage = await maker.storageState({ indexedDB: true });
		await maker.close();
		const visitor = await browser.newContext({ baseURL: site.url, storageState: storage });
		const person = await openCold(visitor, `/people/${id}`, problems);
		await person.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
		await person.getByText('Orbital mechanics course for our interns').waitFor();
		expectAssetsServedAsFiles();
		expect(problems).toEqual([]);
		await visitor.close();
	});
});
