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
});
