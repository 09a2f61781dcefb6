// npm run bench:memory — 50 scans in a row in one session of the built app, as at a busy booth:
// tap Scan → the fake camera's code is read → write the note → save → tap Scan again. Prints the
// JavaScript heap in use after a garbage collection (Chromium's HeapProfiler.collectGarbage, then
// Runtime.getHeapUsage) and the page's DOM nodes and listeners at scans 1, 10, 25 and 50, on the My
// card screen (it does not grow with the people met), and the
// camera tracks still live once the scanner is left (goal: 0, every time). The goal for the heap:
// no growth from scan 10 to scan 50 beyond what the 40 saved encounters take. Fails on nothing
// but errors.
import { afterAll, beforeAll, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { median, saveMyCard, scanningSession } from './figures';

const SCANS = 50;
const CHECKPOINTS = [1, 10, 25, 50];

let session: Awaited<ReturnType<typeof scanningSession>>;
let site: typeof session.site;
let context: BrowserContext;
beforeAll(async () => {
	session = await scanningSession();
	({ site, context } = session);
});
afterAll(() => session?.close());

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The heap after a full garbage collection (twice: the first can leave finalizable objects). */
async function memory(cdp: CDPSession) {
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = await cdp.send('Runtime.getHeapUsage');
	const dom = await cdp.send('Memory.getDOMCounters');
	return {
		heap: heap.usedSize,
		// Typed arrays' and WebAssembly's memory, outside the heap (absent from older Chromium).
		buffers: (heap as { backingStorageSize?: number }).backingStorageSize,
		nodes: dom.nodes,
		listeners: dom.jsEventListeners
	};
}

async function scanNoteSave(page: Page, run: number) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
	await page.waitForURL(/\/capture\//, { timeout: 20_000 });
	// The scanner is left: its camera must be off now.
	const liveAfterLeaving = await page.evaluate(() => window.__liveTracks());
	await page
		.getByRole('textbox', { name: 'What did you talk about?' })
		.fill(`Grid storage pilots in Lagos, conversation ${run}: she wants our battery data`);
	await page.getByRole('button', { name: 'Save contact' }).click();
	await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
	await page.getByRole('heading', { name: 'Adaeze Okafor', level: 1 }).waitFor();
	return liveAfterLeaving;
}

it('prints the heap and live camera tracks over 50 scans in a row', async () => {
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	const cdp = await context.newCDPSession(page);
	await saveMyCard(page, site.url);
	await page.goto(`${site.url}/`);
	await page.waitForLoadState('networkidle');

	const started = Date.now();
	const live: number[] = [];
	const rows: string[] = [];
	const at = new Map<number, Awaited<ReturnType<typeof memory>>>();
	const seconds: number[] = [];
	for (let run = 1; run <= SCANS; run++) {
		const start = Date.now();
		live.push(await scanNoteSave(page, run));
		seconds.push((Date.now() - start) / 1000);
		if (CHECKPOINTS.includes(run)) {
			// Measured on My card, whose page does not grow with the people met.
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My card' }).click();
			await page.waitForURL(/\/card$/);
			await page.waitForLoadState('networkidle');
			// Dexie keeps a closed live query's last result for 3 s, in case it is asked again.
			await page.waitForTimeout(3500);
			const m = await memory(cdp);
			at.set(run, m);
			rows.push(
				[
					String(run).padEnd(5),
					MB(m.heap).padStart(9),
					(m.buffers === undefined ? '–' : MB(m.buffers)).padStart(13),
					String(m.nodes).padStart(9),
					m.listeners
				].join(' | ')
			);
		}
	}
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Follow-ups' }).click();
	await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
	const liveAtEnd = await page.evaluate(() => window.__liveTracks());

	console.log(`\n${SCANS} scans in a row (scan → note → save), one session, fake camera`);
	console.log('scan  | heap used | array buffers | DOM nodes | JS listeners');
	console.log('------|-----------|---------------|-----------|-------------');
	for (const row of rows) console.log(row);
	const [first, last] = [at.get(10)!, at.get(SCANS)!];
	const perScan = (a: number, b: number) => `${((b - a) / (SCANS - 10) / 1024).toFixed(1)} KB a scan`;
	console.log(
		`growth from scan 10 to ${SCANS}: heap ${perScan(first.heap, last.heap)}` +
			(first.buffers === undefined ? '' : `, array buffers ${perScan(first.buffers, last.buffers!)}`)
	);
	console.log(
		`camera tracks live after leaving the scanner: max ${Math.max(...live)} over ${SCANS} scans, ${liveAtEnd} at the end (goal 0)`
	);
	console.log(
		`one scan → note → save: median ${median(seconds).toFixed(2)} s; ${SCANS} in ${((Date.now() - started) / 1000).toFixed(0)} s`
	);
});
