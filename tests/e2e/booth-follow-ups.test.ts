import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, type Session, setUpCard, typeInPerson } from './harness';

// The booth walk-through of issue 18: each point as a new user at a conference tried it.

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const T0 = new Date('2026-11-20T09:00:00Z');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const queue = (page: Page) => page.getByRole('list', { name: 'Follow-up queue' });
const row = (page: Page, name: string) =>
	queue(page)
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name }) });
const banner = (page: Page) => page.getByRole('complementary', { name: 'Follow-up reminder' });
const rate = (page: Page) => page.getByRole('region', { name: 'Followed up within 48 hours' });
const navCount = async (page: Page) =>
	(
		await nav(page)
			.getByRole('link', { name: /Follow-ups/ })
			.textContent()
	)?.replace(/\D/g, '') || '0';

async function start(options: { locale?: string; timezoneId?: string } = {}): Promise<Session> {
	session = await openSession(await blankY4m(scratchDir()), options);
	await session.context.clock.install({ time: T0 });
	await session.context.addInitScript(() => {
		navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('No camera', 'NotFoundError'));
	});
	await setUpCard(session.page, { name: 'Ada Lovelace' });
	return session;
}

async function openFollowUp(page: Page, name: string) {
	await page.goto('/follow-ups');
	await row(page, name).getByRole('link').click();
	await page.getByRole('heading', { name: new RegExp(`with ${name}$`) }).waitFor();
}

async function markDone(page: Page) {
	await page.getByRole('button', { name: 'Mark done' }).click();
	await page.getByText(/^Done .*\.$/).waitFor();
}

async function createEvent(page: Page, name: string) {
	await page.goto('/events');
	await page.getByRole('textbox', { name: 'Event name' }).fill(name);
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.getByText(`New contacts now belong to ${name}.`).waitFor();
}

const debriefFigure = (page: Page, label: string) =>
	page
		.locator('dl div')
		.filter({ has: page.getByText(label, { exact: true }) })
		.locator('dd');

describe('booth flow: the follow-up queue', () => {
	it('says how many follow-ups are overdue, apart from those due within 6 hours; snoozed ones never count', async () => {
		const { page, context } = await start();
		for (const name of ['Bola Ade', 'Chen Wei', 'Dana Cruz'])
			await typeInPerson(page, { name, note: `Solar microgrids for ${name}'s villages` });
		await context.clock.fastForward('05:00:00');
		for (const name of ['Eli Ross', 'Femi Ola', 'Gita Rao'])
			await typeInPerson(page, { name, note: `Hiring data engineers for ${name}'s team` });

		// 50 hours after the first three: they are overdue; the other three are due in 3 hours, one snoozed.
		await context.clock.fastForward('45:00:00');
		await openFollowUp(page, 'Gita Rao');
		await page.getByRole('button', { name: 'Snooze' }).click();
		await page.getByRole('button', { name: '3 hours' }).click();
		await page.getByRole('status').filter({ hasText: 'Snoozed.' }).waitFor();
		await page.goto('/');
		await banner(page).getByText('3 follow-ups are overdue. 2 more are due within 6 hours.', { exact: true }).waitFor();

		// One of each done: the wording follows, singular where it is one.
		await openFollowUp(page, 'Bola Ade');
		await markDone(page);
		await openFollowUp(page, 'Eli Ross');
		await markDone(page);
		await page.goto('/');
		await banner(page).getByText('2 follow-ups are overdue. 1 more is due within 6 hours.', { exact: true }).waitFor();

		// Four hours on, the snooze is over and every deadline has passed: all four are overdue.
		await context.clock.fastForward('04:00:00');
		await page.reload();
		await banner(page).getByText('4 follow-ups are overdue.', { exact: true }).waitFor();
		expect(await banner(page).textContent()).not.toContain('due within');
		await banner(page).getByRole('link', { name: 'Open the queue' }).click();
		await page.waitForURL(/\/follow-ups$/);
		expect(await banner(page).count()).toBe(0);
		expect(session!.problems).toEqual([]);
	});

	it('keeps one follow-up for someone met twice, carrying both conversations; debrief, home and People count people', async () => {
		const { page, context } = await start();
		await createEvent(page, 'Web Summit');
		const marek = { name: 'Marek Nowak', email: 'marek@nowak.example' };
		await typeInPerson(page, {
			...marek,
			note: 'Warehouse robots: pilot pricing for two sites',
			promise: 'Send the pricing deck'
		});
		await typeInPerson(page, {
			name: 'Lena Fischer',
			email: 'lena@fischer.example',
			note: 'Robotics grants in Bavaria'
		});
		await context.clock.fastForward('01:00:00');
		await typeInPerson(page, {
			...marek,
			note: 'Second chat at their booth: contract terms for the pilot',
			promise: 'Intro to our lawyer'
		});

		// Two people, two rows; Marek's deadline still counts from the first meeting.
		await page.goto('/follow-ups');
		await row(page, 'Marek Nowak').getByText('due in 47 h').waitFor();
		expect(await queue(page).getByRole('listitem').count()).toBe(2);
		expect(await page.getByText('2 to follow up').isVisible()).toBe(true);
		expect(await row(page, 'Marek Nowak').getByText('2 promises to keep').isVisible()).toBe(true);
		await expect.poll(() => navCount(page)).toBe('2');

		// The follow-up carries both conversations, oldest first, each with its date, and both promises.
		await openFollowUp(page, 'Marek Nowak');
		const talked = page.getByRole('region', { name: 'What you talked about' });
		const conversations = talked.getByRole('list', { name: 'Conversations' }).getByRole('listitem');
		await expect.poll(() => conversations.count()).toBe(2);
		expect(await conversations.nth(0).textContent()).toContain('Warehouse robots: pilot pricing for two sites');
		expect(await conversations.nth(1).textContent()).toContain('Second chat at their booth: contract terms');
		const dates = await conversations.evaluateAll((items) =>
			items.map((item) => item.querySelector('.muted')?.textContent?.trim())
		);
		expect(dates[0]).not.toBe(dates[1]);
		expect(dates[0]).toContain('Web Summit');
		expect(await talked.getByText('Send the pricing deck').isVisible()).toBe(true);
		expect(await talked.getByText('Intro to our lawyer').isVisible()).toBe(true);

		// The debrief, the home headline and People all say two people.
		await page.goto('/events');
		await page.getByRole('link', { name: 'Debrief for Web Summit' }).click();
		await page.getByRole('heading', { name: 'Debrief: Web Summit' }).waitFor();
		expect(await debriefFigure(page, 'People met').textContent()).toBe('2');
		await page.goto('/');
		await rate(page).getByText('Web Summit: 2 people met; no 48-hour window has closed yet.').waitFor();
		await nav(page).getByRole('link', { name: 'People' }).click();
		await page.getByRole('status').filter({ hasText: '2 people' }).waitFor();
		await page.getByRole('combobox', { name: 'Met at' }).selectOption({ label: 'Web Summit' });
		await page.getByRole('status').filter({ hasText: '2 people' }).waitFor();
		expect(await page.getByRole('list', { name: 'People' }).getByRole('listitem').count()).toBe(2);

		// Two days on, both are overdue: counted as two people, not three follow-ups.
		await context.clock.fastForward('48:00:00');
		await page.goto('/');
		await rate(page).getByText('0 of 2 followed up within 48 hours, 2 overdue now.', { exact: false }).waitFor();
		expect(session!.problems).toEqual([]);
	});

	it('only hides a snoozed follow-up, and measures overdue from its 48-hour deadline', async () => {
		const { page, context } = await start();
		await typeInPerson(page, { name: 'Lena Fischer', note: 'Robotics grants in Bavaria' });
		await openFollowUp(page, 'Lena Fischer');
		await page.getByRole('button', { name: 'Snooze' }).click();
		await page.getByRole('button', { name: '3 hours' }).click();
		await page.getByText(/^Snoozed until .* \(deadline .*\)\.$/).waitFor();

		// Out of the queue and its counts, still there for whoever looks.
		await page.goto('/follow-ups');
		await page.getByText('Nothing to follow up now.', { exact: false }).waitFor();
		expect(await queue(page).count()).toBe(0);
		await expect.poll(() => navCount(page)).toBe('0');
		await page.getByText('1 snoozed').click();
		const snoozed = page.getByRole('list', { name: 'Snoozed follow-ups' });
		await snoozed.getByText(/^\s*Snoozed until/).waitFor();
		expect(await snoozed.getByRole('link', { name: 'Lena Fischer' }).isVisible()).toBe(true);

		// Back when the snooze ends, still due from the meeting, not overdue from the snooze.
		await context.clock.fastForward('04:00:00');
		await page.reload();
		await row(page, 'Lena Fischer').getByText('due in 44 h').waitFor();
		await expect.poll(() => navCount(page)).toBe('1');

		// Snoozed again past the deadline: overdue by the time since the deadline once it shows.
		await context.clock.fastForward('43:30:00');
		await openFollowUp(page, 'Lena Fischer');
		await page.getByRole('button', { name: 'Snooze' }).click();
		await page.getByRole('button', { name: '3 hours' }).click();
		await page.getByRole('status').filter({ hasText: 'Snoozed.' }).waitFor();
		await context.clock.fastForward('03:30:00');
		await page.goto('/follow-ups');
		await row(page, 'Lena Fischer').getByText('overdue by 3 h').waitFor();

		// Done after the deadline: late in the rate, whatever the snooze did.
		await row(page, 'Lena Fischer').getByRole('link').click();
		await page.getByText('overdue by 3 h').waitFor();
		await markDone(page);
		await page.goto('/');
		await rate(page).getByText('0 %').waitFor();
		expect(await rate(page).textContent()).toContain('0 of 1 followed up within 48 hours');
		expect(session!.problems).toEqual([]);
	});

	it('takes the check-in offer away on Undo; a due check-in reads as planned, and is in the calendar file', async () => {
		const { page, context } = await start({ locale: 'en-GB', timezoneId: 'Europe/London' });
		await typeInPerson(page, { name: 'Marek Nowak', note: 'Warehouse robots: pilot pricing for two sites' });
		await openFollowUp(page, 'Marek Nowak');
		const offer = page.getByRole('region', { name: 'Keep in touch?' });

		await markDone(page);
		await offer.waitFor();
		await page.getByRole('button', { name: 'Undo' }).click();
		await page.getByText('due in 48 h').waitFor();
		expect(await offer.count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Mark done' }).isVisible()).toBe(true);

		await markDone(page);
		await offer.getByRole('button', { name: 'In 1 month' }).click();
		await page.getByText('Check-in planned in 1 month.').waitFor();
		expect(await offer.count()).toBe(0);
		// Undoing the check-in offers it again: the follow-up is still done.
		await page.getByRole('button', { name: 'Undo' }).click();
		await offer.waitFor();
		await offer.getByRole('button', { name: 'In 1 month' }).click();
		await page.getByText('Check-in planned in 1 month.').waitFor();

		// A month ahead, it is already in the calendar file, on its planned day.
		await page.goto('/follow-ups');
		await page.getByText('Nothing to follow up', { exact: false }).waitFor();
		const pending = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Add to calendar' }).click();
		const ics = readFileSync(await (await pending).path(), 'utf8');
		const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.summary)).toEqual(['Check in with Marek Nowak']);
		const planned = events[0]!.startDate.toJSDate().getTime() - Date.parse('2026-12-20T09:00:00Z');
		expect(planned).toBeGreaterThanOrEqual(0);
		expect(planned).toBeLessThan(5 * 60_000);

		// Two days past it, it reads as planned, never as overdue. The page stays open while the clock
		// jumps (see follow-up-actions: Playwright's clock stops firing timers in a page loaded after
		// jumps adding up to more than 2^31 ms); the app's own tick picks the change up.
		await context.clock.fastForward(16 * 24 * 3_600_000);
		await context.clock.fastForward(16 * 24 * 3_600_000);
		const checkIn = queue(page).getByRole('listitem');
		await checkIn.getByText('Check in with Marek Nowak — planned for 20 Dec').waitFor();
		expect(await checkIn.textContent()).not.toContain('overdue');
		await checkIn.getByRole('link', { name: /Marek Nowak/ }).click();
		await page.getByRole('heading', { name: 'Check in with Marek Nowak' }).waitFor();
		await page.getByText('Planned for 20 Dec.', { exact: true }).waitFor();
		expect(await page.getByText(/overdue/).count()).toBe(0);
		expect(session!.problems).toEqual([]);
	});

	it('starts "Sent by" on a channel the person has, and sends chat channels the body without the subject', async () => {
		const { page, context } = await start();
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		// LinkedIn opens in a new tab: answered here, on a network-less machine.
		await context.route('https://www.linkedin.com/**', (route) => route.fulfill({ body: 'LinkedIn' }));
		await typeInPerson(page, {
			name: 'Priya Shah',
			linkedin: 'https://www.linkedin.com/in/priya-shah',
			note: 'Battery recycling in Pune'
		});
		await typeInPerson(page, { name: 'Tomasz Nowak', phone: '+48601234567', note: 'Cold-chain sensors for pharma' });
		await typeInPerson(page, { name: 'Sam Lee', note: 'Open-source maps for cycling routes' });
		await typeInPerson(page, {
			name: 'Ana Costa',
			email: 'ana@costa.example',
			linkedin: 'https://www.linkedin.com/in/ana-costa',
			note: 'Fintech for small farms in Minas Gerais'
		});
		const sentBy = page.getByRole('combobox', { name: 'Sent by' });
		const message = page.getByRole('textbox', { name: 'Message' });
		const sendBy = page.getByRole('group', { name: 'Send it by' });
		const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

		// Only LinkedIn: "Sent by" says LinkedIn, and what it copies is the body alone.
		await openFollowUp(page, 'Priya Shah');
		await expect.poll(() => sentBy.inputValue()).toBe('linkedin');
		const subject = await page.getByRole('textbox', { name: 'Subject' }).inputValue();
		expect(subject).toBe('Following up on Battery recycling in Pune');
		const popup = context.waitForEvent('page');
		await sendBy.getByRole('button', { name: 'LinkedIn' }).click();
		await (await popup).close();
		await page.getByText('Message copied: paste it into LinkedIn.').waitFor();
		const body = await message.inputValue();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(body);
		expect(body).not.toContain(subject);

		// Only a phone: SMS, and the SMS and WhatsApp links carry the body alone.
		await openFollowUp(page, 'Tomasz Nowak');
		await expect.poll(() => sentBy.inputValue()).toBe('sms');
		const text = crlf(await message.inputValue());
		const sms = (await sendBy.getByRole('link', { name: 'SMS' }).getAttribute('href')) ?? '';
		expect(sms.startsWith('sms:+48601234567?body=')).toBe(true);
		expect(decodeURIComponent(sms.split('?body=')[1] ?? '')).toBe(text);
		const whatsapp = new URL((await sendBy.getByRole('link', { name: 'WhatsApp' }).getAttribute('href')) ?? '');
		expect(whatsapp.pathname).toBe('/48601234567');
		expect(whatsapp.searchParams.get('text')).toBe(text);

		// Nothing to send to: copied and sent another way; the plain Copy keeps the subject on top.
		await openFollowUp(page, 'Sam Lee');
		await expect.poll(() => sentBy.inputValue()).toBe('copy');
		await sendBy.getByRole('button', { name: 'Copy' }).click();
		await page.getByText('Message copied.', { exact: true }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			`Following up on Open-source maps for cycling routes\n\n${await message.inputValue()}`
		);

		// Email first; the last channel button used wins.
		await openFollowUp(page, 'Ana Costa');
		await expect.poll(() => sentBy.inputValue()).toBe('email');
		const another = context.waitForEvent('page');
		await sendBy.getByRole('button', { name: 'LinkedIn' }).click();
		await (await another).close();
		await expect.poll(() => sentBy.inputValue()).toBe('linkedin');
		await page.getByRole('button', { name: 'Mark done' }).click();
		await page.getByText(/^Done .* by LinkedIn\.$/).waitFor();
		expect(session!.problems).toEqual([]);
	});
});
