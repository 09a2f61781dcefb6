import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { blankY4m, imageToY4m, scratchDir } from '../support/video';
import {
	baseUrl,
	openSession,
	scanWithCamera,
	setUpCard,
	showContactFields,
	waitForServiceWorker,
	type Session
} from './harness';

const sessions: Session[] = [];
afterEach(async () => {
	await Promise.all(sessions.splice(0).map((s) => s.close()));
});

describe('the share-back link', () => {
	it('"Show my QR" as a link: the app reads it offline, a visitor opens the card page, saves the contact and sends theirs back', async () => {
		const dir = scratchDir();
		const owner = await openSession(await blankY4m(dir));
		sessions.push(owner);
		await setUpCard(owner.page, { name: 'Grace Hopper', email: 'grace@compiler.example', company: 'Compiler Corp' });
		// Installed for offline use first, and its "Ready to work offline" note dismissed, so nothing
		// covers the code.
		await waitForServiceWorker(owner.page);
		const ready = owner.page.getByRole('button', { name: 'OK' });
		if (await ready.isVisible()) await ready.click();
		await owner.page.getByRole('link', { name: 'Show my QR' }).click();
		await owner.page.getByRole('radio', { name: 'A link to my card page' }).check();
		await owner.page.getByText('nothing is uploaded').waitFor();
		const code = owner.page.getByRole('img', { name: 'QR code with a link to the contact card of Grace Hopper' });
		await code.locator('svg').waitFor();
		const png = join(dir, 'link-qr.png');
		await code.screenshot({ path: png });

		// Another phone with the app scans it through its camera, offline: the card is read from the
		// link itself.
		const scanner = await openSession(await imageToY4m(png, join(dir, 'link-qr.y4m')));
		sessions.push(scanner);
		await setUpCard(scanner.page, { name: 'Alan Turing' });
		await waitForServiceWorker(scanner.page);
		await scanner.context.setOffline(true);
		await scanWithCamera(scanner.page);
		await showContactFields(scanner.page);
		await expect.poll(() => scanner.page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Grace Hopper');
		expect(await scanner.page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('grace@compiler.example');
		expect(await scanner.page.getByRole('textbox', { name: 'Company' }).inputValue()).toBe('Compiler Corp');
		await scanner.page.getByText('Scanned text').click();
		const link = (await scanner.page.locator('details pre').textContent())?.trim() ?? '';
		expect(link).toMatch(new RegExp(`^${baseUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/c#1[A-Za-z0-9_-]+$`));

		// Someone without the app: the phone camera opens the link in a fresh browser.
		const visitor = await openSession(await blankY4m(dir));
		sessions.push(visitor);
		const requests: string[] = [];
		visitor.page.on('request', (request) => requests.push(request.url()));
		await visitor.page.goto(link);
		await visitor.page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
		await visitor.page.getByText('Nothing is uploaded.').waitFor();
		const [download] = await Promise.all([
			visitor.page.waitForEvent('download'),
			visitor.page.getByRole('button', { name: 'Save contact' }).click()
		]);
		expect(download.suggestedFilename()).toBe('Grace-Hopper.vcf');
		const vcard = await readFile((await download.path())!, 'utf8');
		expect(parseBadgePayload(vcard)).toMatchObject({
			kind: 'vcard',
			fields: { name: 'Grace Hopper', email: 'grace@compiler.example', org: 'Compiler Corp' },
			warnings: []
		});

		// "Send yours back": a code to show, and an email to the card's owner, made on the phone.
		await visitor.page.getByRole('button', { name: 'Make my card' }).click();
		expect(await visitor.page.getByRole('textbox', { name: 'Your name' }).getAttribute('aria-invalid')).toBe('true');
		await visitor.page.getByRole('textbox', { name: 'Your name' }).fill('Katherine Johnson');
		await visitor.page.getByRole('textbox', { name: 'Email' }).fill('katherine@orbits.example');
		await visitor.page.getByRole('textbox', { name: 'Where we met (optional)' }).fill('We met at the compiler talk.');
		await visitor.page.getByRole('button', { name: 'Make my card' }).click();
		await visitor.page
			.getByRole('img', { name: 'QR code with the contact card of Katherine Johnson' })
			.locator('svg')
			.waitFor();
		const mail = await visitor.page.getByRole('link', { name: 'Email my card to Grace Hopper' }).getAttribute('href');
		expect(mail).toMatch(/^mailto:grace@compiler\.example\?subject=/);
		const body = new URLSearchParams(mail!.split('?')[1]).get('body') ?? '';
		expect(body).toContain('This is Katherine Johnson. We met at the compiler talk.');
		const theirLink = /My card: (\S+)/.exec(body)?.[1] ?? '';
		expect(parseBadgePayload(theirLink).fields).toMatchObject({
			name: 'Katherine Johnson',
			email: 'katherine@orbits.example'
		});
		// Nothing was stored for the visitor, and only the app's own files were fetched: the card went
		// nowhere.
		expect(await visitor.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
		expect(requests.filter((url) => !url.startsWith(baseUrl()))).toEqual([]);

		// The owner's phone, with the app cached, opens a card link offline too.
		await waitForServiceWorker(owner.page);
		await owner.context.setOffline(true);
		await owner.page.goto(theirLink);
		await owner.page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
		expect([...owner.problems, ...scanner.problems, ...visitor.problems]).toEqual([]);
	});

	it('a damaged link says so instead of showing a card', async () => {
		const visitor = await openSession(await blankY4m(scratchDir()));
		sessions.push(visitor);
		await visitor.page.goto('/c#1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
		await visitor.page.getByRole('heading', { name: 'Card not readable' }).waitFor();
		expect(await visitor.page.getByRole('alert').textContent()).toMatch(/incomplete or damaged/);
		expect(visitor.problems).toEqual([]);
	});
});
