import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, showContactFields, type Session } from './harness';

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

		await showContactFields(page);
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
		// No element was made from the text and nothing became a script link, on any screen showing it.
		const injected = () =>
			page.evaluate(
				() =>
					document.querySelectorAll('img[src="x"], [onerror], a[href^="javascript:" i]').length +
					[...document.scripts].filter((script) => script.textContent?.includes('alert(')).length
			);
		expect(await injected()).toBe(0);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.getByRole('list', { name: 'People' }).getByText('<img src=x onerror=alert(1)>Eve').waitFor();
		expect(await injected()).toBe(0);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: /Follow-ups/ })
			.click();
		await page.getByRole('list', { name: 'Follow-up queue' }).getByText('<img src=x onerror=alert(1)>Eve').waitFor();
		expect(await injected()).toBe(0);
		expect(session.problems).toEqual([]);
	});

	it('removes bidi overrides from a displayed name', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('hostile-bidi').payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await scanWithCamera(page);
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Mallory gnp.exe');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Asked for our VPN config');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mallory gnp.exe');
		expect(await page.evaluate(() => /[\u202a-\u202e\u2066-\u2069]/.test(document.body.innerText))).toBe(false);
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
