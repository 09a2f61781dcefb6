import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { CSV_COLUMNS } from '$lib/domain/people/exports';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import {
	openSession,
	scanWithCamera,
	setUpCard,
	showContactFields,
	typeInPerson,
	watchPage,
	type Session
} from './harness';
import { blankY4m } from '../support/video';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('your data: exports, backup and restore', () => {
	it('exports contacts as .vcf and CSV and follow-ups as .ics, downloads a JSON backup, and a fresh browser restored from it has the same person and note', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir()));
		const { page, browser } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await scanWithCamera(page);
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Grid storage pilots in Lagos');
		await page.getByRole('button', { name: 'Save contact' }).click();
		// Saved (the capture page's own heading, "You met Adaeze Okafor", would match too early).
		await page.waitForURL(/\?saved=1/);

		await page.getByRole('link', { name: 'Settings' }).click();

		// Exports for the phone's contacts and for a CRM.
		const [vcf] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download all as contacts (.vcf)' }).click()
		]);
		expect(vcf.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
		const card = parseBadgePayload(readFileSync(await vcf.path(), 'utf8'));
		expect(card.fields).toMatchObject({ name: 'Adaeze Okafor', email: 'adaeze@lumenlabs.example' });
		await page.getByRole('status').filter({ hasText: 'Contacts file downloaded: 1 person.' }).waitFor();
		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download for HubSpot or Salesforce (.csv)' }).click()
		]);
		const rows = Papa.parse<Record<string, string>>(readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true
		});
		expect(rows.meta.fields).toEqual([...CSV_COLUMNS]);
		expect(rows.data).toEqual([
			expect.objectContaining({
				'First Name': 'Adaeze',
				'Last Name': 'Okafor',
				Company: 'Lumen Labs',
				Note: expect.stringContaining('Grid storage pilots in Lagos')
			})
		]);

		const [ics] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download open follow-ups (.ics)' }).click()
		]);
		const calendar = new ICAL.Component(ICAL.parse(readFileSync(await ics.path(), 'utf8')));
		const summaries = calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
		expect(summaries).toEqual([expect.stringContaining('Adaeze Okafor')]);
		await page.getByRole('status').filter({ hasText: 'Calendar file downloaded: 1 follow-up.' }).waitFor();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download a backup' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^networking-companion-backup-\d{4}-\d{2}-\d{2}\.json$/);
		const file = await download.path();
		const backup = JSON.parse(readFileSync(file, 'utf8'));
		expect(backup.people.map((p: { name: string }) => p.name)).toEqual(['Adaeze Okafor']);
		expect(backup.card.name).toBe('Ada Lovelace');

		// Another browser (a new phone): restore, and everything is there.
		const context = await browser.newContext({ baseURL: page.url().replace(/\/settings.*$/, '') });
		const fresh = await context.newPage();
		const problems: string[] = [];
		watchPage(fresh, problems);
		await fresh.goto('/settings');
		await fresh
			.getByLabel('Restore from a backup')
			.setInputFiles({ name: 'not-a-backup.json', mimeType: 'application/json', buffer: Buffer.from('{"people": 1}') });
		await fresh.getByRole('alert').filter({ hasText: 'not a backup this app can restore' }).waitFor();
		await fresh.getByLabel('Restore from a backup').setInputFiles(file);
		await fresh.getByRole('status').filter({ hasText: 'Restored 4 records.' }).waitFor();
		await fresh.goto('/people');
		await fresh
			.getByRole('list', { name: 'People' })
			.getByRole('link', { name: /Adaeze Okafor/ })
			.click();
		await fresh.getByText('Grid storage pilots in Lagos').waitFor();
		expect(problems).toEqual([]);
		expect(session.problems).toEqual([]);
	});

	it('cuts what the server would refuse or leaves it out, saying which; a restore shows its progress and Cancel changes nothing', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, browser } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await typeInPerson(page, { name: 'Lena Fischer', note: 'Robotics grants in Bavaria' });
		await page.getByRole('link', { name: 'Settings' }).click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download a backup' }).click()
		]);
		const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
		const person = backup.people[0];
		// A 100 KB name, and a follow-up snoozed into a year the server does not store.
		const tampered = {
			...backup,
			people: [{ ...person, name: `Lena ${'F'.repeat(100_000)}` }],
			followUps: backup.followUps.map((f: object) => ({ ...f, snoozedUntil: Date.parse('9999-01-01T00:00:00Z') }))
		};

		const context = await browser.newContext({ baseURL: page.url().replace(/\/settings.*$/, '') });
		const fresh = await context.newPage();
		const problems: string[] = [];
		watchPage(fresh, problems);
		await fresh.goto('/settings');
		const restore = fresh.getByLabel('Restore from a backup');
		const json = (value: unknown) => ({
			name: 'backup.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(value))
		});
		await restore.setInputFiles(json(tampered));
		await fresh
			.getByRole('status')
			.filter({ hasText: /^Restored \d+ records; 1 was cut to fit; 1 record was left out \(listed below\)\.$/ })
			.waitFor();
		const cut = fresh.getByRole('list', { name: 'Cut to fit' }).getByRole('listitem');
		expect(await cut.allTextContents()).toEqual([
			expect.stringMatching(/^Person 1 \(“Lena F+…?”\): name cut to what the app keeps$/)
		]);
		const leftOut = fresh.getByRole('list', { name: 'Left out' }).getByRole('listitem');
		expect(await leftOut.allTextContents()).toEqual([
			'Follow-up 1: left out, its snooze is outside what the app keeps'
		]);
		await fresh.goto('/people');
		await fresh
			.getByRole('list', { name: 'People' })
			.getByRole('link', { name: `Lena ${'F'.repeat(195)}`, exact: true })
			.waitFor();

		// 1,200 people: checked 500 at a time, with a timer between chunks. With the page's clock
		// paused, the restore waits at the first of them, showing how far it is, while Cancel is pressed.
		const many = Array.from({ length: 1200 }, (_, i) => ({
			...person,
			id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
			name: `Person ${i}`,
			matchKeys: [`email:p${i}@example.org`]
		}));
		await context.clock.install();
		await fresh.goto('/settings');
		await context.clock.pauseAt(Date.now() + 60_000);
		await restore.setInputFiles(json({ ...backup, people: many }));
		await fresh.getByRole('progressbar', { name: 'Restoring the backup' }).waitFor();
		await fresh.getByText('Checking 500 of 1,202 records…', { exact: true }).waitFor();
		await fresh.getByRole('button', { name: 'Cancel restore' }).click();
		await context.clock.resume();
		await fresh.getByRole('status').filter({ hasText: 'Restore cancelled. Nothing was changed.' }).waitFor();
		expect(await fresh.getByRole('progressbar').count()).toBe(0);
		await fresh.goto('/people');
		const people = fresh.getByRole('list', { name: 'People' });
		await people.getByRole('link', { name: /^Lena F+$/ }).waitFor();
		expect(await people.getByRole('listitem').count()).toBe(1);
		expect(problems).toEqual([]);
		expect(session.problems).toEqual([]);
	});
});
