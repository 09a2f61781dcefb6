// The follow-up page drafts a message a person would send: in the conversation's language (with a
// per-contact choice), leading with the promise the note holds, which one tap makes a to-do.
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { baseUrl, openSession, type Session, setUpCard, typeInPerson, watchPage } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('drafted follow-ups', () => {
	it('drafts in the note’s language, offers the note’s promise as a to-do, and follows a chosen language', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context } = session;
		// A Wednesday: "bis Montag" is the coming Monday.
		await context.clock.install({ time: new Date('2026-10-07T09:00:00Z') });
		await setUpCard(page, { name: 'Lena Brandt' });
		await typeInPerson(page, {
			name: 'Matthias von Stetten',
			note: 'Am Stand getroffen. Wollen von Oracle auf Postgres migrieren, ca. 200 DBs. Versprochen: Migrationsdeck bis Montag schicken. Wirkte skeptisch wg. Lizenzkosten.'
		});
		await page.goto('/follow-ups');
		await page
			.getByRole('list', { name: 'Follow-up queue' })
			.getByRole('link', { name: /Matthias von Stetten/ })
			.click();

		const subject = page.getByRole('textbox', { name: 'Subject' });
		const body = page.getByRole('textbox', { name: 'Message' });
		await expect.poll(() => subject.inputValue()).toBe('Das Migrationsdeck, wie versprochen');
		const german = await body.inputValue();
		expect(german).toBe(
			[
				'Guten Tag Matthias von Stetten,',
				'',
				'vielen Dank für das Gespräch am Stand über Ihre Pläne, von Oracle auf Postgres zu migrieren.',
				'Wie versprochen sende ich Ihnen anbei das Migrationsdeck.',
				'',
				'Viele Grüße',
				'Lena Brandt'
			].join('\n')
		);
		expect(german).not.toMatch(/skeptisch|Lizenzkosten/);
		const language = page.getByRole('combobox', { name: 'Language of the message' });
		expect(await language.locator('option:checked').textContent()).toBe('As in your note (Deutsch)');

		// The promise in the note, one tap from being a to-do due on Monday.
		const add = page.getByRole('button', { name: 'Make this a promise: Migrationsdeck schicken' });
		await add.waitFor();
		expect(await page.getByText(/Make this a promise\? Migrationsdeck schicken, due/).textContent()).toContain(
			// This year's dates go without the year.
			`due ${new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(new Date('2026-10-12T12:00:00Z'))}`
		);
		await add.click();
		const promises = page.getByRole('list', { name: 'What I promised' });
		await promises.getByRole('checkbox', { name: /Migrationsdeck schicken/ }).waitFor();
		expect(await add.count()).toBe(0);
		// The same promise is not written twice now that it is a to-do.
		expect((await body.inputValue()).match(/Migrationsdeck/g)).toHaveLength(1);
		await page.getByRole('button', { name: 'Undo' }).click();
		await add.waitFor();
		expect(await promises.count()).toBe(0);
		await add.click();
		await promises.getByRole('checkbox', { name: /Migrationsdeck schicken/ }).waitFor();

		// Another language for this person: the untouched suggestion follows, and the choice is kept.
		await language.selectOption('en');
		await expect.poll(() => subject.inputValue()).toBe('The Migrationsdeck, as promised');
		expect(await body.inputValue()).toMatch(/^Hi Matthias,\n/);
		await page.reload();
		await expect.poll(() => subject.inputValue()).toBe('The Migrationsdeck, as promised');
		expect(await language.inputValue()).toBe('en');
		// A language not loaded yet: its rules load with the choice, and the draft follows.
		await language.selectOption('fr');
		await expect.poll(() => subject.inputValue()).toMatch(/, comme promis$/);
		expect(await body.inputValue()).toMatch(/^Bonjour Matthias,\n/);
		await language.selectOption('en');
		await expect.poll(() => subject.inputValue()).toBe('The Migrationsdeck, as promised');

		// An edited message is the user's: another language does not replace it, the button offers it.
		await body.fill('Hallo Matthias,\n\nanbei das Deck.\n\nLena');
		await page.getByRole('status').filter({ hasText: 'Message saved on this device.' }).waitFor();
		await language.selectOption('');
		await expect.poll(() => language.inputValue()).toBe('');
		expect(await body.inputValue()).toBe('Hallo Matthias,\n\nanbei das Deck.\n\nLena');
		await page.getByRole('button', { name: 'Use the suggested message' }).click();
		await expect.poll(() => subject.inputValue()).toBe('Das Migrationsdeck, wie versprochen');

		// Marking it done asks about the promise in its own words, not inside a fixed frame.
		await page.getByRole('button', { name: 'Mark done' }).click();
		const dialog = page.getByRole('dialog', { name: 'Before you mark this done' });
		await dialog.getByRole('checkbox', { name: 'Migrationsdeck schicken' }).check();
		await dialog.getByRole('button', { name: 'Mark done' }).click();
		await page.getByText(/^Done /).waitFor();
		expect(await promises.getByRole('checkbox', { name: /Migrationsdeck schicken/ }).isChecked()).toBe(true);
		expect(session.problems).toEqual([]);
	});

	it('says so when the draft code cannot load, and drafts after a reload', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		// No service worker: every script comes from the network, where it can be refused.
		const context = await session.browser.newContext({ baseURL: baseUrl(), serviceWorkers: 'block' });
		const page = await context.newPage();
		watchPage(page, session.problems);
		await setUpCard(page, { name: 'Ada Lovelace' });
		await typeInPerson(page, { name: 'Priya Raman', note: 'Their move from RabbitMQ to Kafka' });
		// The draft code is a chunk of its own, loaded with the follow-up page: refuse it, as a dropped
		// connection would.
		let refuse = true;
		await context.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch();
			if (refuse && (await response.text()).includes('draft rules are not loaded')) await route.abort();
			else await route.fulfill({ response });
		});
		await page.goto('/follow-ups');
		await page
			.getByRole('list', { name: 'Follow-up queue' })
			.getByRole('link', { name: /Priya Raman/ })
			.click();
		await page.getByRole('alert').filter({ hasText: 'The message could not be drafted' }).waitFor();
		refuse = false;
		await page.getByRole('button', { name: 'Reload the page' }).click();
		await expect
			.poll(() => page.getByRole('textbox', { name: 'Subject' }).inputValue())
			.toBe('Following up on your move from RabbitMQ to Kafka');
		await context.close();
		expect(session.problems).toEqual([]);
	});
});
