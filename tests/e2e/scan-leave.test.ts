// Work that outlives the person's intent: a code read on the scan screen (a photo, or the camera)
// whose reading is still under way when the person leaves for another screen stores no draft and
// takes them nowhere. The code reader's module is held on its way to the page until the person has
// left, by hand, so the order never depends on the machine's speed.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, qrTextToY4m, scratchDir } from '../support/video';
import { fixturesDir } from '../support/fixtures';
import { afterScriptRan, holdScript, openSession, setUpCard, type Session } from './harness';

// A message only the code reader's own module holds (domain/contact/parse-payload.ts).
const CODE_READER = "couldn't be read and";

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

/** Leaves the scan screen for People while the code reader is held, then lets it through. */
async function leaveWhileReading(held: Awaited<ReturnType<typeof holdScript>>) {
	const { page } = session!;
	const script = await held.requested;
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
	await page.waitForURL(/\/people$/);
	held.release();
	await held.delivered;
	await afterScriptRan(page, script);
}

/**
 * Nothing was kept and nothing opened: the person is still where they went; then the note `openNote`
 * starts afterwards, named `name`, is the only unfinished one. (Had the abandoned scan gone on, it
 * would have opened its note screen, or stood beside this one: its draft is written first.)
 */
async function nothingKept(openNote: () => Promise<void>, name: string) {
	const { page } = session!;
	expect(page.url()).toMatch(/\/people$/);
	await openNote();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
	await page
		.getByRole('dialog', { name: 'Leave this note?' })
		.getByRole('button', { name: 'Leave and keep the draft' })
		.click();
	await page.waitForURL(/\/people$/);
	const banner = page.getByRole('complementary', { name: /unfinished note/ });
	await banner.getByRole('heading', { name: '1 unfinished note' }).waitFor();
	expect(await banner.getByRole('listitem').allTextContents()).toEqual([name]);
	expect(session!.problems).toEqual([]);
}

describe('leaving the scan screen while a code is read', () => {
	it('a slow "Photo of a code" stores no draft and goes nowhere', async () => {
		session = await openSession(await blankY4m(scratchDir()), { serviceWorkers: 'block' });
		const { page, context } = session;
		await setUpCard(page, { name: 'Grace Hopper' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByText('Point the camera at the code on the badge or card.').waitFor();
		const held = await holdScript(context, CODE_READER);

		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Photo of a code' }).click();
		await (await chooser).setFiles(join(fixturesDir, 'qr-photos/qrcode-1/16.png'));
		await leaveWhileReading(held);
		await nothingKept(async () => {
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
			await page.getByRole('button', { name: 'Type it instead' }).click();
			await page.waitForURL(/\/capture\//);
			await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Bola Ade');
			await page.getByText('Draft kept on this device.').waitFor();
		}, 'Bola Ade');
	});

	it('a code the camera read stores no draft and goes nowhere once the person has left', async () => {
		const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEMAIL:ada@engines.example\nEND:VCARD';
		session = await openSession(await qrTextToY4m(card, scratchDir()), { serviceWorkers: 'block' });
		const { page, context } = session;
		await setUpCard(page, { name: 'Grace Hopper' });
		const held = await holdScript(context, CODE_READER);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await leaveWhileReading(held);
		// Back on the scan screen, the camera reads the same code again, now at once: that one scan only.
		await nothingKept(async () => {
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
			await page.waitForURL(/\/capture\//, { timeout: 20_000 });
			await page.getByRole('heading', { name: 'Ada Lovelace' }).first().waitFor();
		}, 'Ada Lovelace');
	});
});
