// What the browser benchmarks share: statistics, the printed table, and helpers installed in every
// page of a benchmark's browser (declared in page-timers.d.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';

/** The value below which `p` percent of the values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

/** One row of the printed table. */
export interface Figure {
	name: string;
	runs: number;
	median: string;
	high: string;
	goal: string;
}

/**
 * A figure for the table: its median and p90 (or the percentile named), next to the goal the
 * figure is held to (`goal` in ms, compared with `goalOf`: 'median', 'p90' or 'p95').
 */
export function timing(
	name: string,
	values: readonly number[],
	{ goal, goalOf = 'median', high = 90 }: { goal?: number; goalOf?: 'median' | 'p90' | 'p95'; high?: 90 | 95 } = {}
): Figure {
	const judged = goalOf === 'median' ? median(values) : percentile(values, goalOf === 'p90' ? 90 : 95);
	return {
		name,
		runs: values.length,
		median: ms(median(values)),
		high: `p${high} ${ms(percentile(values, high))}`,
		goal: goal === undefined ? '' : `${goalOf} ≤ ${goal} ms: ${judged <= goal ? 'met' : 'NOT met'}`
	};
}

/** Prints figures as a compact table; never fails on a figure (timings here are noisy). */
export function printTable(title: string, rows: readonly Figure[]): void {
	const columns: [string, (r: Figure) => string][] = [
		['figure', (r) => r.name],
		['runs', (r) => String(r.runs)],
		['median', (r) => r.median],
		['spread', (r) => r.high],
		['goal', (r) => r.goal]
	];
	const widths = columns.map(([head, cell]) => Math.max(head.length, ...rows.map((r) => cell(r).length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
	console.log(`\n${title}`);
	console.log(line(columns.map(([head]) => head)));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const row of rows) console.log(line(columns.map(([, cell]) => cell(row))));
}

/**
 * Serves build/ with `vite preview` on a free port: hashed files are sent as immutable, as a real
 * host sends them, so a screen's code is fetched once, not on every visit.
 */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
	const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
	const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
	if (!url) throw new Error('vite preview has no local address');
	return { url, close: () => server.close() };
}

/**
 * Timing helpers for every page of a context:
 * - `__input.click` / `__input.keydown`: the event time (performance.now()) of the last real tap
 *   or key press, so a figure starts when the user acts, not when the test tool got round to it;
 * - `__until(selector)` / `__untilChange(selector)` / `__when(test)`: the time at which the selector
 *   first matches, its text first changes, or the test first holds (checked on every DOM change);
 * - `__afterFrame()`: the time once the next frame has been produced (what the user sees).
 */
export async function installTimers(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		window.__input = {};
		for (const type of ['click', 'keydown'] as const)
			window.addEventListener(type, (event) => (window.__input[type] = event.timeStamp), { capture: true });
		const when = (test: () => boolean) =>
			new Promise<number>((resolve) => {
				if (test()) return resolve(performance.now());
				const observer = new MutationObserver(() => {
					if (!test()) return;
					observer.disconnect();
					resolve(performance.now());
				});
				observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
			});
		window.__when = when;
		window.__until = (selector: string) => when(() => document.querySelector(selector) !== null);
		window.__untilChange = (selector: string) => {
			const before = document.querySelector(selector)?.textContent;
			return when(() => document.querySelector(selector)?.textContent !== before);
		};
		window.__afterFrame = () =>
			new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
	});
}

/** Saves my card (first run), so every screen of the app is open. */
export async function saveMyCard(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/card`);
	await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
	await page.getByRole('button', { name: 'Save card' }).click();
	await page.getByText('Your card is saved.').waitFor();
}

/**
 * Watches the camera in every page of a context: `__input.streams` the times camera streams were
 * handed to the page (live), `__input.playing` the time a video last started playing,
 * `__liveTracks()` how many camera tracks are still live.
 */
export async function installCameraWatch(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const tracks: WeakRef<MediaStreamTrack>[] = [];
		const devices = navigator.mediaDevices;
		if (devices) {
			const getUserMedia = devices.getUserMedia.bind(devices);
			devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
				const stream = await getUserMedia(constraints);
				window.__input.streams = [...(window.__input.streams ?? []), performance.now()];
				// Weakly held: the watch must not keep anything alive the app let go of.
				tracks.push(...stream.getTracks().map((track) => new WeakRef(track)));
				return stream;
			};
		}
		// A live track is never collected: Chromium keeps it while it streams.
		window.__liveTracks = () => tracks.filter((ref) => ref.deref()?.readyState === 'live').length;
		window.addEventListener(
			'playing',
			(event) => {
				if (event.target instanceof HTMLVideoElement) window.__input.playing = event.timeStamp;
			},
			{ capture: true }
		);
	});
}

/**
 * Counts the IndexedDB transactions open in every page of a context: `__idbQuiet()` resolves once
 * none has been open for `quietMs` (the app has finished what it was doing).
 */
export async function installIndexedDbWatch(context: BrowserContext, quietMs = 50): Promise<void> {
	await context.addInitScript((quietMs: number) => {
		let open = 0;
		let quietSince = performance.now();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const waiting: (() => void)[] = [];
		const whenQuiet = () => {
			clearTimeout(timer);
			if (open || !waiting.length) return;
			timer = setTimeout(() => waiting.splice(0).forEach((resolve) => resolve()), quietMs);
		};
		const transaction = IDBDatabase.prototype.transaction;
		IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
			const tx = transaction.apply(this, args);
			open++;
			clearTimeout(timer);
			let finished = false;
			const done = () => {
				if (finished) return;
				finished = true;
				open--;
				if (!open) quietSince = performance.now();
				whenQuiet();
			};
			tx.addEventListener('complete', done);
			tx.addEventListener('abort', done);
			return tx;
		};
		window.__idbQuiet = () =>
			new Promise<void>((resolve) => {
				if (!open && performance.now() - quietSince >= quietMs) return resolve();
				waiting.push(resolve);
				whenQuiet();
			});
	}, quietMs);
}

/**
 * The built app served, and a phone-sized browser whose camera streams a moving badge QR code
 * (a vCard) or the given .y4m video, with the timers and the camera watch installed: what the
 * scanning benchmarks share. `site` serves the app already (one server for several sessions).
 */
export async function scanningSession({
	video,
	site: served
}: { video?: string; site?: Awaited<ReturnType<typeof serveBuild>> } = {}): Promise<{
	site: Awaited<ReturnType<typeof serveBuild>>;
	browser: Browser;
	context: BrowserContext;
	close(): Promise<void>;
}> {
	const site = served ?? (await serveBuild());
	video ??= await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir('enc-bench-'));
	const browser = await launchChromium(fakeCameraFlags(video));
	const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
	await context.grantPermissions(['camera']);
	await installTimers(context);
	await installCameraWatch(context);
	return {
		site,
		browser,
		context,
		close: async () => {
			await browser.close();
			if (!served) await site.close();
		}
	};
}
