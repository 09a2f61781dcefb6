// "Show my QR" keeps the screen on while someone scans the code: again after the page was hidden
// (the browser lets go of the lock then), and never after the page is left.
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

interface WakeLog {
	/** What happened, in order: "request 1", "granted 1", "released 1". */
	events: string[];
	pending: number;
}

declare global {
	interface Window {
		__wake: WakeLog & { grant(): void; hide(): void; show(): void };
	}
}

/**
 * A wake lock driven by hand: each request waits until the test grants it, and hiding the page
 * releases the held lock as a browser does. The page's visibility is the test's to set too.
 */
function fakeWakeLock() {
	let visible = true;
	let held: { released: boolean; release(): Promise<void> } | null = null;
	const waiting: (() => void)[] = [];
	const log = { events: [] as string[], pending: 0 };
	let count = 0;
	const sentinel = (n: number) => {
		const lock = {
			released: false,
			type: 'screen',
			addEventListener() {},
			removeEventListener() {},
			release() {
				if (!lock.released) log.events.push(`released ${n}`);
				lock.released = true;
				return Promise.resolve();
			}
		};
		return lock;
	};
	Object.defineProperty(document, 'visibilityState', { get: () => (visible ? 'visible' : 'hidden') });
	Object.defineProperty(document, 'hidden', { get: () => !visible });
	Object.defineProperty(navigator, 'wakeLock', {
		value: {
			request() {
				const n = ++count;
				log.events.push(`request ${n}`);
				log.pending++;
				return new Promise((resolve) =>
					waiting.push(() => {
						log.pending--;
						log.events.push(`granted ${n}`);
						held = sentinel(n);
						resolve(held);
					})
				);
			}
		}
	});
	window.__wake = Object.assign(log, {
		grant: () => waiting.shift()?.(),
		hide() {
			visible = false;
			void held?.release();
			document.dispatchEvent(new Event('visibilitychange'));
		},
		show() {
			visible = true;
			document.dispatchEvent(new Event('visibilitychange'));
		}
	});
}

const wake = (page: Session['page']) => page.evaluate(() => ({ ...window.__wake }) as WakeLog);

describe('the screen wake lock on "Show my QR"', () => {
	it('is taken again when the page is shown after being hidden, and let go when the page is left before it is granted', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context, problems } = session;
		await context.addInitScript(fakeWakeLock);
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('link', { name: 'Show my QR' }).click();
		await page.getByRole('img', { name: 'QR code with the contact card of Ada Lovelace' }).waitFor();
		await expect.poll(async () => (await wake(page)).pending).toBe(1);
		await page.evaluate(() => window.__wake.grant());

		// Hidden (another app in front), then shown again: the lock the browser dropped is asked for again.
		await page.evaluate(() => window.__wake.hide());
		await page.evaluate(() => window.__wake.show());
		await expect.poll(async () => (await wake(page)).pending).toBe(1);
		await page.evaluate(() => window.__wake.grant());
		expect((await wake(page)).events).toEqual(['request 1', 'granted 1', 'released 1', 'request 2', 'granted 2']);

		// Leaving the page lets go of it.
		await page.getByRole('link', { name: 'Done' }).click();
		await page.waitForURL(/\/card$/);
		await expect.poll(async () => (await wake(page)).events.at(-1)).toBe('released 2');

		// Back, and away again before the browser grants the lock: once granted, it is let go at once.
		await page.getByRole('link', { name: 'Show my QR' }).click();
		await expect.poll(async () => (await wake(page)).pending).toBe(1);
		await page.getByRole('link', { name: 'Done' }).click();
		await page.waitForURL(/\/card$/);
		await page.evaluate(() => window.__wake.grant());
		await expect.poll(async () => (await wake(page)).events.slice(6)).toEqual(['request 3', 'granted 3', 'released 3']);
		// Shown again on another page: no lock is asked for there.
		await page.evaluate(() => window.__wake.hide());
		await page.evaluate(() => window.__wake.show());
		expect((await wake(page)).events).toHaveLength(9);
		expect(problems).toEqual([]);
	});
});
