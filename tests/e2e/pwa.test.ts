import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { baseFlags, chromiumPath, fakeCameraFlags } from '../support/browser.mjs';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import {
	baseUrl,
	openSession,
	scanWithCamera,
	setUpCard,
	showContactFields,
	waitForServiceWorker,
	watchPage,
	type Session
} from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe('installable, offline-first app', () => {
	it('offline: reloads from the precache, scans and saves a contact', async () => {
		session = await openSession(await qrTextToY4m(badgeFixture('vcard40').payload, scratchDir()));
		const { page, context } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		await waitForServiceWorker(page);

		await context.setOffline(true);
		const probe = () =>
			fetch(`/network-probe-${Date.now()}`).then(
				() => 'online',
				() => 'offline'
			);
		expect(await page.evaluate(probe)).toBe('offline');
		await page.reload();
		await page.getByRole('heading', { name: 'My card', level: 1 }).waitFor();
		await page.goto('/');
		await page.getByRole('heading', { name: 'Which event are you at?' }).waitFor();

		await scanWithCamera(page);
		await showContactFields(page);
		await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Søren Kierkegaard-Nielsen');
		await page
			.getByRole('textbox', { name: 'What did you talk about?' })
			.fill('Data contracts between fjord sensors and the lake');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.reload();
		await page.getByRole('heading', { name: 'Søren Kierkegaard-Nielsen', level: 1 }).waitFor();
		expect(session.problems).toEqual([]);
	});

	it('is installable: Chromium reports no installability errors and reads the manifest', async () => {
		// Installability is judged in a persistent profile (an incognito context reports "in-incognito").
		const profile = scratchDir('enc-profile-');
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath,
			headless: true,
			args: [...baseFlags, ...fakeCameraFlags(join(profile, 'none.y4m'))],
			baseURL: baseUrl()
		});
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			const problems: string[] = [];
			watchPage(page, problems);
			await page.goto('/card');
			await waitForServiceWorker(page);
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
			const manifest = await cdp.send('Page.getAppManifest');
			expect(manifest.errors).toEqual([]);
			const parsed = JSON.parse(manifest.data ?? '{}');
			expect(parsed).toMatchObject({ display: 'standalone', short_name: 'Follow-up', theme_color: '#0f4c5c' });
			const sizes = parsed.icons.map(
				(icon: { sizes: string; purpose?: string }) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`
			);
			expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
			expect(problems).toEqual([]);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});
});
