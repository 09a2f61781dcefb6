// What the browser benchmarks share: statistics, the printed table, a served build, and timing
// helpers installed in every page (window.__until, window.__afterFrame, window.__input).
import { preview } from 'vite';

/** The value below which `p` percent of the values fall (nearest rank). */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

const ms = (value) => (value === undefined ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

/**
 * A figure for the table: its median and p90 (or the percentile named), next to the goal the
 * figure is held to (`goal` in ms, compared with `goalOf`: 'median', 'p90' or 'p95').
 */
export function timing(name, values, { goal, goalOf = 'median', high = 90 } = {}) {
	const figures = { median: median(values), [`p${high}`]: percentile(values, high) };
	const judged = figures[goalOf];
	return {
		name,
		runs: values.length,
		median: ms(figures.median),
		high: `p${high} ${ms(figures[`p${high}`])}`,
		goal: goal === undefined ? '' : `${goalOf} ≤ ${goal} ms: ${judged <= goal ? 'met' : 'NOT met'}`
	};
}

/** Prints figures as a compact table; never fails on a figure (timings here are noisy). */
export function printTable(title, rows) {
	const columns = [
		['figure', (r) => r.name],
		['runs', (r) => String(r.runs ?? '')],
		['median', (r) => r.median ?? ''],
		['spread', (r) => r.high ?? ''],
		['goal', (r) => r.goal ?? '']
	];
	const widths = columns.map(([head, cell]) => Math.max(head.length, ...rows.map((r) => cell(r).length)));
	const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
	console.log(`\n${title}`);
	console.log(line(columns.map(([head]) => head)));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const row of rows) console.log(line(columns.map(([, cell]) => cell(row))));
}

/** Serves build/ with `vite preview` on a free port. */
export async function serveBuild() {
	const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
	return {
		base: server.resolvedUrls.local[0].replace(/\/$/, ''),
		close: () => new Promise((resolve) => server.httpServer.close(resolve))
	};
}

/**
 * Timing helpers for every page of a context:
 * - `__input.click` / `__input.keydown`: the event time (performance.now()) of the last real tap
 *   or key press, so a figure starts when the user acts, not when the test tool got round to it;
 * - `__until(selector)` / `__untilChange(selector)` / `__when(test)`: the time at which the selector
 *   first matches, its text first changes, or the test first holds (checked on every DOM change);
 * - `__afterFrame()`: the time once the next frame has been produced (what the user sees).
 */
export async function installTimers(context) {
	await context.addInitScript(() => {
		window.__input = {};
		for (const type of ['click', 'keydown'])
			window.addEventListener(type, (event) => (window.__input[type] = event.timeStamp), { capture: true });
		const when = (test) =>
			new Promise((resolve) => {
				if (test()) return resolve(performance.now());
				const observer = new MutationObserver(() => {
					if (!test()) return;
					observer.disconnect();
					resolve(performance.now());
				});
				observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
			});
		window.__when = when;
		window.__until = (selector) => when(() => document.querySelector(selector) !== null);
		window.__untilChange = (selector) => {
			const before = document.querySelector(selector)?.textContent;
			return when(() => document.querySelector(selector)?.textContent !== before);
		};
		window.__afterFrame = () =>
			new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
	});
}

/** Saves my card (first run), so every screen of the app is open. */
export async function saveMyCard(page, base) {
	await page.goto(`${base}/card`);
	await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
	await page.getByRole('button', { name: 'Save card' }).click();
	await page.getByText('Your card is saved.').waitFor();
}
