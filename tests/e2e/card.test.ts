import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('my card', () => {
	it('first run asks for my card, then shows it as a QR code', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await page.goto('/');
		await expect.poll(() => new URL(page.url()).pathname).toBe('/card');
		await page.getByRole('button', { name: 'Save card' }).click();
		await expect.poll(() => page.getByText('Your name is needed').isVisible()).toBe(true);

		await setUpCard(page, { name: 'Ada Lovelace', email: 'ada@difference.example', company: 'Difference Ltd' });
		await page.getByRole('link', { name: 'Show my QR' }).click();
		const qr = page.getByRole('img', { name: 'QR code with the contact card of Ada Lovelace' });
		await qr.waitFor();
		await expect.poll(() => qr.locator('svg').count()).toBeGreaterThan(0);
		const box = await qr.boundingBox();
		expect(box?.width).toBeGreaterThanOrEqual(200);
		expect(await page.getByRole('button', { name: 'Download PNG' }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Download SVG' }).isVisible()).toBe(true);
		expect(session.problems).toEqual([]);
	});

	// The draft is kept 200 ms after the last keystroke. The page's clock stands still while the
	// person types and leaves, so "leaving within 200 ms" is what happens, whatever the load.
	it('keeps the last keystrokes of the card draft when the person leaves My card straight away', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context } = session;
		await context.clock.install();
		await setUpCard(page, { name: 'Ada Lovelace' });
		const nav = page.getByRole('navigation', { name: 'Main' });
		const title = page.getByRole('textbox', { name: 'Title' });
		const standStill = async () => page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));

		// Leaving the screen for another one.
		await standStill();
		await title.fill('Analyst');
		await nav.getByRole('link', { name: 'People' }).click();
		// The router waits a frame before it navigates: 20 ms of the page's time, not the 200 ms.
		await page.clock.runFor(20);
		await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
		await page.clock.resume();
		await nav.getByRole('link', { name: 'My card' }).click();
		await page.getByRole('status').filter({ hasText: 'Your unsaved changes were restored.' }).waitFor();
		expect(await title.inputValue()).toBe('Analyst');

		// The app going out of view (a phone switching apps), and the browser ending it there.
		await standStill();
		await title.fill('Analyst and poet');
		await page.evaluate(() => {
			Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
			Object.defineProperty(document, 'hidden', { value: true, configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		});
		await expect
			.poll(() =>
				page.evaluate(
					() =>
						new Promise<unknown>((resolve, reject) => {
							const open = indexedDB.open('networking-companion');
							open.onsuccess = () => {
								const get = open.result.transaction('settings').objectStore('settings').get('cardDraft');
								get.onsuccess = () => resolve((get.result as { value?: { title?: string } })?.value?.title);
								get.onerror = () => reject(get.error);
							};
							open.onerror = () => reject(open.error);
						})
				)
			)
			.toBe('Analyst and poet');
		await page.reload();
		await page.getByRole('status').filter({ hasText: 'Your unsaved changes were restored.' }).waitFor();
		expect(await title.inputValue()).toBe('Analyst and poet');
		expect(session.problems).toEqual([]);
	});
});
