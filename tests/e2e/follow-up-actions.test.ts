import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, type Session, setUpCard, typeInPerson } from './harness';
import type { Page } from 'playwright-core';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function openFollowUp(page: Page, name: string) {
	await page.goto('/follow-ups');
	await page.getByRole('list', { name: 'Follow-up queue' }).getByRole('link', { name }).click();
	await page.getByRole('heading', { name: new RegExp(`with ${name}$`) }).waitFor();
}

const navCount = async (page: Page) =>
	(
		await nav(page)
			.getByRole('link', { name: /Follow-ups/ })
			.textContent()
	)?.replace(/\D/g, '') || '0';

describe('follow-up actions', () => {
	it('snoozes, closes as not a fit, undoes each, and brings a check-in back when due', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context } = session;
		await context.clock.install({ time: new Date('2026-11-20T09:00:00Z') });
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await context.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('No camera', 'NotFoundError'));
		});
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/events');
		await page.getByRole('textbox', { name: 'Event name' }).fill('Web Summit');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.getByText('New contacts now belong to Web Summit.').waitFor();
		await typeInPerson(page, { name: 'Lena Fischer', note: 'Robotics grants in Bavaria' });
		await typeInPerson(page, { name: 'Marco Rossi', note: 'Recruiting for a Milan agency' });
		await expect.poll(() => navCount(page)).toBe('2');

		// Snooze, then undo.
		await openFollowUp(page, 'Lena Fischer');
		await page.getByRole('button', { name: 'Snooze' }).click();
		await page.getByRole('button', { name: '3 hours' }).click();
		await page.getByRole('status').filter({ hasText: 'Snoozed.' }).waitFor();
		await page.getByText(/^Snoozed until .* \(deadline .*\)\.$/).waitFor();
		await expect.poll(() => navCount(page)).toBe('1');
		await page.getByRole('button', { name: 'Undo' }).click();
		await page.getByText('due in 48 h').waitFor();
		await expect.poll(() => navCount(page)).toBe('2');

		// Not a fit, with a reason: it leaves the queue and counts apart.
		await openFollowUp(page, 'Marco Rossi');
		await page.getByRole('button', { name: 'Not a fit' }).click();
		await page.getByRole('textbox', { name: 'Why not? (optional)' }).fill('Recruiter, we are not hiring');
		await page.getByRole('button', { name: 'Close as not a fit' }).click();
		await page.getByText('Closed as not a fit: Recruiter, we are not hiring.').waitFor();
		await page.getByRole('button', { name: 'Undo' }).click();
		await page.getByText('due in 48 h').waitFor();
		await page.getByRole('button', { name: 'Not a fit' }).click();
		await page.getByRole('button', { name: 'Close as not a fit' }).click();
		await page.getByRole('status').filter({ hasText: 'Closed as not a fit.' }).waitFor();

		// The message is the user's to edit; the edit is kept, and Copy puts it on the clipboard.
		await openFollowUp(page, 'Lena Fischer');
		const message = page.getByRole('textbox', { name: 'Message' });
		await expect.poll(() => message.inputValue()).toContain('robotics grants in Bavaria');
		await message.fill('Hi Lena,\n\nHere is the list of Bavarian robotics grants.\n\nAda');
		await page.getByRole('status').filter({ hasText: 'Message saved on this device.' }).waitFor();
		await page.reload();
		await expect
			.poll(() => message.inputValue())
			.toBe('Hi Lena,\n\nHere is the list of Bavarian robotics grants.\n\nAda');
		await page.getByRole('group', { name: 'Send it by' }).getByRole('button', { name: 'Copy' }).click();
		await page.getByText('Message copied.').waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			'Following up on robotics grants in Bavaria\n\nHi Lena,\n\nHere is the list of Bavarian robotics grants.\n\nAda'
		);
		await page.getByRole('button', { name: 'Use the suggested message' }).click();
		await expect
			.poll(() => message.inputValue())
			.toContain('It was great to meet you at Web Summit and talk about robotics grants in Bavaria.');

		// Done, with a check-in in a month.
		await page.getByRole('combobox', { name: 'Sent by' }).selectOption('linkedin');
		await page.getByRole('button', { name: 'Mark done' }).click();
		await page.getByText(/^Done .* by LinkedIn\.$/).waitFor();
		await page.getByRole('button', { name: 'In 1 month' }).click();
		await page.getByText('Check-in planned in 1 month.').waitFor();

		// Someone with nothing planned (closed as not a fit) can still get a check-in from their page.
		await page.goto('/people');
		await page
			.getByRole('list', { name: 'People' })
			.getByRole('link', { name: /Marco Rossi/ })
			.click();
		await page.getByRole('group', { name: 'Check in again in' }).getByRole('button', { name: 'In 6 months' }).click();
		await page.getByText('Check-in planned in 6 months.').waitFor();
		await page.goto('/follow-ups');
		await page.getByText('Nothing to follow up').waitFor();

		// The debrief counts what happened at the event.
		await page.goto('/events');
		await page.getByRole('link', { name: 'Debrief for Web Summit' }).click();
		const figure = (label: string) =>
			page
				.locator('dl div')
				.filter({ has: page.getByText(label, { exact: true }) })
				.locator('dd');
		await page.getByRole('heading', { name: 'Debrief: Web Summit' }).waitFor();
		expect(await figure('People met').textContent()).toBe('2');
		expect(await figure('Followed up within 48 hours').textContent()).toBe('100 %');
		expect(await figure('Not a fit').textContent()).toBe('1');

		// A month later the check-in is in the queue, marked as one, with a check-in message. The page
		// stays open while the clock jumps (the app's own minute tick picks the change up): Playwright's
		// fake clock stops firing timers in a page loaded after jumps adding up to more than 2^31 ms.
		await page.goto('/follow-ups');
		await page.getByText('Nothing to follow up').waitFor();
		await context.clock.fastForward(16 * 24 * 3_600_000);
		await context.clock.fastForward(15 * 24 * 3_600_000);
		const checkIn = page.getByRole('list', { name: 'Follow-up queue' }).getByRole('listitem');
		await checkIn.getByText('Check-in').waitFor();
		await checkIn.getByRole('link', { name: /Lena Fischer/ }).click();
		await page.getByRole('heading', { name: 'Check in with Lena Fischer' }).waitFor();
		await expect
			.poll(() => page.getByRole('textbox', { name: 'Subject' }).inputValue())
			.toBe('Checking in on robotics grants in Bavaria');
		expect(session.problems).toEqual([]);
	});

	it('"9:00 in the morning" pressed after midnight is this morning, and a snooze past the deadline says so', async () => {
		session = await openSession(await blankY4m(scratchDir()), { locale: 'en-US', timezoneId: 'America/New_York' });
		const { page, context } = session;
		// 00:30 on Tuesday 20 October in New York (04:30 UTC): the deadline is Thursday 00:30.
		await context.clock.install({ time: new Date('2026-10-20T04:30:00Z') });
		await context.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('No camera', 'NotFoundError'));
		});
		await setUpCard(page, { name: 'Ada Lovelace' });
		await typeInPerson(page, { name: 'Lena Fischer', note: 'Robotics grants in Bavaria' });
		await openFollowUp(page, 'Lena Fischer');
		await page.getByRole('button', { name: 'Snooze', exact: true }).click();
		await page.getByRole('button', { name: /9:00/ }).click();
		// 8.5 hours on, not 32.5.
		await page.getByText(/^Snoozed until Oct 20, 9:00\sAM \(deadline Oct 22, 12:30\sAM\)\.$/).waitFor();
		await page.getByRole('button', { name: 'Undo' }).click();
		await page.getByText('due in 48 h').waitFor();

		// The morning choice names its day, and says "this morning" until 04:00.
		await page.getByRole('button', { name: 'Snooze', exact: true }).click();
		expect(await page.getByRole('button', { name: /9:00/ }).textContent()).toMatch(/^This morning, Tue 9:00\sAM$/);
		await page.getByRole('button', { name: 'Snooze', exact: true }).click();

		// On Wednesday at 22:30, two hours before the deadline, each choice past it says so.
		await context.clock.fastForward('46:00:00');
		await page.reload();
		await page.getByRole('button', { name: 'Snooze', exact: true }).click();
		expect(await page.getByRole('button', { name: /^3 hours/ }).textContent()).toBe('3 hours · after the deadline');
		expect(await page.getByRole('button', { name: /9:00/ }).textContent()).toMatch(
			/^Tomorrow, Thu 9:00\sAM · after the deadline$/
		);
		const until = page.getByRole('textbox', { name: 'Snooze until' });
		await until.fill('2026-10-21T23:30');
		expect(await page.getByText('After the deadline: this follow-up will count as late.').count()).toBe(0);
		await until.fill('2026-10-22T08:00');
		await page.getByText('After the deadline: this follow-up will count as late.').waitFor();
		expect(session.problems).toEqual([]);
	});
});
