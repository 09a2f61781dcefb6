// Every symbology a badge or card may carry, read for real: each is rendered with bwip-js into a
// PNG, shown to Chromium's fake camera as a moving video, and scanned through to the note form;
// then each PNG is scanned again through "Photo of a code".
//
// One browser serves all the camera scans: Chromium reads --use-file-for-fake-video-capture
// each time a page opens the camera, so renaming another video onto that path between scans
// changes what the camera sees without launching a browser per symbology.
import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeFixture } from '../support/fixtures';
import { blankY4m, imageToY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, showContactFields, type Session } from './harness';

interface Case {
	label: string;
	bcid: string;
	text: string;
	/** Textbox name → value expected on the note form. */
	expect: Record<string, string>;
	/** Text on the note form and, after saving, on the person's page. */
	kept?: string;
	/** A wide symbol (1D barcodes, PDF417): fitted into a wide box so its bars stay several pixels thick. */
	wide?: boolean;
	/** Bar height for a 1D barcode, in millimetres at bwip-js' scale. */
	height?: number;
}

const CASES: Case[] = [
	{
		label: 'QR code',
		bcid: 'qrcode',
		text: badgeFixture('vcard30-basic').payload,
		expect: { Name: 'Adaeze Okafor', Email: 'adaeze@lumenlabs.example', Phone: '+2348035550142' }
	},
	{
		// Micro QR holds at most 35 digits: an id, never a card.
		label: 'Micro QR code',
		bcid: 'microqrcode',
		text: 'SB7730041921',
		expect: { 'Badge id': 'SB7730041921', Name: '' }
	},
	{
		// vCard 4.0 with PREF: the preferred email and phone are the main ones, the others are kept.
		label: 'Aztec code',
		bcid: 'azteccode',
		text: [
			'BEGIN:VCARD',
			'VERSION:4.0',
			'FN:Søren Kierkegaard-Nielsen',
			'EMAIL;TYPE=home:soren@home.example',
			'EMAIL;TYPE=work;PREF=1:soren@fjord.example',
			'TEL;VALUE=uri;TYPE=cell:tel:+45-20-55-01-99',
			'TEL;VALUE=uri;TYPE=work;PREF=1:tel:+45-33-12-34-56',
			'END:VCARD'
		].join('\r\n'),
		expect: { Name: 'Søren Kierkegaard-Nielsen', Email: 'soren@fjord.example', Phone: '+4533123456' },
		kept: 'Also on their card: soren@home.example, +4520550199'
	},
	{
		label: 'PDF417 code',
		bcid: 'pdf417',
		text: badgeFixture('vcard30-lf-only').payload,
		expect: { Name: 'Priya Raman', Company: 'Kestrel Health', Email: 'priya@kestrel.example' },
		wide: true
	},
	{
		label: 'Data Matrix code',
		bcid: 'datamatrix',
		text: badgeFixture('mecard-uid').payload,
		expect: { Name: 'Mamadou Diallo', Email: 'm.diallo@sahel.example', 'Badge id': 'EVT-2026-00841' }
	},
	{
		label: 'Code 128 barcode',
		bcid: 'code128',
		text: '204419283310',
		expect: { 'Badge id': '204419283310', Name: '' },
		wide: true,
		height: 12
	},
	{
		label: 'Code 39 barcode',
		bcid: 'code39',
		text: 'EVT-00841',
		expect: { 'Badge id': 'EVT-00841', Name: '' },
		wide: true,
		height: 12
	}
];

const dir = scratchDir('enc-symbologies-');
const camera = join(dir, 'camera.y4m');
const pngs = new Map<string, string>();
const videos = new Map<string, string>();
let session: Session;
let page: Page;

/** Points the fake camera at another video: a rename, so no scan ever sees half a file. */
function showCamera(video: string): void {
	const next = join(dir, 'next.y4m');
	copyFileSync(video, next);
	renameSync(next, camera);
}

beforeAll(async () => {
	await Promise.all(
		CASES.map(async (c) => {
			const png = join(dir, `${c.bcid}.png`);
			const image = await bwipjs.toBuffer({
				bcid: c.bcid,
				text: c.text,
				scale: 4,
				...(c.height ? { height: c.height } : {}),
				paddingwidth: 12,
				paddingheight: 12,
				backgroundcolor: 'FFFFFF'
			});
			writeFileSync(png, image);
			pngs.set(c.bcid, png);
			const box = c.wide ? { width: 600, height: 300 } : { width: 400, height: 400 };
			videos.set(c.bcid, await imageToY4m(png, join(dir, `${c.bcid}.y4m`), 3, box));
		})
	);
	showCamera(await blankY4m(dir));
	session = await openSession(camera);
	page = session.page;
	await setUpCard(page, { name: 'Ada Lovelace' });
});
afterAll(() => session?.close());

async function expectFields(expected: Record<string, string>): Promise<void> {
	await showContactFields(page);
	const [first, ...rest] = Object.entries(expected);
	// The form fills in once the draft is loaded: the first field named is one that is not empty.
	await expect.poll(() => page.getByRole('textbox', { name: first![0], exact: true }).inputValue()).toBe(first![1]);
	for (const [name, value] of rest) {
		expect(await page.getByRole('textbox', { name, exact: true }).inputValue(), name).toBe(value);
	}
}

describe('each symbology from the camera reaches the note form', () => {
	it.each(CASES.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
		showCamera(videos.get(c.bcid)!);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		await expectFields(c.expect);
		expect(await page.getByText(`Read from a ${c.label}.`).isVisible()).toBe(!!c.expect['Badge id']);
		if (c.kept) expect(await page.getByText(`${c.kept}. Saved with your note.`).isVisible()).toBe(true);

		// The note gate holds for every kind of code: no name or no note, no save.
		const save = page.getByRole('button', { name: 'Save contact' });
		expect(await save.isDisabled()).toBe(true);
		if (!c.expect.Name) {
			expect(await page.locator('#save-why').textContent()).toMatch(/Type their name/);
			await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Holder of ${c.text.slice(0, 12)}`);
		}
		await expect.poll(() => page.locator('#save-why').textContent()).toMatch(/Write what you talked about/);
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill(`Badge printing with ${c.label}s`);
		await expect.poll(() => save.isEnabled()).toBe(true);
		await save.click();
		await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		if (c.kept) await page.getByText(c.kept).waitFor();
		expect(session.problems).toEqual([]);
	});
});

describe('each symbology from a photo reaches the note form', () => {
	it('reads every symbology through "Photo of a code"', async () => {
		showCamera(join(dir, 'blank.y4m'));
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		for (const c of CASES) {
			const chooser = page.waitForEvent('filechooser');
			await page.getByRole('button', { name: 'Photo of a code' }).click();
			await (await chooser).setFiles(pngs.get(c.bcid)!);
			await page.waitForURL(/\/capture\//, { timeout: 20_000 });
			await expectFields(c.expect);
			expect(await page.getByText(`Read from a ${c.label}.`).isVisible(), c.label).toBe(!!c.expect['Badge id']);
			await page.getByRole('button', { name: 'Discard this scan' }).click();
			await page
				.getByRole('dialog', { name: 'Discard this scan?' })
				.getByRole('button', { name: 'Discard the scan and note' })
				.click();
			await page.waitForURL(/\/scan$/);
		}
		expect(session.problems).toEqual([]);
	});
});
