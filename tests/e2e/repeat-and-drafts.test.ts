import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { blankY4m, qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

/** Leaves an unsaved note for People, keeping the draft, as "Leave this note?" offers. */
async function leaveForPeople(page: Page): Promise<void> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
	await page
		.getByRole('dialog', { name: 'Leave this note?' })
		.getByRole('button', { name: 'Leave and keep the draft' })
		.click();
	await page.waitForURL(/\/people$/);
}

describe('the same person twice, and notes that survive', () => {
	it('scanning the same person again adds an encounter, never a duplicate', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('mecard-uid').payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		for (const note of ['Seed round timing for Sahel Ventures', 'Second chat: their Dakar office hiring']) {
			await scanWithCamera(page);
			await page.getByRole('textbox', { name: 'What did you talk about?' }).fill(note);
			await page.getByRole('button', { name: 'Save contact' }).click();
			await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		}
		await page.getByRole('heading', { name: '2 encounters' }).waitFor();
		const encounters = page
			.getByRole('list', { name: 'Encounters' })
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading') });
		expect(await encounters.count()).toBe(2);
		expect(await page.getByText('Seed round timing for Sahel Ventures').isVisible()).toBe(true);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		const people = page.getByRole('list', { name: 'People' });
		await people.waitFor();
		expect(await people.getByRole('listitem').count()).toBe(1);
		expect(await people.getByText('2 encounters').isVisible()).toBe(true);
		expect(session.problems).toEqual([]);
	});

	it('restores a note after a reload, asks before leaving, and keeps the draft', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('vcard30-cjk').payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await scanWithCamera(page);
		const note = page.getByRole('textbox', { name: 'What did you talk about?' });
		await note.fill('Robot arms for small factories in Osaka');
		await page.getByRole('textbox', { name: 'What I promised' }).fill('Intro to Kenji');
		await page.getByText('Draft kept on this device.').waitFor();

		await page.reload();
		await expect.poll(() => note.inputValue()).toBe('Robot arms for small factories in Osaka');
		expect(await page.getByRole('textbox', { name: 'What I promised' }).inputValue()).toBe('Intro to Kenji');
		expect(await page.getByText('Finish your note for 山田 太郎').isVisible()).toBe(true);

		// Leaving asks first (an in-app dialog, not a browser prompt) and keeps the draft.
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		const dialog = page.getByRole('dialog', { name: 'Leave this note?' });
		await dialog.waitFor();
		await dialog.getByRole('button', { name: 'Keep writing' }).click();
		expect(page.url()).toMatch(/\/capture\//);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await dialog.getByRole('button', { name: 'Leave and keep the draft' }).click();
		await page.waitForURL(/\/people$/);
		await page.getByRole('link', { name: 'Finish your note for 山田 太郎' }).click();
		await expect.poll(() => note.inputValue()).toBe('Robot arms for small factories in Osaka');

		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByText('Intro to Kenji').waitFor();
		await expect.poll(() => page.getByRole('link', { name: /Finish your note/ }).count()).toBe(0);
		expect(session.problems).toEqual([]);
	});

	it('lists the three oldest unfinished notes in one notice and says how many more', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		const main = page.getByRole('navigation', { name: 'Main' });
		for (const name of ['Bola Ade', 'Chen Wei', 'Dana Cruz', 'Eli Ross', 'Femi Ola']) {
			await main.getByRole('link', { name: 'Scan' }).click();
			await page.getByRole('button', { name: 'Type it instead' }).click();
			await page.waitForURL(/\/capture\//);
			await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
			await page.getByText('Draft kept on this device.').waitFor();
			await leaveForPeople(page);
		}
		// One notice for all of them: a heading that counts them, one link each.
		const banner = page.getByRole('complementary', { name: /unfinished notes/ });
		const listed = () => banner.getByRole('listitem').allTextContents();
		await expect.poll(listed).toEqual(['Bola Ade', 'Chen Wei', 'Dana Cruz']);
		expect(await banner.getByRole('heading', { name: '5 unfinished notes' }).isVisible()).toBe(true);
		expect(await banner.getByText('…and 2 more.').isVisible()).toBe(true);
		expect(await page.getByRole('complementary', { name: /unfinished/ }).count()).toBe(1);

		// On one of them, the banner leaves the open note out.
		await banner.getByRole('link', { name: 'Finish your note for Bola Ade' }).click();
		await page.waitForURL(/\/capture\//);
		await expect.poll(listed).toEqual(['Chen Wei', 'Dana Cruz', 'Eli Ross']);
		expect(await banner.getByRole('heading', { name: '4 unfinished notes' }).isVisible()).toBe(true);
		expect(await banner.getByText('…and 1 more.').isVisible()).toBe(true);
		expect(session.problems).toEqual([]);
	});

	it('leaves no draft for a "Type it instead" form left untouched, and asks nothing', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		const main = page.getByRole('navigation', { name: 'Main' });
		const name = page.getByRole('textbox', { name: 'Name', exact: true });
		const typeInstead = async () => {
			await main.getByRole('link', { name: 'Scan' }).click();
			await page.getByRole('button', { name: 'Type it instead' }).click();
			await page.waitForURL(/\/capture\//);
			await page.getByRole('heading', { name: 'Who did you meet?', level: 1 }).waitFor();
		};

		// Opened and left: no question.
		await typeInstead();
		await main.getByRole('link', { name: 'People' }).click();
		await page.waitForURL(/\/people$/);

		// A reload of the empty form shows the empty form again.
		await typeInstead();
		await page.reload();
		await page.getByRole('heading', { name: 'Who did you meet?', level: 1 }).waitFor();
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contact-name');

		// Typed in, then emptied again: kept while it held something, gone when left empty.
		await name.fill('K');
		await page.getByText('Draft kept on this device.').waitFor();
		await name.fill('');
		await main.getByRole('link', { name: 'People' }).click();
		await page.waitForURL(/\/people$/);

		// Once something is typed, the form is kept and leaving asks, as for every scan.
		await typeInstead();
		await name.fill('Femi Ola');
		await page.getByText('Draft kept on this device.').waitFor();
		await leaveForPeople(page);
		// Only that one is unfinished: the three left empty left nothing behind.
		const banner = page.getByRole('complementary', { name: /unfinished note/ });
		await banner.getByRole('heading', { name: '1 unfinished note' }).waitFor();
		expect(await banner.getByRole('listitem').allTextContents()).toEqual(['Femi Ola']);
		expect(session.problems).toEqual([]);
	});

	it('groups unfinished notes, nameless ones too, in one notice with a heading', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('opaque-id').payload, scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		for (const name of ['', 'Femi Ola', '']) {
			await scanWithCamera(page);
			await page.getByRole('heading', { name: 'Who did you meet?', level: 1 }).waitFor();
			if (name) await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
			await page.getByText('Draft kept on this device.').waitFor();
			await leaveForPeople(page);
		}
		const banner = page.getByRole('complementary', { name: /unfinished notes/ });
		await banner.getByRole('heading', { name: '3 unfinished notes' }).waitFor();
		expect(await page.getByRole('complementary', { name: /unfinished/ }).count()).toBe(1);
		const entries = await banner.getByRole('listitem').allTextContents();
		expect(entries).toHaveLength(3);
		expect(entries[0]).toMatch(/^Someone you scanned at \d{1,2}:\d{2}/);
		expect(entries[1]).toBe('Femi Ola');
		expect(entries[2]).toMatch(/^Someone you scanned at \d{1,2}:\d{2}/);
		await banner
			.getByRole('link', { name: /^Finish your note for Someone you scanned at / })
			.first()
			.click();
		await page.waitForURL(/\/capture\//);
		await banner.getByRole('heading', { name: '2 unfinished notes' }).waitFor();
		expect(session.problems).toEqual([]);
	});
});
