import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, showContactFields, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('scan a badge and save the person with a note', () => {
	it('will not save without a real note, then saves and lists the person', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await scanWithCamera(page);

		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		expect(await page.getByRole('textbox', { name: 'Company' }).inputValue()).toBe('Lumen Labs');
		expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('adaeze@lumenlabs.example');
		expect(await page.getByRole('textbox', { name: 'Phone' }).inputValue()).toBe('+2348035550142');

		const save = page.getByRole('button', { name: 'Save contact' });
		const note = page.getByRole('textbox', { name: 'What did you talk about?' });
		expect(await save.isDisabled()).toBe(true);
		expect(await page.locator('#save-why').textContent()).toMatch(/Write what you talked about/);

		await note.fill('Great to meet you!');
		await expect.poll(() => page.locator('#save-why').textContent()).toMatch(/could be said of anyone/);
		expect(await save.isDisabled()).toBe(true);
		// Trying anyway (it is aria-disabled, so it stays focusable and clickable) says why at the
		// field and takes the user there.
		await save.click({ force: true });
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('note');
		expect(await note.getAttribute('aria-invalid')).toBe('true');
		expect(page.url()).toMatch(/\/capture\//);

		await note.fill('Grid storage pilots in Lagos; she wants our battery data');
		await page.getByRole('textbox', { name: 'What I promised' }).fill('Send the battery dataset');
		await page.getByRole('button', { name: 'Add promise' }).click();
		await expect.poll(() => save.isEnabled()).toBe(true);
		await save.click();

		await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		await page.getByRole('heading', { name: 'Adaeze Okafor', level: 1 }).waitFor();
		expect(await page.getByText('Send the battery dataset').isVisible()).toBe(true);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		const list = page.getByRole('list', { name: 'People' });
		await list.waitFor();
		expect(await list.getByRole('listitem').count()).toBe(1);
		expect(await list.getByRole('link', { name: /Adaeze Okafor/ }).isVisible()).toBe(true);
		await page.getByRole('searchbox', { name: 'Search people' }).fill('battery');
		await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
		await page.getByRole('searchbox', { name: 'Search people' }).fill('quantum');
		await page.getByText('No one matches').waitFor();
		expect(session.problems).toEqual([]);
	});
});
