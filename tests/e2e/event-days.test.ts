import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from '$lib/domain/events/local-day';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, typeInPerson, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

// The day `days` from today in Lisbon, where the browser is (YYYY-MM-DD, as date inputs take it).
const dayFromToday = (days: number) => localDay(Date.now() + days * 86_400_000, 'Europe/Lisbon');

describe("an event's days and time zone", () => {
	it('stops filing new contacts under an event once it is over', async () => {
		session = await openSession(await qrTextToY4m('https://example.com', scratchDir()), {
			timezoneId: 'Europe/Lisbon'
		});
		const { page, problems } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/events');
		await page.getByRole('textbox', { name: 'Event name' }).fill('Old Summit');
		await page.getByLabel('First day').fill(dayFromToday(-16));
		await page.getByLabel('Last day').fill(dayFromToday(-14));
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.getByRole('status').getByText('Old Summit is over: new contacts belong to no event.').waitFor();
		const list = page.getByRole('list', { name: 'Your events' });
		await list.getByText('(ended)').waitFor();
		expect(await list.getByRole('button', { name: "I'm at Old Summit" }).count()).toBe(0);
		expect(await list.getByRole('button', { name: 'Not at an event' }).getAttribute('aria-pressed')).toBe('true');
		await page.getByText(/Old Summit ended on .*: new contacts belong to no event/).waitFor();

		await page.goto('/');
		await page.getByText('No current event: new contacts belong to no event.').waitFor();

		await typeInPerson(page, { name: 'Grace Hopper', note: 'Compilers for the navy; wants our COBOL notes' });
		await page.goto('/events');
		await page.getByRole('link', { name: 'Debrief for Old Summit' }).click();
		const met = page.locator('dt', { hasText: 'People met' }).locator('xpath=following-sibling::dd[1]');
		await expect.poll(() => met.textContent()).toBe('0');
		expect(problems).toEqual([]);
	});

	it("keeps the event's own time zone, and offers the phone's once it is elsewhere", async () => {
		session = await openSession(await qrTextToY4m('https://example.com', scratchDir()), {
			timezoneId: 'Europe/Lisbon'
		});
		const { page, problems } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/events');
		const zone = page.getByRole('combobox', { name: 'Time zone' });
		expect(await zone.inputValue()).toBe('Europe/Lisbon');
		// Set up before the flight, in New York's time.
		await zone.selectOption({ label: 'America/New York' });
		await page.getByRole('textbox', { name: 'Event name' }).fill('Web Summit');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.getByRole('status').getByText('New contacts now belong to Web Summit.').waitFor();
		const list = page.getByRole('list', { name: 'Your events' });
		await list.getByText(/· America\/New York/).waitFor();
		await page
			.getByText('Web Summit keeps America/New York time, and this phone is now on Europe/Lisbon time.')
			.waitFor();
		await page.getByRole('button', { name: 'Use Europe/Lisbon time for Web Summit' }).click();
		await page.getByRole('status').getByText('Web Summit now uses Europe/Lisbon time.').waitFor();
		await list.getByText(/· Europe\/Lisbon/).waitFor();
		await page.reload();
		await page
			.getByRole('list', { name: 'Your events' })
			.getByText(/· Europe\/Lisbon/)
			.waitFor();
		expect(await page.getByRole('button', { name: /Use .* time for Web Summit/ }).count()).toBe(0);
		expect(problems).toEqual([]);
	});
});
