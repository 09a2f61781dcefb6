// npm run bench:scan — how fast the built app reads a QR code from the (fake) camera: the app is
// opened, Scan is tapped, the camera streams a moving QR code (640×480, 15 fps), and the note form
// opens. Ten runs, each from a fresh load of the home screen. Prints, beside their goals:
//   - tap Scan → camera stream live (getUserMedia answered), the first run apart (nothing cached);
//   - camera stream live → the video playing, and → first code read (the scanner's
//     `scanner:decoded` mark; goal ≤ 150 ms);
//   - code read → the note form (parse, draft stored, page shown).
// Fails on nothing but errors.
import { afterAll, beforeAll, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { printTable, saveMyCard, scanningSession, timing } from './figures';

const RUNS = 10;

let session: Awaited<ReturnType<typeof scanningSession>>;
let site: typeof session.site;
let context: BrowserContext;
beforeAll(async () => {
	session = await scanningSession();
	({ site, context } = session);
});
afterAll(() => session?.close());

it('prints scan latency with the fake camera', async () => {
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await saveMyCard(page, site.url);

	const tapToLive: number[] = [];
	const liveToPlaying: number[] = [];
	const liveToRead: number[] = [];
	const readToForm: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		await page.goto(`${site.url}/`);
		await page.waitForLoadState('networkidle');
		const form = page.evaluate(async () => {
			const shown = await window.__until('form textarea');
			const decoded = performance.getEntriesByName('scanner:decoded', 'mark').at(-1)?.startTime;
			return { ...window.__input, decoded, shown };
		});
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		const t = await form;
		const live = t.streams?.find((at) => at > (t.click ?? Infinity));
		if (t.click === undefined || live === undefined || t.playing === undefined || t.decoded === undefined)
			throw new Error(`missing a moment: ${JSON.stringify(t)}`);
		tapToLive.push(live - t.click);
		liveToPlaying.push(t.playing - live);
		liveToRead.push(t.decoded - live);
		readToForm.push(t.shown - t.decoded);
	}
	const cold = tapToLive[0]!;
	printTable(`Scan latency, fake camera 640×480 at 15 fps, ${RUNS} runs from a fresh load of home`, [
		{ name: 'tap Scan → camera live, first time', runs: 1, median: `${cold.toFixed(0)} ms`, high: '', goal: '' },
		timing('tap Scan → camera live, again', tapToLive.slice(1)),
		timing('camera live → video playing', liveToPlaying),
		timing('camera live → first code read', liveToRead, { goal: 150, goalOf: 'p90' }),
		timing('code read → note form shown', readToForm)
	]);
});
