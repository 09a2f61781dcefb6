// TEST TOOL: how much JavaScript a cold load of a route fetches — every script response (modules,
// preloads, workers), each counted as its size after `gzip -9`, until the network is quiet, with the
// service worker blocked (a first visit, or a phone whose cache was cleared). Used by the budget
// test (tests/e2e/budgets.test.ts) and `npm run bench:web`.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { cardLink, type SharedCard } from '$lib/domain/card/share-link';

export interface ScriptFetch {
	path: string;
	bytes: number;
	gzip: number;
}

export interface RouteBytes {
	route: string;
	scripts: ScriptFetch[];
	/** Sum of the scripts' gzip -9 sizes. */
	gzip: number;
	/** Whether the page opened an IndexedDB database. */
	indexedDb: boolean;
}

/** The card a typical attendee shares (the same as the share-link unit test's). */
export const TYPICAL_CARD: SharedCard = {
	name: 'Grace Hopper',
	title: 'Rear Admiral',
	company: 'US Navy',
	email: 'grace.hopper@navy.example',
	phone: '+1 202 555 0142',
	link: 'https://www.linkedin.com/in/gracehopper',
	helpWith: 'compilers and COBOL'
};

/** `/c#…` for the typical card, on `origin`. */
export function typicalCardPath(origin: string): string {
	const link = new URL(cardLink(TYPICAL_CARD, origin));
	return `${link.pathname}${link.hash}`;
}

const isScript = (url: string, type: string | undefined) =>
	/\.m?js(\?|$)/.test(new URL(url).pathname) || /javascript/.test(type ?? '');

/**
 * Loads `route` in a fresh context (no cache, service worker blocked) and sums the scripts it
 * fetched until the network had been quiet for `quietMs`.
 */
export async function measureRoute(browser: Browser, baseUrl: string, route: string, quietMs = 750) {
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
	try {
		const page = await context.newPage();
		const pending = new Set<Promise<void>>();
		const scripts: ScriptFetch[] = [];
		let last = Date.now();
		page.on('response', (response) => {
			last = Date.now();
			if (!isScript(response.url(), response.headers()['content-type'])) return;
			const done = response
				.body()
				.then((body) => {
					scripts.push({
						path: new URL(response.url()).pathname,
						bytes: body.length,
						gzip: gzipSync(body, { level: 9 }).length
					});
				})
				.catch(() => undefined)
				.finally(() => pending.delete(done));
			pending.add(done);
		});
		page.on('request', () => (last = Date.now()));
		await page.goto(new URL(route, baseUrl).href, { waitUntil: 'load' });
		while (Date.now() - last < quietMs || pending.size) await page.waitForTimeout(100);
		const indexedDb = await page.evaluate(async () => (await indexedDB.databases()).length > 0);
		scripts.sort((a, b) => b.gzip - a.gzip);
		return { route, scripts, gzip: scripts.reduce((sum, s) => sum + s.gzip, 0), indexedDb } satisfies RouteBytes;
	} finally {
		await context.close();
	}
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
