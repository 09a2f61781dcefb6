import { encodeCardFragment, type SharedCard } from '$lib/domain/card/share-link';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, type Session } from './harness';
import type { Page } from 'playwright-core';

const sharedCard: SharedCard = {
	name: '',
	title: 'Rear Admiral',
	company: 'US Navy',
	email: 'grace@navy.example',
	phone: '+12025550100',
	link: 'https://www.linkedin.com/in/grace-hopper',
	helpWith: 'compilers'
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA rules on the current page; returns the violations found. */
async function axeOnce(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const result = await (
			window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }
		).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return result.violations as Violation[];
	});
	return violations.map(
		(v) =>
			`${page.url()} (${scheme}) ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

/** The checks in the light theme, then in the system's dark theme (colour contrast differs). */
async function axe(page: Page): Promise<string[]> {
	const found = await axeOnce(page, 'light');
	await page.emulateMedia({ colorScheme: 'dark' });
	try {
		return [...found, ...(await axeOnce(page, 'dark'))];
	} finally {
		await page.emulateMedia({ colorScheme: 'light' });
	}
}

describe('accessibility', () => {
	it('every screen passes axe-core WCAG 2.1 AA checks, in the light and the dark theme', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir()));
		const { page } = session;
		const found: string[] = [];
		await page.goto('/card');
		await page.getByRole('heading', { name: 'Set up your card' }).waitFor();
		found.push(...(await axe(page)));
		await setUpCard(page, { name: 'Ada Lovelace', email: 'ada@difference.example' });
		await page.getByRole('link', { name: 'Show my QR' }).click();
		await page.getByRole('img', { name: /QR code with the contact card/ }).waitFor();
		found.push(...(await axe(page)));
		// The same screen holding a link, and the card page that link opens, with its answer form.
		await page.getByRole('radio', { name: 'A link to my card page' }).check();
		await page.getByRole('img', { name: /QR code with a link to the contact card/ }).waitFor();
		found.push(...(await axe(page)));
		await page.goto(`/c#${encodeCardFragment({ ...sharedCard, name: 'Grace Hopper' })}`);
		await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
		await page.getByRole('button', { name: 'Make my card' }).click();
		found.push(...(await axe(page)));
		await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
		await page.getByRole('button', { name: 'Make my card' }).click();
		await page.getByRole('heading', { name: 'Your card for Grace Hopper' }).waitFor();
		found.push(...(await axe(page)));
		await page.goto('/card/qr');
		await page.getByRole('radio', { name: 'My contact card' }).check();
		await page.getByRole('link', { name: 'Done' }).click();

		await scanWithCamera(page);
		await page.getByRole('textbox', { name: 'What did you talk about?' }).waitFor();
		found.push(...(await axe(page)));
		// The dialogs of the note screen.
		await page.getByRole('button', { name: 'Discard this scan' }).click();
		await page.getByRole('dialog', { name: 'Discard this scan?' }).waitFor();
		found.push(...(await axe(page)));
		await page.getByRole('button', { name: 'Keep it' }).click();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.getByRole('dialog', { name: 'Leave this note?' }).waitFor();
		found.push(...(await axe(page)));
		await page.getByRole('button', { name: 'Keep writing' }).click();
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Battery data for mini-grids');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByRole('heading', { level: 1 }).waitFor();
		found.push(...(await axe(page)));

		await page.goto('/follow-ups');
		await page.getByRole('list', { name: 'Follow-up queue' }).getByRole('link').first().click();
		await page.getByRole('heading', { name: /^Follow up with/ }).waitFor();
		found.push(...(await axe(page)));
		await page.getByRole('button', { name: 'Snooze' }).click();
		await page.getByRole('button', { name: 'Not a fit' }).click();
		found.push(...(await axe(page)));
		for (const [path, heading] of [
			['/', 'Which event are you at?'],
			['/scan', 'Scan a badge or card'],
			['/people', 'People'],
			['/follow-ups', 'Follow-ups'],
			['/events', 'Which event are you at?'],
			['/settings', 'Settings']
		] as const) {
			await page.goto(path);
			await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
			found.push(...(await axe(page)));
		}
		// The confirmation before deleting everything.
		await page.getByRole('button', { name: 'Delete all my data' }).click();
		await page.getByRole('dialog', { name: 'Delete all your data?' }).waitFor();
		found.push(...(await axe(page)));
		expect(found).toEqual([]);
	});
});
