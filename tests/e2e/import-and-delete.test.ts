import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

// Two people as a phone's contacts app exports them (vCard 3.0, CRLF), one of them twice.
const PHONE_EXPORT = [
	'BEGIN:VCARD',
	'VERSION:3.0',
	'N:Johnson;Katherine;;;',
	'FN:Katherine Johnson',
	'ORG:NASA Langley',
	'EMAIL;TYPE=INTERNET:katherine@orbits.example',
	'END:VCARD',
	'BEGIN:VCARD',
	'VERSION:3.0',
	'FN:Dorothy Vaughan',
	'TEL;TYPE=CELL:+1 757 555 0100',
	'END:VCARD',
	'BEGIN:VCARD',
	'VERSION:3.0',
	'FN:Katherine Johnson',
	'EMAIL:katherine@orbits.example',
	'TITLE:Mathematician',
	'END:VCARD',
	''
].join('\r\n');

describe('your data: import a phone’s contacts, delete everything', () => {
	it('imports a .vcf as people not met yet, matched on a second import, then deletes all data after a confirmation', async () => {
		const dir = scratchDir();
		session = await openSession(await blankY4m(dir));
		const { page } = session;
		const file = join(dir, 'contacts.vcf');
		writeFileSync(file, PHONE_EXPORT);
		await setUpCard(page, { name: 'Mary Jackson' });

		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByLabel('Import contacts (.vcf)').setInputFiles(file);
		await page
			.getByRole('status')
			.filter({ hasText: /^Added 2 people/ })
			.waitFor();
		await page.getByLabel('Import contacts (.vcf)').setInputFiles(file);
		await page
			.getByRole('status')
			.filter({ hasText: /No one new was added/ })
			.waitFor();

		await page.goto('/people');
		const people = page.getByRole('list', { name: 'People' });
		await people.getByRole('link', { name: /Katherine Johnson/ }).waitFor();
		expect(await people.getByRole('listitem').count()).toBe(2);
		expect(await people.getByText('No meetings yet').count()).toBe(2);
		await people.getByRole('link', { name: /Katherine Johnson/ }).click();
		await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
		await page.getByText('Mathematician · NASA Langley').waitFor();
		await page.getByText('No meetings yet.').waitFor();

		// Delete all my data: a confirmation that says what goes; Cancel keeps everything.
		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('button', { name: 'Delete all my data' }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete all your data?' });
		await dialog.getByText('cannot be undone', { exact: false }).waitFor();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await page.goto('/people');
		await page
			.getByRole('list', { name: 'People' })
			.getByRole('link', { name: /Dorothy Vaughan/ })
			.waitFor();

		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('button', { name: 'Delete all my data' }).click();
		await dialog.getByRole('button', { name: 'Delete all my data' }).click();
		// The app starts afresh: no card, no one.
		await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
		await page.goto('/people');
		await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
		await page.getByText('No one yet.', { exact: false }).waitFor();
		expect(session.problems).toEqual([]);
	});

	it('shows how far a large import is, and Cancel import adds no one', async () => {
		const dir = scratchDir();
		session = await openSession(await blankY4m(dir));
		const { page } = session;
		const file = join(dir, 'many.vcf');
		writeFileSync(
			file,
			Array.from(
				{ length: 1200 },
				(_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.org\r\nEND:VCARD\r\n`
			).join('')
		);
		await setUpCard(page, { name: 'Mary Jackson' });
		// The file is read 500 cards at a time, with a timer between chunks: with the page's clock
		// paused, the import waits at the first of them while Cancel is pressed.
		await session.context.clock.install();
		await page.goto('/settings');
		await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
		await session.context.clock.pauseAt(Date.now() + 60_000);
		await page.getByLabel('Import contacts (.vcf)').setInputFiles(file);
		const progress = page.getByRole('progressbar', { name: 'Importing contacts' });
		// 500 of 1,200 cards read: 500 of the bar's 2,400 steps (reading, then writing).
		await expect
			.poll(async () => [await progress.getAttribute('value'), await progress.getAttribute('max')])
			.toEqual(['500', '2400']);
		await page.getByRole('button', { name: 'Cancel import' }).click();
		await session.context.clock.resume();
		await page.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was changed.' }).waitFor();
		expect(await page.getByRole('progressbar').count()).toBe(0);
		await page.goto('/people');
		await page.getByText('No one yet', { exact: false }).waitFor();
		expect(session.problems).toEqual([]);
	});
});
