// Booth point: "Show my QR" has Copy link and Share, with a short text naming the person.
import { afterEach, describe, expect, it } from 'vitest';
import { blankCard } from '$lib/domain/card/card-model';
import { cardLink, sharedCardOf } from '$lib/domain/card/share-link';
import { blankY4m, scratchDir } from '../support/video';
import { baseUrl, openSession, setUpCard, watchPage, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('"Show my QR" hands on the card link', () => {
	it('copies the link, shares it with a text naming the person, and says what to do where neither works', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context, problems } = session;
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await setUpCard(page, { name: 'Ada Lovelace', email: 'ada@difference.example' });
		// The card page link the code holds in its link mode.
		const link = cardLink(
			sharedCardOf({ ...blankCard(), name: 'Ada Lovelace', email: 'ada@difference.example' }),
			baseUrl()
		);

		await page.getByRole('link', { name: 'Show my QR' }).click();
		await page.getByRole('img', { name: 'QR code with the contact card of Ada Lovelace' }).waitFor();
		// This Chromium has no share sheet: no Share button, and the page says so.
		expect(await page.getByRole('button', { name: 'Share', exact: true }).count()).toBe(0);
		expect(await page.getByText('This browser has no share menu').isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Copy link' }).click();
		await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

		// A phone with a share sheet (recorded), and a clipboard the browser refuses.
		const phone = await context.newPage();
		watchPage(phone, problems);
		await phone.addInitScript(() => {
			const calls: ShareData[] = [];
			Object.defineProperty(window, '__shared', { value: calls });
			// The answers the share sheet gives, in turn: shared, closed by the person, refused.
			const answers = [null, 'AbortError', 'NotAllowedError'];
			Object.defineProperty(navigator, 'share', {
				value: (data: ShareData) => {
					calls.push(data);
					const error = answers.shift();
					return error ? Promise.reject(new DOMException('No share', error)) : Promise.resolve();
				},
				configurable: true
			});
			Object.defineProperty(navigator.clipboard, 'writeText', {
				value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
				configurable: true
			});
		});
		await phone.goto('/card/qr');
		await phone.getByRole('img', { name: 'QR code with the contact card of Ada Lovelace' }).waitFor();
		expect(await phone.getByText('This browser has no share menu').count()).toBe(0);
		await phone.getByRole('button', { name: 'Share', exact: true }).click();
		await expect
			.poll(() => phone.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared))
			.toEqual([{ title: "Ada Lovelace's contact card", text: "Ada Lovelace's contact card", url: link }]);
		// Anything said about sharing (the app's own "Ready to work offline" may come and go meanwhile).
		const said = phone.getByRole('status').filter({ hasText: /shar|cop(y|ied)/i });
		expect(await said.count()).toBe(0);
		// Closing the sheet is the person's choice: nothing to say. A refusal is said, with what to do.
		await phone.getByRole('button', { name: 'Share', exact: true }).click();
		await expect
			.poll(() => phone.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length))
			.toBe(2);
		expect(await said.count()).toBe(0);
		await phone.getByRole('button', { name: 'Share', exact: true }).click();
		await phone.getByRole('status').filter({ hasText: 'Sharing did not work here. Use Copy link instead.' }).waitFor();

		await phone.getByRole('button', { name: 'Copy link' }).click();
		await phone.getByRole('status').filter({ hasText: 'Copying was not allowed here.' }).waitFor();
		// The link, ready to be copied by hand: shown, focused and selected.
		const field = phone.getByRole('textbox', { name: "Your card's link" });
		expect(await field.inputValue()).toBe(link);
		expect(
			await field.evaluate(
				(input: HTMLInputElement) =>
					input === document.activeElement && input.selectionStart === 0 && input.selectionEnd === input.value.length
			)
		).toBe(true);
		expect(problems).toEqual([]);
	});
});
