// npm run bench:web — what a phone on conference Wi-Fi gets from the built app (build/, served as a
// static host serves it): for each route, the JavaScript a cold load fetches (gzip -9, service
// worker blocked) and Lighthouse's mobile preset. Prints a table; fails on nothing but errors.
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { lighthouse } from '../support/lighthouse';
import { kb, measureRoute, typicalCardPath } from '../support/route-bytes';
import { serveStatic } from '../support/static-server';
import { qrTextToY4m, scratchDir } from '../support/video';

let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
beforeAll(async () => {
	site = await serveStatic('build');
	browser = await launchChromium([
		...fakeCameraFlags(await qrTextToY4m('MECARD:N:Hopper,Grace;;', scratchDir())),
		'--use-fake-ui-for-media-stream'
	]);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const name = (route: string) => route.split('#')[0];

it('prints Lighthouse mobile and the JavaScript each route fetches on a cold load', async () => {
	const routes = ['/', typicalCardPath(site.url), '/follow-ups', '/people', '/scan', '/settings'];
	const rows = [];
	for (const route of routes) rows.push(await measureRoute(browser, site.url, route));
	console.log(
		'route | JS (gzip -9) | scripts | IndexedDB | performance | accessibility | best practices | LCP | TBT | CLS'
	);
	for (const r of rows) {
		// The scanner's screen asks for the camera: Lighthouse's browser has none, so it is left out.
		const lh = name(r.route) === '/scan' ? null : await lighthouse(new URL(r.route, site.url).href);
		const scores = lh
			? `${lh.performance} | ${lh.accessibility} | ${lh.bestPractices} | ${(lh.lcpMs / 1000).toFixed(2)} s | ${Math.round(lh.tbtMs)} ms | ${lh.cls.toFixed(3)}`
			: '– | – | – | – | – | –';
		console.log(`${name(r.route)} | ${kb(r.gzip)} | ${r.scripts.length} | ${r.indexedDb ? 'yes' : 'no'} | ${scores}`);
	}
	for (const r of rows) {
		console.log(`\n${name(r.route)}:`);
		for (const s of r.scripts) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.path}`);
	}
});
