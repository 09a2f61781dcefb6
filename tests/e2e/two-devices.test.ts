import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { badgeFixture } from '../support/fixtures';
import { serveStatic } from '../support/static-server';
import { pgliteDatabase } from '../support/supabase/database';
import { SYNC_STAND_IN_PORT } from '../support/supabase/secret.mjs';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { qrTextToY4m, scratchDir } from '../support/video';
import { scanWithCamera, setUpCard, showContactFields, watchPage } from './harness';

// The app built for Supabase at the stand-in (tests/e2e/build-sync.mjs), on a phone and a laptop
// signed in as the same person: supabase-js in Chromium → the stand-in → the real migrations in PGlite.
let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database, port: SYNC_STAND_IN_PORT });
	site = await serveStatic('build-sync');
	browser = await launchChromium(
		fakeCameraFlags(await qrTextToY4m(badgeFixture('vcard30-basic').payload, scratchDir()))
	);
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await site?.close();
	await standIn?.close();
	await database?.close();
});

async function device(): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: site.url, viewport: { width: 420, height: 860 } });
	await context.grantPermissions(['camera']);
	const page = await context.newPage();
	watchPage(page, problems);
	return { context, page };
}

const EMAIL = 'adaeze.fan@example.org';

async function signIn(page: Page, email = EMAIL) {
	// GoTrue sends one code a minute per address (max_frequency, 429 before): the second device
	// signs in a minute after the first, on the stand-in's clock.
	standIn.advanceClock(standIn.settings.maxFrequency);
	await page.goto('/settings');
	await page.getByRole('textbox', { name: 'Email' }).fill(email);
	await page.getByRole('button', { name: 'Email me a code' }).click();
	await page.getByRole('status').filter({ hasText: 'We sent a code to' }).waitFor();
	const code = standIn.mailbox(email).at(-1)!;
	await page.getByRole('textbox', { name: 'Code from the email' }).fill(code);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByText(`Signed in as ${email}`).waitFor();
}

/** Syncs from Settings and waits until the header says everything is synced. */
async function syncNow(page: Page) {
	if (!page.url().endsWith('/settings')) await page.goto('/settings');
	await page.getByRole('button', { name: 'Sync now' }).click();
	// The button says "Syncing…" until the round is over.
	await page.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 20_000 });
	await page.getByRole('link', { name: 'Sync: All synced' }).waitFor();
}

async function openPerson(page: Page, name: string) {
	await page.goto('/people');
	await page
		.getByRole('list', { name: 'People' })
		.getByRole('link', { name: new RegExp(name) })
		.click();
	await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** How many encounters on the server have this note. */
async function encountersNoted(note: string): Promise<number> {
	const rows = await database.transaction((query) =>
		query('select count(*)::int as n from app_private.encounters where note = $1', [note])
	);
	return Number(rows[0]?.n);
}

describe('two devices of one person, through the stand-in', () => {
	it('a scan made offline reaches the laptop; offline edits converge; a note edited on both is merged; sign-out keeps data apart', async () => {
		const phone = await device();
		const laptop = await device();

		// The phone: card, sign-in, then a scan with the network off.
		await setUpCard(phone.page, { name: 'Ada Lovelace' });
		// Not signed in yet: the header says so without loading the sync engine (tests/e2e/budgets).
		await phone.page.getByRole('link', { name: 'Sync: Not signed in' }).waitFor();
		await signIn(phone.page);
		await phone.page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		// The app is installed (precached) before the network goes.
		await phone.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await phone.context.setOffline(true);
		await scanWithCamera(phone.page);
		await showContactFields(phone.page);
		await expect.poll(() => phone.page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await phone.page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Grid storage pilots in Lagos');
		await phone.page.getByRole('button', { name: 'Save contact' }).click();
		// Saved (the capture page's own heading, "You met Adaeze Okafor", would match too early).
		await phone.page.waitForURL(/\?saved=1/);
		await phone.page.getByRole('link', { name: /^Sync: Offline: \d+ changes waiting$/ }).waitFor();

		// Back online: the phone pushes by itself, and the laptop, once signed in, has the person.
		await phone.context.setOffline(false);
		await phone.page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		await signIn(laptop.page);
		await laptop.page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		await openPerson(laptop.page, 'Adaeze Okafor');
		await laptop.page.getByText('Grid storage pilots in Lagos').waitFor();

		// Both edit the same person offline, different details: both edits survive, on both.
		await openPerson(phone.page, 'Adaeze Okafor');
		await phone.context.setOffline(true);
		await laptop.context.setOffline(true);
		await phone.page.getByRole('button', { name: 'Edit details' }).click();
		await phone.page.getByRole('textbox', { name: 'Title' }).fill('CTO');
		await phone.page.getByRole('button', { name: 'Save details' }).click();
		await phone.page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
		await laptop.page.getByRole('button', { name: 'Edit details' }).click();
		await laptop.page.getByRole('textbox', { name: 'Company' }).fill('Lumen Labs Nigeria');
		await laptop.page.getByRole('button', { name: 'Save details' }).click();
		await laptop.page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();

		// And both rewrite the same note.
		await phone.page.getByRole('button', { name: 'Edit note' }).click();
		await phone.page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Grid storage pilots; she wants our battery data');
		await phone.page.getByRole('button', { name: 'Save note' }).click();
		await phone.page.getByRole('status').filter({ hasText: 'Note saved.' }).waitFor();
		await laptop.page.getByRole('button', { name: 'Edit note' }).click();
		await laptop.page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Lagos pilots; intro to her investor next week');
		await laptop.page.getByRole('button', { name: 'Save note' }).click();
		await laptop.page.getByRole('status').filter({ hasText: 'Note saved.' }).waitFor();
		await laptop.page.getByText('Lagos pilots; intro to her investor next week').waitFor();

		await phone.context.setOffline(false);
		await laptop.context.setOffline(false);
		await syncNow(phone.page);
		await syncNow(laptop.page);
		await syncNow(phone.page);

		for (const { page } of [phone, laptop]) {
			await openPerson(page, 'Adaeze Okafor');
			await page.getByText('CTO · Lumen Labs Nigeria').waitFor();
			// The concurrent note: both versions side by side, nothing lost.
			const merge = page.getByRole('region', { name: 'This note was changed on two devices at once' });
			await merge.waitFor();
			await merge.getByText('Grid storage pilots; she wants our battery data').waitFor();
			await merge.getByText('Lagos pilots; intro to her investor next week').waitFor();
		}

		// The laptop merges; the phone gets the merged note and the merge view goes away.
		await laptop.page.getByRole('button', { name: 'Merge the two versions' }).click();
		const merged = 'Lagos grid storage pilots; battery data; intro to her investor next week';
		await laptop.page.getByRole('textbox', { name: 'What did you talk about?' }).fill(merged);
		await laptop.page.getByRole('button', { name: 'Save merged note' }).click();
		await laptop.page.getByRole('status').filter({ hasText: 'Merged note saved.' }).waitFor();
		await syncNow(laptop.page);
		await syncNow(phone.page);
		await openPerson(phone.page, 'Adaeze Okafor');
		await phone.page.getByText(merged).waitFor();
		expect(await phone.page.getByRole('region', { name: 'This note was changed on two devices at once' }).count()).toBe(
			0
		);

		// Signing out with a change not yet synced warns and keeps it; whoever uses the phone next
		// sees none of this person's contacts; signing in again brings them back and sends the change.
		await phone.context.setOffline(true);
		await phone.page.getByRole('button', { name: 'Edit details' }).click();
		await phone.page.getByRole('textbox', { name: 'Title' }).fill('Chief Technology Officer');
		await phone.page.getByRole('button', { name: 'Save details' }).click();
		await phone.page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
		await phone.page.getByRole('link', { name: 'Sync: Offline: 1 change waiting' }).waitFor();
		await phone.page.getByRole('link', { name: 'Settings' }).click();
		await phone.page.getByRole('button', { name: 'Sign out' }).click();
		const warning = phone.page.getByRole('dialog', { name: 'Sign out with changes waiting?' });
		await warning.getByText('1 change has not reached the server yet').waitFor();
		await warning.getByRole('button', { name: 'Sign out and keep them' }).click();
		await phone.page.getByRole('button', { name: 'Email me a code' }).waitFor();
		await phone.page.goto('/people');
		await phone.page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
		expect(await phone.page.getByText('Adaeze Okafor').count()).toBe(0);

		// A scan made while signed out joins the account at the next sign-in.
		await scanWithCamera(phone.page);
		await showContactFields(phone.page);
		await expect.poll(() => phone.page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await phone.page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Second chat: her pilot data format');
		await phone.page.getByRole('button', { name: 'Save contact' }).click();
		// Saved (the capture page's own heading, "You met Adaeze Okafor", would match too early).
		await phone.page.waitForURL(/\?saved=1/);

		await phone.context.setOffline(false);
		await signIn(phone.page);
		await phone.page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		await syncNow(laptop.page);
		await openPerson(laptop.page, 'Adaeze Okafor');
		await laptop.page.getByText('Chief Technology Officer · Lumen Labs Nigeria').waitFor();
		await laptop.page.getByText('Second chat: her pilot data format').waitFor();

		expect(problems).toEqual([]);
	});

	it('a change the server refuses is kept with its reason: Try again sends it, Discard gives it up', async () => {
		const phone = await device();
		const email = 'refused.changes@example.org';
		await setUpCard(phone.page, { name: 'Mary Jackson' });
		await signIn(phone.page, email);
		await phone.page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });

		// The server refuses every change for a while (its answer, as PostgREST would give it).
		const REASON = 'new row violates check constraint (a test refusal)';
		const refuse = async (route: Parameters<Parameters<Page['route']>[1]>[0]) => {
			const { mutations } = route.request().postDataJSON() as { mutations: { mid: number }[] };
			await route.fulfill({
				json: {
					results: mutations.map((m) => ({ mid: m.mid, status: 'rejected', reason: REASON, code: '23514' })),
					last_mid: Math.max(...mutations.map((m) => m.mid))
				}
			});
		};
		await phone.page.route('**/rest/v1/rpc/sync_push', refuse);
		await scanWithCamera(phone.page);
		await showContactFields(phone.page);
		await expect.poll(() => phone.page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await phone.page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Wind farm permits in Kano');
		await phone.page.getByRole('button', { name: 'Save contact' }).click();
		// Saved (the capture page's own heading, "You met Adaeze Okafor", would match too early).
		await phone.page.waitForURL(/\?saved=1/);
		await phone.page.getByRole('link', { name: /^Sync: Couldn't sync \d+ changes$/ }).click();
		const failures = phone.page.getByRole('list', { name: "Couldn't sync" });
		await failures.getByText('A person added: “Adaeze Okafor”').waitFor();
		await failures.getByText('A conversation added: “Wind farm permits in Kano”').waitFor();
		expect(await failures.getByText(`Reason: ${REASON}`).count()).toBeGreaterThanOrEqual(2);
		// Kept on the device meanwhile.
		expect(await encountersNoted('Wind farm permits in Kano')).toBe(0);

		// The server takes changes again. Trying the follow-up again sends its conversation and person
		// too (alone, it would be refused for want of them), and everything arrives.
		await phone.page.unroute('**/rest/v1/rpc/sync_push', refuse);
		await failures.getByRole('button', { name: 'Try again: A follow-up added' }).click();
		await failures.waitFor({ state: 'detached' });
		await syncNow(phone.page);
		await expect.poll(() => encountersNoted('Wind farm permits in Kano')).toBe(1);

		// Refused again, this time an edit: Discard gives it up and the device shows the server's version.
		await phone.page.route('**/rest/v1/rpc/sync_push', refuse);
		await openPerson(phone.page, 'Adaeze Okafor');
		await phone.page.getByRole('button', { name: 'Edit details' }).click();
		await phone.page.getByRole('textbox', { name: 'Company' }).fill('Refused Company Ltd');
		await phone.page.getByRole('button', { name: 'Save details' }).click();
		await phone.page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
		await phone.page.getByRole('link', { name: "Sync: Couldn't sync 1 change" }).click();
		await phone.page.unroute('**/rest/v1/rpc/sync_push', refuse);
		await failures.getByRole('button', { name: 'Discard: A person changed' }).click();
		await failures.waitFor({ state: 'detached' });
		await syncNow(phone.page);
		await openPerson(phone.page, 'Adaeze Okafor');
		await phone.page.getByText('Head of Research · Lumen Labs').waitFor();
		expect(await phone.page.getByText('Refused Company Ltd').count()).toBe(0);
		expect(problems).toEqual([]);
	});

	it('Delete all my data, signed in: refused offline with nothing lost, then the server copy and this device are erased', async () => {
		const phone = await device();
		await setUpCard(phone.page, { name: 'Dorothy Vaughan' });
		await signIn(phone.page, 'erase.me@example.org');
		await scanWithCamera(phone.page);
		await showContactFields(phone.page);
		await expect.poll(() => phone.page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await phone.page.getByRole('textbox', { name: 'What did you talk about?' }).fill('FORTRAN for the IBM 7090');
		await phone.page.getByRole('button', { name: 'Save contact' }).click();
		// Saved (the capture page's own heading, "You met Adaeze Okafor", would match too early).
		await phone.page.waitForURL(/\?saved=1/);
		await syncNow(phone.page);
		expect(await encountersNoted('FORTRAN for the IBM 7090')).toBe(1);
		// The same person's laptop has it too.
		const laptop = await device();
		await setUpCard(laptop.page, { name: 'Dorothy Vaughan' });
		await signIn(laptop.page, 'erase.me@example.org');
		await laptop.page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		await openPerson(laptop.page, 'Adaeze Okafor');

		// Offline, the server's copy cannot go, so nothing here goes either.
		await phone.context.setOffline(true);
		await phone.page.getByRole('button', { name: 'Delete all my data' }).click();
		const dialog = phone.page.getByRole('dialog', { name: 'Delete all your data?' });
		await dialog.getByText('the server', { exact: false }).first().waitFor();
		await dialog.getByRole('button', { name: 'Delete all my data' }).click();
		await phone.page.getByRole('alert').filter({ hasText: 'Nothing on this device was deleted.' }).waitFor();
		await openPerson(phone.page, 'Adaeze Okafor');

		await phone.context.setOffline(false);
		await phone.page.getByRole('link', { name: 'Settings' }).click();
		await phone.page.getByRole('button', { name: 'Delete all my data' }).click();
		await dialog.getByRole('button', { name: 'Delete all my data' }).click();
		await phone.page.getByRole('heading', { name: 'Set up your card' }).waitFor();
		expect(await encountersNoted('FORTRAN for the IBM 7090')).toBe(0);
		await phone.page.goto('/people');
		await phone.page.getByText('No one yet.', { exact: false }).waitFor();

		// The laptop hears of it at its next sync: its copy is cleared too, and Settings says why.
		await syncNow(laptop.page);
		await laptop.page.getByText('All your data was deleted from another device', { exact: false }).waitFor();
		await laptop.page.goto('/people');
		await laptop.page.getByText('No one yet.', { exact: false }).waitFor();
		expect(problems).toEqual([]);
	});
});
