// npm run bench:people — the People list with 5,000 people (each with an encounter and a
// follow-up), in the built app served by `vite preview`, in Debian's Chromium:
//   - tap "People" → first row in the page, and → first row painted (the next frame);
//   - a cold reload of /people: navigation start → first row;
//   - a search keystroke → the list updated (typing and deleting digits, each changes the list),
//     once the list has been open a second, and right after it opened (100 ms).
// Prints the figures beside their goals; fails on nothing but errors.
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.mjs';
import { installTimers, printTable, saveMyCard, serveBuild, timing } from './figures';
import { seedPeople } from './seed.mjs';

const PEOPLE = 5000;
const ROW = 'ul[aria-label="People"] li';

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

it('prints the People list figures with 5,000 people', async () => {
	const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
	await installTimers(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await saveMyCard(page, site.url);
	const seeded = await seedPeople(page, PEOPLE);
	console.log(`seeded ${PEOPLE} people with encounters and follow-ups in ${seeded.ms} ms`);

	const openPeople = async () => {
		await page.goto(`${site.url}/settings`);
		await page.getByRole('heading', { name: 'Settings' }).waitFor();
		const drawn = page.evaluate(async (row) => {
			const inPage = await window.__until(row);
			const painted = await window.__afterFrame();
			const tap = window.__input.click ?? NaN;
			return { inPage: inPage - tap, painted: painted - tap };
		}, ROW);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		return drawn;
	};

	// One key press → the list (its count line or rows) changed and shows the result, not
	// "Searching…"; null if nothing changed in 3 s.
	const keystroke = async (key: string) => {
		await page.evaluate(() => {
			window.__pending = Promise.race([
				window
					.__untilChange('main')
					.then(() => window.__when(() => !document.querySelector('main')?.textContent?.includes('Searching…'))),
				new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))
			]);
		});
		await page.keyboard.press(key);
		return page.evaluate(async () => {
			const changed = await window.__pending;
			return changed === null || changed === undefined ? null : changed - (window.__input.keydown ?? NaN);
		});
	};
	const KEYS = ['1', '2', '3', '4', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];

	await openPeople(); // warms the route's code, as a user who opened People once already
	const inPage: number[] = [];
	const painted: number[] = [];
	for (let run = 0; run < 10; run++) {
		const drawn = await openPeople();
		inPage.push(drawn.inPage);
		painted.push(drawn.painted);
	}

	const cold: number[] = [];
	for (let run = 0; run < 5; run++) {
		await page.goto(`${site.url}/people`);
		cold.push(await page.evaluate((row) => window.__until(row), ROW));
	}

	const typed: number[] = [];
	const unchanged: string[] = [];
	for (let round = 0; round < 3; round++) {
		await page.goto(`${site.url}/people`);
		await page.locator(ROW).first().waitFor();
		await page.waitForTimeout(1000);
		await page.getByRole('searchbox', { name: 'Search people' }).focus();
		for (const key of KEYS) {
			const took = await keystroke(key);
			if (took === null) unchanged.push(key);
			else typed.push(took);
		}
	}

	const early: number[] = [];
	for (let run = 0; run < 5; run++) {
		await openPeople();
		await page.waitForTimeout(100);
		await page.getByRole('searchbox', { name: 'Search people' }).focus();
		const took = await keystroke('7');
		if (took === null) unchanged.push('7');
		else early.push(took);
	}
	if (unchanged.length) console.log(`keys that changed nothing (left out): ${unchanged.join(', ')}`);

	await page.goto(`${site.url}/people`);
	await page.locator(ROW).first().waitFor();
	const rows = await page.locator(ROW).count();
	printTable(`People list, ${PEOPLE} people (${rows} rows drawn)`, [
		timing('tap People → first row in the page', inPage, { goal: 100 }),
		timing('tap People → first row painted', painted, { goal: 100 }),
		timing('cold reload → first row', cold),
		timing('search keystroke → list updated', typed, { goal: 50 }),
		timing('keystroke 100 ms after opening → list', early, { goal: 50 })
	]);
	await context.close();
});
