// npm run bench:web — what a phone on conference Wi-Fi gets from the built app (build/, served as a
// static host serves it): for each route, the JavaScript a cold load fetches (gzip -9, service
// worker blocked) and Lighthouse's mobile preset. Prints a table; fails on nothing but errors.
// Lighthouse's figures vary from run to run (more so on a busy machine): BENCH_RUNS=5 runs it five
// times a route and prints each figure's median, and the scores' range. The site is served gzipped,
// as static hosts serve it; BENCH_GZIP=0 serves it uncompressed. BUILD_DIR: another build than build/.
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { lighthouse, type LighthouseFigures } from '../support/lighthouse';
import { median } from './figures';
import { kb, measureRoute, typicalCardPath } from '../support/route-bytes';
import { serveStatic } from '../support/static-server';
import { blankY4m, scratchDir } from '../support/video';

let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
beforeAll(async () => {
	site = await serveStatic(process.env.BUILD_DIR ?? 'build', { compress: process.env.BENCH_GZIP !== '0' });
	// The camera shows no code, as in the budget check (tests/e2e/budgets.test.ts): /scan is measured
	// with the scanner running, not after a decoded code has moved on to the note form (which once
	// made this table print 278 KB for /scan beside the check's 200 KB).
	browser = await launchChromium([...fakeCameraFlags(await blankY4m(scratchDir())), '--use-fake-ui-for-media-stream']);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const name = (route: string) => route.split('#')[0];
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));

/** Each figure's median over the runs (not one run's figures: a run's score and its LCP may disagree). */
function medians(all: LighthouseFigures[]): LighthouseFigures {
	const of = (key: keyof LighthouseFigures) => median(all.map((figures) => figures[key]));
	return {
		performance: of('performance'),
		accessibility: of('accessibility'),
		bestPractices: of('bestPractices'),
		lcpMs: of('lcpMs'),
		tbtMs: of('tbtMs'),
		cls: of('cls')
	};
}

it(
	'prints Lighthouse mobile and the JavaScript each route fetches on a cold load',
	async () => {
		const routes = ['/', typicalCardPath(site.url), '/follow-ups', '/people', '/scan', '/settings'];
		const rows = [];
		for (const route of routes) rows.push(await measureRoute(browser, site.url, route));
		const runsNote = runs > 1 ? ` (medians of ${runs} Lighthouse runs; performance of each run in brackets)` : '';
		console.log(
			`route | JS (gzip -9) | scripts | IndexedDB | performance | accessibility | best practices | LCP | TBT | CLS${runsNote}`
		);
		for (const r of rows) {
			// The scanner's screen asks for the camera: Lighthouse's browser has none, so it is left out.
			const all: LighthouseFigures[] = [];
			if (name(r.route) !== '/scan') {
				for (let run = 0; run < runs; run++) all.push(await lighthouse(new URL(r.route, site.url).href));
			}
			const lh = all.length ? medians(all) : null;
			const each = runs > 1 && lh ? ` [${all.map((figures) => figures.performance).join(', ')}]` : '';
			const scores = lh
				? `${lh.performance} | ${lh.accessibility} | ${lh.bestPractices} | ${(lh.lcpMs / 1000).toFixed(2)} s | ${Math.round(lh.tbtMs)} ms | ${lh.cls.toFixed(3)}${each}`
				: '– | – | – | – | – | –';
			console.log(`${name(r.route)} | ${kb(r.gzip)} | ${r.scripts.length} | ${r.indexedDb ? 'yes' : 'no'} | ${scores}`);
		}
		for (const r of rows) {
			console.log(`\n${name(r.route)}:`);
			for (const s of r.scripts) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.path}`);
		}
		// Up to a minute a Lighthouse run on a busy machine, five routes.
	},
	120_000 + runs * 5 * 60_000
);
