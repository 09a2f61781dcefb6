// npm run bench:save — saving a contact after the note, in the built app, on a device already
// holding 5,000 people: unfinished notes are stored (as the scanner stores them), then each is
// opened from "Finish your note" and saved with "Save contact". Half are people met before (matched
// by email), a fifth carry promises. Prints, beside the goal:
//   - the IndexedDB commit (the `capture:commit` measure the app leaves around its transaction),
//     200 saves, each once the app is done with IndexedDB (as after writing a note), "Save
//     contact" clicked by script: median, p95 (goal ≤ 20 ms); and the click → the person's page;
//   - the same commit after a real tap (20 saves): headless Chromium without a GPU draws a frame
//     for the tap on the main thread first (about 10 ms here), and IndexedDB's answers wait for it;
//   - the same commit for 20 saves tapped at once after the previous one: what the app still has
//     running then, it waits for.
// Fails on nothing but errors.
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.mjs';
import { installIndexedDbWatch, installTimers, printTable, saveMyCard, serveBuild, timing } from './figures';
import { seedPeople } from './seed.mjs';

const CAPTURES = 200;
const TAPPED = 20;
const AT_ONCE = 20;
const PEOPLE = 5000;

let site: Awaited<ReturnType<typeof serveBuild>>;
let browser: Browser;
beforeAll(async () => {
	site = await serveBuild();
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** Unfinished notes in the shape the scanner stores them: one of every two for someone known. */
async function seedDrafts(page: Page, count: number) {
	await page.evaluate(async (count) => {
		const now = Date.now();
		const drafts = Array.from({ length: count }, (_, i) => {
			const known = i % 2 === 0;
			const email = known ? `person${i}@bench.example` : `new${i}@bench.example`;
			return {
				id: `bench-draft-${String(i).padStart(4, '0')}`,
				raw: `MECARD:N:${known ? `Person ${i}` : `Newcomer ${i}`};EMAIL:${email};;`,
				kind: 'mecard',
				fields: {
					name: known ? `Person ${i}` : `Newcomer ${i}`,
					org: `Company ${i % 300}`,
					title: '',
					email,
					phone: '',
					linkedin: '',
					url: '',
					badgeId: ''
				},
				guessed: [],
				warnings: [],
				note: `Grid storage pilots in Lagos; wants our battery data (${i})`,
				promises: i % 5 === 0 ? ['Send the deck', 'Intro to Kenji'] : [],
				promiseInput: '',
				helpOffer: '',
				eventId: null,
				metAt: now - (count - i) * 60_000,
				updatedAt: now - (count - i) * 60_000
			};
		});
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('networking-companion');
			request.onerror = () => reject(request.error);
			request.onsuccess = () => {
				const tx = request.result.transaction('drafts', 'readwrite');
				for (const draft of drafts) tx.objectStore('drafts').put(draft);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			};
		});
	}, count);
}

it('prints the IndexedDB commit of saving a contact, 200 times', async () => {
	const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
	await installTimers(context);
	await installIndexedDbWatch(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await saveMyCard(page, site.url);
	await seedPeople(page, PEOPLE);
	await seedDrafts(page, CAPTURES + TAPPED + AT_ONCE);
	await page.goto(`${site.url}/`);
	await page.waitForLoadState('networkidle');

	const unfinished = page.getByRole('complementary', { name: /unfinished notes?/ }).getByRole('link');
	/** Opens the next unfinished note and saves it: the commit and tap → their page, in ms. */
	const saveNext = async ({ settle, tap }: { settle: boolean; tap: boolean }) => {
		await unfinished.first().click();
		await page.waitForURL(/\/capture\//);
		const save = page.getByRole('button', { name: 'Save contact' });
		await save.waitFor();
		if (settle) await page.evaluate(() => window.__idbQuiet());
		const shown = page.evaluate(() =>
			window.__when(() => location.pathname.startsWith('/people/') && document.querySelector('main h1') !== null)
		);
		if (tap) await save.click();
		else await save.evaluate((button: HTMLButtonElement) => button.click());
		await page.waitForURL(/\/people\/[^/?]+\?saved=1/);
		const at = await shown;
		const measured = await page.evaluate(() => ({
			commit: performance.getEntriesByName('capture:commit', 'measure').at(-1)?.duration,
			tap: window.__input.click
		}));
		if (measured.commit === undefined || measured.tap === undefined) throw new Error('no capture:commit measure');
		return { commit: measured.commit, toPage: at - measured.tap };
	};

	const settled = [];
	for (let run = 0; run < CAPTURES; run++) settled.push(await saveNext({ settle: true, tap: false }));
	const tapped = [];
	for (let run = 0; run < TAPPED; run++) tapped.push(await saveNext({ settle: true, tap: true }));
	const atOnce = [];
	for (let run = 0; run < AT_ONCE; run++) atOnce.push(await saveNext({ settle: false, tap: true }));
	printTable(`Save after the note, ${CAPTURES} contacts on a device with ${PEOPLE} people`, [
		timing(
			'IndexedDB commit of one contact',
			settled.map((s) => s.commit),
			{ goal: 20, goalOf: 'p95', high: 95 }
		),
		timing(
			'Save contact → their page',
			settled.map((s) => s.toPage)
		),
		timing(
			'commit after a real tap',
			tapped.map((s) => s.commit),
			{ high: 95 }
		),
		timing(
			'commit, tapped at once after the last',
			atOnce.map((s) => s.commit),
			{ high: 95 }
		)
	]);
	await context.close();
});
