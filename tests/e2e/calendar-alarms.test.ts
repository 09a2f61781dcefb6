// Issue 19: people without an account get their reminder from their own calendar. The queue's
// calendar file and a follow-up's own "Add to calendar" carry an alarm 2 hours before each deadline.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, typeInPerson, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const NAME = 'Okafor, Adaeze; "Dr" Ops\\Grid';
const NOTE =
	'Grid storage pilots, Lagos; battery data\nShe runs the diabetes outreach programme too, and wants the full report';

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; text: string }> {
	const pending = page.waitForEvent('download');
	await click();
	const file = await pending;
	return { file, text: readFileSync((await file.path())!, 'utf8') };
}

/** What a calendar app reads: each event with its alarms, after checking the file's lines. */
function readCalendar(text: string) {
	expect(text.endsWith('\r\n')).toBe(true);
	const lines = text.split('\r\n');
	expect(lines.every((line) => !/[\r\n]/.test(line) && new TextEncoder().encode(line).length <= 75)).toBe(true);
	return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => ({
		event: new ICAL.Event(vevent),
		alarms: vevent.getAllSubcomponents('valarm').map((alarm) => ({
			action: alarm.getFirstPropertyValue('action'),
			trigger: (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
			description: alarm.getFirstPropertyValue('description')
		}))
	}));
}

describe('calendar alarms', () => {
	it('a follow-up\'s "Add to calendar" and the exported .ics each hold a display alarm 2 hours before the deadline', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await typeInPerson(page, { name: NAME, note: NOTE });

		await page.goto('/follow-ups');
		await page.getByRole('list', { name: 'Follow-up queue' }).getByRole('link').click();
		await page.getByRole('heading', { name: `Follow up with ${NAME}` }).waitFor();
		const one = await download(page, () => page.getByRole('button', { name: 'Add to calendar' }).click());
		expect(one.file.suggestedFilename()).toBe('follow-up-Okafor-Adaeze-Dr-Ops-Grid.ics');
		await page.getByRole('status').filter({ hasText: 'Calendar file downloaded' }).waitFor();
		const [only, ...others] = readCalendar(one.text);
		expect(others).toEqual([]);
		expect(only!.event.summary).toBe(`Follow up with ${NAME}`);
		expect(only!.event.description).toBe(`You talked about: ${NOTE}`);
		const due = only!.event.startDate.toJSDate().getTime() - Date.now();
		expect(due).toBeGreaterThan(47 * 3_600_000);
		expect(due).toBeLessThanOrEqual(48 * 3_600_000);
		expect(only!.alarms).toEqual([
			{ action: 'DISPLAY', trigger: -7200, description: `Follow up with ${NAME}: due in 2 hours` }
		]);

		await page.getByRole('link', { name: 'Settings' }).click();
		const all = await download(page, () =>
			page
				.getByRole('region', { name: 'Your data' })
				.getByRole('button', { name: 'Download open follow-ups (.ics)' })
				.click()
		);
		const events = readCalendar(all.text);
		expect(events.map((e) => e.event.uid)).toEqual([only!.event.uid]);
		expect(events[0]!.alarms).toEqual(only!.alarms);
		expect(session.problems).toEqual([]);
	});
});
