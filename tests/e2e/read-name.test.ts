// "Read the name": a badge whose QR code holds only a registration id, with the person's name and
// company printed beside it. The camera reads the code; on the capture form, "Read the name" reads
// the printed text from the same camera frame with on-device OCR and fills the name and company.
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.mjs';
import { pictureToY4m, scratchDir } from '../support/video';
import { baseUrl, openSession, setUpCard, type Session } from './harness';

/** A fake-camera video of a badge: a QR code holding `id`, the name and company printed beside it. */
async function badgeVideo(id: string, name: string, org: string): Promise<string> {
	const dir = scratchDir();
	const qr = await QRCode.toDataURL(id, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
		await page.setContent(
			`<body style="margin:0;width:640px;height:480px;background:#fff;font-family:'DejaVu Sans';display:flex;align-items:center;gap:24px;padding:0 24px;box-sizing:border-box">` +
				`<img src="${qr}" width="240" height="240"><div><div style="font-size:40px;font-weight:bold">${name}</div>` +
				`<div style="font-size:26px;margin-top:12px">${org}</div><div style="font-size:22px;margin-top:40px;letter-spacing:3px">ATTENDEE</div></div></body>`
		);
		await page.screenshot({ path: join(dir, 'badge.png') });
	} finally {
		await browser.close();
	}
	return pictureToY4m(
		join(dir, 'badge.png'),
		"rotate='0.02*sin(2*PI*t)':fillcolor=white,noise=alls=6:allf=t,format=yuv420p",
		join(dir, 'badge.y4m')
	);
}

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('a badge whose code is only an id', () => {
	it('fills the name and company from the printed text in the camera frame', async () => {
		session = await openSession(await badgeVideo('REG-2026-48213', 'Marta Nowak', 'Helios Energy'));
		const { page } = session;
		const leaving: string[] = [];
		page.context().on('request', (request) => {
			if (!request.url().startsWith(baseUrl()) && !/^(data|blob):/.test(request.url())) leaving.push(request.url());
		});
		await setUpCard(page, { name: 'Grace Hopper' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });

		const field = (name: string) => page.getByRole('textbox', { name, exact: true });
		await expect.poll(() => field('Badge id').inputValue()).toBe('REG-2026-48213');
		expect(await field('Name').inputValue()).toBe('');

		await page.getByRole('button', { name: 'Read the name' }).click();
		await page.getByRole('status').filter({ hasText: 'Read from the badge' }).waitFor({ timeout: 30_000 });
		expect(await field('Name').inputValue()).toBe('Marta Nowak');
		expect(await field('Company').inputValue()).toBe('Helios Energy');
		expect(await field('Badge id').inputValue()).toBe('REG-2026-48213');
		// The OCR worker ends once the badge is read: it holds tens of megabytes on a phone.
		await expect.poll(() => page.workers().filter((w) => w.url().includes('worker.min.js')).length).toBe(0);

		// The note gate holds as for every scan.
		const save = page.getByRole('button', { name: 'Save contact' });
		expect(await save.getAttribute('aria-disabled')).toBe('true');
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Heat pumps for their Gdańsk offices; wants a pilot quote');
		await expect.poll(() => save.getAttribute('aria-disabled')).toBe('false');
		await save.click();
		await page.getByRole('heading', { name: 'Marta Nowak', level: 1 }).waitFor();

		expect(leaving).toEqual([]);
		expect(session.problems).toEqual([]);
	});

	it('says so when the card reader cannot be loaded, and both buttons work again', async () => {
		session = await openSession(await badgeVideo('REG-2026-48214', 'Jonas Berg', 'Fjord Labs'), {
			serviceWorkers: 'block'
		});
		const { page, context } = session;
		await setUpCard(page, { name: 'Grace Hopper' });
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		await page.getByRole('button', { name: 'Read the name' }).waitFor();
		// The network drops every script from here on: the card reader's code never arrives.
		await context.route('**/_app/immutable/**', (route) => route.abort('internetdisconnected'));

		const readName = page.getByRole('button', { name: 'Read the name' });
		const fromPhoto = page.getByRole('button', { name: 'Read it from a photo' });
		await readName.click();
		const missing = page.getByRole('alert').filter({ hasText: 'The card reader could not be loaded.' });
		await missing.waitFor();
		await expect.poll(() => readName.isEnabled()).toBe(true);
		expect(await fromPhoto.isEnabled()).toBe(true);
		expect(await page.getByRole('progressbar', { name: 'Reading the badge' }).count()).toBe(0);
		// Trying again says so again, and leaves the buttons usable.
		await readName.click();
		await missing.waitFor();
		await expect.poll(() => readName.isEnabled()).toBe(true);
		expect(session.problems).toEqual([]);
	});
});
