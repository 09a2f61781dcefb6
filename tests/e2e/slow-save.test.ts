// Saving a contact usually takes ~10 ms, so the form shows no busy state at once (that would cost a
// frame drawn in the middle of the save). A slow save — the database busy with another tab — shows
// "Saving…" and makes the form inert; from the moment Save is pressed, nothing more can be typed
// into the draft being saved, and what was written is what is saved.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const written = 'Grid storage pilots in Lagos; she wants our battery data';

/** A badge scanned and its note written: "Save contact" can be pressed. */
async function scannedWithNote() {
	session = await openSession(await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir()));
	const { page } = session;
	await setUpCard(page, { name: 'Ada Lovelace' });
	await scanWithCamera(page);
	const note = page.getByRole('textbox', { name: 'What did you talk about?' });
	await note.fill(written);
	const save = page.getByRole('button', { name: 'Save contact' });
	await expect.poll(() => save.isEnabled()).toBe(true);
	return { page, note, save };
}

describe('a slow save', () => {
	it('says "Saving…", takes no more typing, and saves what was written', async () => {
		const { page, note, save } = await scannedWithNote();

		// Another connection (as another tab would) holds the people store until released.
		await page.evaluate(async () => {
			const w = window as unknown as { __hold: boolean };
			w.__hold = true;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('networking-companion');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const store = db.transaction('people', 'readwrite').objectStore('people');
			const spin = () => {
				if (w.__hold) store.get('nobody').onsuccess = spin;
			};
			spin();
		});
		await save.click();
		await page.getByText('Saving…').waitFor();
		expect(await page.locator('form').getAttribute('inert')).toBe('');
		// Nothing in the form can be focused or typed into until the save ends.
		await note.click({ force: true, timeout: 1000 });
		await page.keyboard.type(' and more');
		expect(await note.inputValue()).toBe(written);
		expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('note');
		expect(page.url()).toMatch(/\/capture\//);

		await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
		await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		await page.getByRole('heading', { name: 'Adaeze Okafor', level: 1 }).waitFor();
		await page.getByText(written, { exact: true }).waitFor();
		expect(session?.problems).toEqual([]);
	});

	it('refuses typing from the moment Save is pressed, before it looks busy', async () => {
		const { page } = await scannedWithNote();
		// Keys typed right after the submit, in the same task, before any busy look: refused.
		await page.evaluate(() => {
			const form = document.querySelector('form')!;
			const textarea = document.querySelector<HTMLTextAreaElement>('#note')!;
			form.requestSubmit();
			const typed = new InputEvent('beforeinput', {
				inputType: 'insertText',
				data: 'x',
				cancelable: true,
				bubbles: true
			});
			(window as unknown as { __refused: boolean }).__refused = !textarea.dispatchEvent(typed);
			const key = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, bubbles: true });
			(window as unknown as { __keyRefused: boolean }).__keyRefused = !textarea.dispatchEvent(key);
		});
		expect(await page.evaluate(() => (window as unknown as { __refused: boolean }).__refused)).toBe(true);
		expect(await page.evaluate(() => (window as unknown as { __keyRefused: boolean }).__keyRefused)).toBe(true);
		await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		await page.getByText(written, { exact: true }).waitFor();
		expect(session?.problems).toEqual([]);
	});
});
