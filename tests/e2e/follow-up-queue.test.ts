import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, type Session, setUpCard, typeInPerson } from './harness';
import type { Page } from 'playwright-core';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const T0 = new Date('2026-11-20T09:00:00Z');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const rate = (page: Page) => page.getByRole('region', { name: 'Followed up within 48 hours' });

async function typeInKofi(page: Page) {
	// This camera would scan the first person again at once; refuse it and type instead.
	await page.evaluate(() => {
		navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
	});
	await typeInPerson(page, {
		name: 'Kofi Mensah',
		email: 'kofi@accra.example',
		note: 'Hiring a data engineer for the Accra team'
	});
}

describe('follow-up queue over 48 hours (page.clock)', () => {
	it('counts down, turns overdue, drafts from the note, and the rate follows what was done', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir()));
		const { page, context } = session;
		await context.clock.install({ time: T0 });
		await context.addInitScript(() => {
			const badges: (number | undefined)[] = [];
			Object.defineProperty(window, '__badges', { value: badges });
			Object.assign(navigator, {
				setAppBadge: async (n?: number) => void badges.push(n),
				clearAppBadge: async () => void badges.push(0)
			});
		});
		await setUpCard(page, { name: 'Ada Lovelace' });

		// Scan + note → in Follow-ups as "due in 48 h".
		await scanWithCamera(page);
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Grid storage pilots in Lagos; wants our battery data');
		await page.getByRole('textbox', { name: 'What I promised' }).fill('Send the battery dataset');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await typeInKofi(page);

		await nav(page)
			.getByRole('link', { name: /Follow-ups/ })
			.click();
		const queue = page.getByRole('list', { name: 'Follow-up queue' });
		const row = (name: string) => queue.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
		await row('Adaeze Okafor').getByText('due in 48 h').waitFor();
		expect(
			await nav(page)
				.getByRole('link', { name: /Follow-ups/ })
				.textContent()
		).toContain('2');
		expect(await page.getByText('You promised 1 thing.').isVisible()).toBe(true);
		await expect.poll(() => page.evaluate(() => (window as unknown as { __badges: number[] }).__badges.at(-1))).toBe(2);

		// The calendar file has both follow-ups and parses back.
		const pending = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Add to calendar' }).click();
		const ics = readFileSync(await (await pending).path(), 'utf8');
		const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.summary).sort()).toEqual(['Follow up with Adaeze Okafor', 'Follow up with Kofi Mensah']);
		// Time flows after clock.install: the saves happened a few seconds after T0.
		for (const e of events)
			expect(e.startDate.toJSDate().getTime() - (T0.getTime() + 48 * 3_600_000)).toBeLessThan(60_000);
		expect(events.find((e) => e.summary.includes('Adaeze'))?.description).toContain(
			'You promised: Send the battery dataset'
		);

		// Nothing counted yet.
		await page.goto('/');
		await rate(page).getByText('—').waitFor();

		// 47 hours on: both due within 6 hours; the app says so when opened.
		await context.clock.fastForward('47:00:00');
		await page.reload();
		await page.getByText('2 follow-ups are due within 6 hours.').waitFor();

		// Each draft quotes its own conversation.
		await page.goto('/follow-ups');
		await row('Kofi Mensah').getByText('due in 1 h').waitFor();
		await row('Kofi Mensah').getByRole('link').click();
		await expect
			.poll(() => page.getByRole('textbox', { name: 'Subject' }).inputValue())
			.toBe('Following up on hiring a data engineer');
		await page.goto('/follow-ups');
		await row('Adaeze Okafor').getByRole('link').click();
		await expect
			.poll(() => page.getByRole('textbox', { name: 'Subject' }).inputValue())
			.toBe('The battery dataset, as promised');
		const body = await page.getByRole('textbox', { name: 'Message' }).inputValue();
		expect(body).toContain('It was great talking with you about Grid storage pilots in Lagos.');
		expect(body).toContain('Here is the battery dataset, as promised.');
		const email = new URL((await page.getByRole('link', { name: 'Email' }).getAttribute('href')) ?? '');
		expect(email.searchParams.get('subject')).toBe('The battery dataset, as promised');

		// Mark done (asks about the promise) → the rate changes.
		await page.getByRole('button', { name: 'Mark done' }).click();
		const dialog = page.getByRole('dialog', { name: 'Before you mark this done' });
		await dialog.getByRole('checkbox', { name: 'Send the battery dataset' }).check();
		await dialog.getByRole('button', { name: 'Mark done' }).click();
		await page.getByText(/^Done .* by email\.$/).waitFor();
		await page.getByRole('group', { name: 'Check in again in' }).getByRole('button', { name: 'In 3 months' }).click();
		await page.getByText('Check-in planned in 3 months.').waitFor();
		await page.goto('/');
		await rate(page).getByText('100 %').waitFor();
		expect(await rate(page).textContent()).toContain('1 of 1 followed up within 48 hours');

		// 49 hours on: the other one is overdue and counted.
		await context.clock.fastForward('02:00:00');
		await page.reload();
		await rate(page).getByText('50 %').waitFor();
		expect(await rate(page).textContent()).toContain('1 of 2 followed up within 48 hours, 1 overdue now');
		await page.goto('/follow-ups');
		await row('Kofi Mensah').getByText('overdue by 1 h').waitFor();
		expect(await queue.getByRole('listitem').count()).toBe(1);
		expect(
			await nav(page)
				.getByRole('link', { name: /Follow-ups/ })
				.textContent()
		).toContain('1');
		expect(await page.getByText(/You promised/).count()).toBe(0);
		expect(session.problems).toEqual([]);
	});
});
