import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraFlags, launchChromium } from '../support/browser.mjs';
import { badgeFixture } from '../support/fixtures';
import { serveStatic } from '../support/static-server';
import { pgliteDatabase } from '../support/supabase/database';
import { SYNC_STAND_IN_PORT } from '../support/supabase/secret.mjs';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { qrTextToY4m, scratchDir } from '../support/video';
import { scanWithCamera, setUpCard, showContactFields, watchPage } from './harness';

// Signed in, offline, the access token expired: the app opened offline more than an hour after it
// was last used. supabase-js 2.x then answers getSession() with no session and an
// AuthRetryableFetchError although the session is still stored, and caches that failed refresh for
// 60 s (node_modules/@supabase/auth-js/dist/main/GoTrueClient.js: __loadSession,
// _callRefreshToken, REFRESH_FAILURE_COOLDOWN_MS). Access tokens live an hour by default and a
// refresh token does not expire (https://supabase.com/docs/guides/auth/sessions).
//
// "An hour later" is the page's clock moved on by 61 minutes (Playwright's clock; the stand-in keeps
// real time). Only the clock can make it real: while the access token is still valid, supabase-js
// hands back the stored session even when the refresh fails, so a short token lifetime alone
// would not reproduce what a person sees after an hour.
let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const problems: string[] = [];
/** When the stand-in was asked to refresh a session. */
const refreshes: number[] = [];

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({
		database,
		port: SYNC_STAND_IN_PORT,
		intercept: (request) => {
			if (request.url?.startsWith('/auth/v1/token?grant_type=refresh_token')) refreshes.push(Date.now());
			return false;
		}
	});
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

const EMAIL = 'offline.after.an.hour@example.org';
const NOTE = 'Solar microgrids for clinics, met in the hallway';

async function signIn(page: Page, email = EMAIL) {
	if (!page.url().endsWith('/settings')) await page.goto('/settings');
	await page.getByRole('textbox', { name: 'Email' }).fill(email);
	await page.getByRole('button', { name: 'Email me a code' }).click();
	await page.getByRole('status').filter({ hasText: 'We sent a code to' }).waitFor();
	await page.getByRole('textbox', { name: 'Code from the email' }).fill(standIn.mailbox(email).at(-1)!);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByText(`Signed in as ${email}`).waitFor();
}

/** Encounters on the server with this note (the tables may live in `app_private` or `public`). */
async function serverEncountersNoted(note: string): Promise<number> {
	return database.transaction(async (query) => {
		const [found] = await query(
			`select coalesce(to_regclass('app_private.encounters'), to_regclass('public.encounters'))::text as name`
		);
		const rows = await query(`select count(*)::int as n from ${String(found!.name)} where note = $1`, [note]);
		return Number(rows[0]?.n);
	});
}

describe('signed in, offline, the access token expired', () => {
	it('stays signed in and offline, refuses to delete anything, and syncs as soon as the network is back, without a reload', async () => {
		const context = await browser.newContext({ baseURL: site.url, viewport: { width: 420, height: 860 } });
		await context.grantPermissions(['camera']);
		await context.clock.install();
		const page = await context.newPage();
		watchPage(page, problems);

		await setUpCard(page, { name: 'Wangari Maathai' });
		await signIn(page);
		await page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		// Installed (precached) before the network goes.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

		// Offline, and an hour and a minute later the app is opened again (the service worker serves it).
		await context.setOffline(true);
		await context.clock.setSystemTime(Date.now() + 61 * 60_000);
		await page.reload();

		// A conversation captured offline.
		await scanWithCamera(page);
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill(NOTE);
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);

		// Settings: still signed in, offline, the changes waiting here.
		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByText(`Signed in as ${EMAIL}`).waitFor();
		await page.getByRole('link', { name: /^Sync: Offline: \d+ changes waiting$/ }).waitFor();

		// "Delete all my data" cannot reach the server, so nothing here is deleted.
		await page.getByRole('button', { name: 'Delete all my data' }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete all your data?' });
		await dialog.getByText('on the server:', { exact: false }).waitFor();
		await dialog.getByRole('button', { name: 'Delete all my data' }).click();
		await page.getByRole('alert').filter({ hasText: 'Nothing on this device was deleted.' }).waitFor();
		await page.goto('/people');
		await page
			.getByRole('list', { name: 'People' })
			.getByRole('link', { name: /Adaeze Okafor/ })
			.waitFor();
		expect(await serverEncountersNoted(NOTE)).toBe(0);

		// Back online, no reload: the session is refreshed and everything syncs well within
		// supabase-js's 60 s refresh-failure cooldown.
		const back = Date.now();
		await context.setOffline(false);
		await page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 30_000 });
		const seconds = (Date.now() - back) / 1000;
		console.log(`offline-session: back online to "All synced" in ${seconds.toFixed(1)} s`);
		expect(seconds).toBeLessThan(20);
		expect(await serverEncountersNoted(NOTE)).toBe(1);
		// The expired token was really refreshed once back online.
		expect(refreshes.filter((at) => at >= back).length).toBeGreaterThanOrEqual(1);
		await page.getByRole('link', { name: 'Settings' }).click();
		await page.getByText(`Signed in as ${EMAIL}`).waitFor();
		expect(problems).toEqual([]);
		await context.close();
	}, 120_000);
	it('a session the auth server ended (its refresh refused) says so; nothing here is deleted; signing in again syncs', async () => {
		const email = 'session.ended@example.org';
		const context = await browser.newContext({ baseURL: site.url, viewport: { width: 420, height: 860 } });
		await context.grantPermissions(['camera']);
		await context.clock.install();
		const page = await context.newPage();
		watchPage(page, problems);
		await setUpCard(page, { name: 'Rosalind Franklin' });
		await signIn(page, email);
		await page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		await scanWithCamera(page);
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Adaeze Okafor');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Crystallography');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });

		// The session is ended on the server (signed out elsewhere: its refresh token is revoked,
		// supabase/auth internal/api/logout.go), and the app is opened again an hour later.
		const token = await page.evaluate(
			() => (JSON.parse(localStorage.getItem('networking-companion-auth')!) as { access_token: string }).access_token
		);
		const logout = await fetch(`${standIn.url}/auth/v1/logout`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, apikey: standIn.anonKey }
		});
		expect(logout.status).toBe(204);
		await context.clock.setSystemTime(Date.now() + 61 * 60_000);
		await page.goto('/settings');

		// The refresh is refused: the app says so, keeps everything, and asks for a sign-in.
		await page.getByText('Your session has ended.').waitFor({ timeout: 20_000 });
		await page.getByRole('link', { name: 'Sync: Sign in again to sync' }).waitFor();
		await page.getByRole('button', { name: 'Delete all my data' }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete all your data?' });
		await dialog.getByRole('button', { name: 'Delete all my data' }).click();
		await page.getByRole('alert').filter({ hasText: 'Nothing on this device was deleted.' }).waitFor();

		await signIn(page, email);
		await page.getByRole('link', { name: 'Sync: All synced' }).waitFor({ timeout: 20_000 });
		await page.goto('/people');
		await page
			.getByRole('list', { name: 'People' })
			.getByRole('link', { name: /Adaeze Okafor/ })
			.waitFor();
		expect(problems).toEqual([]);
		await context.close();
	}, 120_000);
});
