// The booth flow after a scan, as a new user at a conference walks it: no swipe or tap before
// typing the note, guessed names marked as guesses, the card's own note kept, and no red error
// before the person tried to save or left a field they typed in.
//
// One browser serves every scan: Chromium reads --use-file-for-fake-video-capture each time a page
// opens the camera, so renaming another video onto that path between scans changes what it films.
import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeFixture } from '../support/fixtures';
import { blankY4m, qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, type Session } from './harness';

const dir = scratchDir('enc-booth-');
const camera = join(dir, 'camera.y4m');
let blank: string;
let session: Session;
let page: Page;

/** Points the fake camera at a video (a rename: no scan ever sees half a file). */
function show(video: string): void {
	copyFileSync(video, join(dir, 'next.y4m'));
	renameSync(join(dir, 'next.y4m'), camera);
}

/** Points the fake camera at a QR code of `text`. */
async function film(text: string): Promise<void> {
	show(await qrTextToY4m(text, scratchDir('enc-booth-qr-')));
}

beforeAll(async () => {
	blank = await blankY4m(dir);
	show(blank);
	session = await openSession(camera);
	page = session.page;
	await setUpCard(page, { name: 'Ada Lovelace' });
});
afterAll(() => session?.close());

const note = () => page.getByRole('textbox', { name: 'What did you talk about?' });
const contact = () => page.getByRole('region', { name: 'Contact', exact: true });
const edit = () => page.getByRole('button', { name: 'Edit contact details' });
// The field's own hint is in the DOM too, hidden while the contact is folded.
const guess = () => contact().getByText('Guessed from the badge: check it.').filter({ visible: true });
const focused = () => page.evaluate(() => document.activeElement?.id ?? '');

/** Discards the scan on screen and goes to People, the camera filming nothing (no scan starts). */
async function discard(): Promise<void> {
	show(blank);
	await page.getByRole('button', { name: 'Discard this scan' }).click();
	await page
		.getByRole('dialog', { name: 'Discard this scan?' })
		.getByRole('button', { name: 'Discard the scan and note' })
		.click();
	await page.waitForURL(/\/scan$/);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
	await page.waitForURL(/\/people$/);
}

describe('after a scan, straight to the note', () => {
	it('folds a named contact into one line and takes typing in the note at once', async () => {
		await film(badgeFixture('vcard30-basic').payload);
		await scanWithCamera(page);
		await contact().getByText('Adaeze Okafor · Head of Research, Lumen Labs').waitFor();
		expect(await contact().textContent()).toContain(
			'Adaeze Okafor · Head of Research, Lumen Labs · adaeze@lumenlabs.example · +234 803 555 0142 · lumenlabs.example'
		);
		expect(await edit().getAttribute('aria-expanded')).toBe('false');
		expect(await page.getByRole('textbox', { name: 'Name', exact: true }).count()).toBe(0);

		// No tap: the keyboard types into the note.
		await expect.poll(focused).toBe('note');
		await page.keyboard.type('Grid storage pilots in Lagos; she wants our battery data');
		expect(await note().inputValue()).toBe('Grid storage pilots in Lagos; she wants our battery data');

		// Editing is one tap away, and the fields hold what was scanned.
		await edit().click();
		expect(await edit().getAttribute('aria-expanded')).toBe('true');
		const name = page.getByRole('textbox', { name: 'Name', exact: true });
		expect(await name.inputValue()).toBe('Adaeze Okafor');
		expect(await page.getByRole('textbox', { name: 'Phone' }).inputValue()).toBe('+2348035550142');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);

		// The same person again: the "met before" notice shows, and typing still goes to the note.
		await scanWithCamera(page);
		await page.getByRole('status').filter({ hasText: 'You have met Adaeze Okafor before' }).waitFor();
		await expect.poll(focused).toBe('note');
		await page.keyboard.type('Second chat: battery data arrived');
		expect(await note().inputValue()).toBe('Second chat: battery data arrived');

		// A restored draft folds the same way, the cursor after what was written.
		await page.getByText('Draft kept on this device.').waitFor();
		await page.reload();
		await page.getByRole('status').filter({ hasText: 'your draft was restored' }).waitFor();
		expect(await edit().getAttribute('aria-expanded')).toBe('false');
		await expect.poll(focused).toBe('note');
		await page.keyboard.type(', and a pilot quote');
		expect(await note().inputValue()).toBe('Second chat: battery data arrived, and a pilot quote');
		await discard();
		expect(session.problems).toEqual([]);
	});

	it('keeps the fields open, the cursor in Name and "Read the name" at hand without a name', async () => {
		await film(badgeFixture('opaque-id').payload);
		await scanWithCamera(page);
		await page.getByRole('heading', { name: 'Who did you meet?', level: 1 }).waitFor();
		await expect.poll(focused).toBe('contact-name');
		expect(await edit().getAttribute('aria-expanded')).toBe('true');
		expect(await page.getByRole('textbox', { name: 'Badge id' }).inputValue()).toBe('SB7730041921');
		expect(await page.getByRole('button', { name: 'Read the name' }).isVisible()).toBe(true);
		await page.keyboard.type('Kofi Mensah');
		expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Kofi Mensah');
		await discard();
		expect(session.problems).toEqual([]);
	});

	it('unfolds the contact when saving finds a problem in it, and takes the person there', async () => {
		await film(badgeFixture('vcard30-lf-only').payload);
		await scanWithCamera(page);
		await expect.poll(focused).toBe('note');
		await edit().click();
		await page.getByRole('textbox', { name: 'Email' }).fill('priya@');
		await edit().click();
		expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(0);
		await note().fill('Clinic scheduling app for Kestrel; wants a demo');
		await page.getByRole('button', { name: 'Save contact' }).click({ force: true });

		const email = page.getByRole('textbox', { name: 'Email' });
		await expect.poll(focused).toBe('contact-email');
		expect(await edit().getAttribute('aria-expanded')).toBe('true');
		expect(await email.getAttribute('aria-invalid')).toBe('true');
		expect(await contact().getByText('This email address does not look right.').isVisible()).toBe(true);
		expect(page.url()).toMatch(/\/capture\//);
		await discard();
		expect(session.problems).toEqual([]);
	});
});

describe('what the code says, read as a person would', () => {
	it('suggests the name a LinkedIn link or an email address hints at, marked as a guess', async () => {
		await film(badgeFixture('linkedin-title').payload);
		await scanWithCamera(page);
		await contact().getByText('Daniel Okafor · LinkedIn').waitFor();
		expect(await guess().count()).toBe(1);
		await edit().click();
		expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Daniel Okafor');
		await discard();

		await film(badgeFixture('mailto-name').payload);
		await scanWithCamera(page);
		await contact().getByText('Ana Pereira · ana.pereira@example.pt').waitFor();
		expect(await guess().count()).toBe(1);
		await discard();

		// A role address names no one: the name is left for the person to type.
		await film(badgeFixture('mailto-role').payload);
		await scanWithCamera(page);
		await expect.poll(focused).toBe('contact-name');
		expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('');
		await discard();
		expect(session.problems).toEqual([]);
	});

	it("shows a MECARD's note and saves it with the conversation", async () => {
		await film(badgeFixture('mecard-note').payload);
		await scanWithCamera(page);
		await contact().getByText('Note on their card: “Ask me about the Lagos pilot; booth B12”').waitFor();
		await expect.poll(focused).toBe('note');
		await page.keyboard.type('Battery data for their Lagos pilot');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByRole('heading', { name: 'Daniel Okafor', level: 1 }).waitFor();
		expect(await page.getByText('Note on their card: Ask me about the Lagos pilot; booth B12').isVisible()).toBe(true);
		show(blank);
		expect(session.problems).toEqual([]);
	});
});

describe('errors show only after an attempt', () => {
	it('says nothing red while the person types, at a field they left, and everywhere once they tried', async () => {
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByRole('button', { name: 'Type it instead' }).click();
		await page.waitForURL(/\/capture\//);
		const name = page.getByRole('textbox', { name: 'Name', exact: true });
		const email = page.getByRole('textbox', { name: 'Email' });
		await expect.poll(focused).toBe('contact-name');
		// What is missing is said beside the save button, not as an error at a field.
		expect(await page.locator('#save-why').textContent()).toMatch(/Type their name/);
		expect(await name.getAttribute('aria-invalid')).toBeNull();
		expect(await page.locator('.error').count()).toBe(0);

		// While typing, no error; once the field is left, its error.
		await email.click();
		await page.keyboard.type('not-an-email');
		await expect.poll(() => page.locator('#save-why').textContent()).toMatch(/Type their name/);
		expect(await email.getAttribute('aria-invalid')).toBeNull();
		await page.keyboard.press('Tab');
		await page.getByText('This email address does not look right.').waitFor();
		expect(await email.getAttribute('aria-invalid')).toBe('true');
		expect(await name.getAttribute('aria-invalid')).toBeNull();

		await note().click();
		await page.keyboard.type('Great chat');
		expect(await note().getAttribute('aria-invalid')).toBeNull();
		await note().blur();
		await expect.poll(() => note().getAttribute('aria-invalid')).toBe('true');

		// Trying to save shows every problem and goes to the first: the name never typed.
		await page.getByRole('button', { name: 'Save contact' }).click({ force: true });
		await expect.poll(focused).toBe('contact-name');
		expect(await name.getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByText('Type their name to save this contact.').count()).toBe(2);
		await discard();
		expect(session.problems).toEqual([]);
	});
});

describe('the scan screen', () => {
	it('offers two clearly named photo choices: a photo of a code, or a paper card to read', async () => {
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByText('Point the camera at the code on the badge or card.').waitFor();
		const code = page.getByRole('button', { name: 'Photo of a code' });
		const card = page.getByRole('button', { name: 'Read a paper card' });
		expect(await code.isVisible()).toBe(true);
		expect(await card.isVisible()).toBe(true);
		for (const old of ['Scan from photo', 'Scan a card']) {
			expect(await page.getByRole('button', { name: old }).count(), old).toBe(0);
		}

		// "Read a paper card" asks for a photo, taken with the phone's camera where there is one.
		const cardChooser = page.waitForEvent('filechooser');
		await card.click();
		const picker = await cardChooser;
		expect(await picker.element().getAttribute('capture')).toBe('environment');
		await picker.setFiles([]);

		// "Photo of a code" reads the code in a photo, straight to the note.
		const photo = join(scratchDir('enc-booth-photo-'), 'code.png');
		writeFileSync(photo, await QRCode.toBuffer(badgeFixture('vcard30-basic').payload, { margin: 4, width: 400 }));
		const codeChooser = page.waitForEvent('filechooser');
		await code.click();
		await (await codeChooser).setFiles(photo);
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		await contact().getByText('Adaeze Okafor · Head of Research, Lumen Labs').waitFor();
		await expect.poll(focused).toBe('note');
		await discard();
		expect(session.problems).toEqual([]);
	});
});
