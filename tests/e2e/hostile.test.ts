import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('hostile payloads', () => {
	it('shows a script-laden vCard as text: no dialog, no injected element, no javascript: link', async () => {
		const fixture = badgeFixture('hostile-html');
		session = await openSession(await qrTextToY4m(fixture.payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await scanWithCamera(page);

		await expect
			.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue())
			.toBe('<img src=x onerror=alert(1)>Eve');
		expect(await page.getByRole('textbox', { name: 'Company' }).inputValue()).toBe('<script>alert(2)</script>');
		expect(await page.getByText(/isn't a web address/).isVisible()).toBe(true);
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Asked odd questions about our auth tokens');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);

		const heading = page.getByRole('heading', { level: 1 });
		expect(await heading.textContent()).toBe('<img src=x onerror=alert(1)>Eve');
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.getByRole('list', { name: 'People' }).waitFor();
		expect(
			await page
				.locator('script:not([src])')
				.evaluateAll((s) => s.filter((x) => x.textContent?.includes('alert')).length)
		).toBe(0);
		expect(session.problems).toEqual([]);
	});

	it('explains a Wi-Fi code and lets the user keep it with a typed name', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('not-a-card').payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		const alert = page.getByRole('alert').filter({ hasText: 'Wi-Fi' });
		await alert.waitFor({ timeout: 20_000 });
		await alert.getByRole('button', { name: 'Save it with a name' }).click();
		await page.waitForURL(/\/capture\//);
		expect(await page.getByRole('button', { name: 'Save contact' }).isDisabled()).toBe(true);
		await page.getByText('Scanned text').click();
		expect(await page.getByText('WIFI:T:WPA;S:ConfGuest;P:hunter22;;').isVisible()).toBe(true);
		expect(await page.locator('#save-why').textContent()).toMatch(/Type their name/);
		expect(session.problems).toEqual([]);
	});
});
