// npm run bench:scan-robust — how the built app's live scanner copes with hard frames: a badge QR
// code (a vCard) is filmed by the fake camera under each condition of scan-robust-videos.ts
// (blur, glare, 30° perspective, low light, noise, a small code, an inverted code, and a clean
// control), and the real scanner in Chromium is started RUNS times on each, from a fresh load of
// the home screen (the looping video is met at a different moment each time). Prints per
// condition `decoded K/M` and the median frames (15 fps) from camera live to the first code read.
// Fails on nothing but errors — and when the clean control is never read, which means the
// benchmark itself is broken.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { scratchDir } from '../support/video';
import { median, saveMyCard, scanningSession, serveBuild } from './figures';
import { CONDITIONS, conditionVideo } from './scan-robust-videos';

const RUNS = 5;
/** How long a run waits for a read after tapping Scan: the camera is live within about a second. */
const WAIT_MS = 5_000;
const FRAME_MS = 1000 / 15;

let site: Awaited<ReturnType<typeof serveBuild>>;
beforeAll(async () => {
	site = await serveBuild();
});
afterAll(() => site?.close());

interface Row {
	condition: string;
	decoded: number;
	frames: number[];
	what: string;
}

async function measure(video: string): Promise<number[]> {
	const session = await scanningSession({ video, site });
	try {
		const page = await session.context.newPage();
		page.on('pageerror', (e) => console.error('page error:', e.message));
		await saveMyCard(page, site.url);
		const frames: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			await page.goto(`${site.url}/`);
			await page.waitForLoadState('networkidle');
			const outcome = page.evaluate(async (wait) => {
				const shown = await Promise.race([
					window.__until('form textarea'),
					new Promise<null>((resolve) => setTimeout(() => resolve(null), wait))
				]);
				const decoded = performance.getEntriesByName('scanner:decoded', 'mark').at(-1)?.startTime;
				return { ...window.__input, decoded, shown };
			}, WAIT_MS);
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
			const t = await outcome;
			const live = t.streams?.find((at) => at > (t.click ?? Infinity));
			if (t.click === undefined || live === undefined)
				throw new Error(`the camera never went live: ${JSON.stringify(t)}`);
			if (t.shown !== null && t.decoded !== undefined) frames.push((t.decoded - live) / FRAME_MS);
		}
		return frames;
	} finally {
		await session.close();
	}
}

it('prints how often and how fast hard frames are read', async () => {
	const text = badgeFixture('vcard30-basic').payload;
	const dir = scratchDir('enc-robust-');
	const rows: Row[] = [];
	try {
		for (const condition of CONDITIONS) {
			const frames = await measure(await conditionVideo(text, condition, dir));
			rows.push({ condition: condition.name, decoded: frames.length, frames, what: condition.what });
		}
	} finally {
		// About 28 MB of video per condition.
		rmSync(dir, { recursive: true, force: true });
	}

	const cells = rows.map((r) => [
		r.condition,
		`${r.decoded}/${RUNS}`,
		r.frames.length ? `${median(r.frames).toFixed(1)} (${(median(r.frames) * FRAME_MS).toFixed(0)} ms)` : '–',
		r.what
	]);
	const head = ['condition', 'decoded', 'median frames live → read', 'what the camera sees'];
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
	const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
	console.log(`\nHard frames, fake camera 640×480 at 15 fps, badge vCard QR (error correction M), ${RUNS} runs each`);
	console.log(line(head));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const c of cells) console.log(line(c));

	const control = rows.find((r) => r.condition === 'clean');
	if (!control?.decoded) throw new Error('The clean control was never read: the benchmark is broken, not the scanner.');
});
