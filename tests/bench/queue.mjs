// npm run bench:queue [-- --people 5000]
// Fills IndexedDB in Debian's Chromium with N people, each with an encounter and a follow-up (a
// fifth with a promise), then measures, in the built app served by `vite preview`:
//   - the queue's first screen: tap "Follow-ups" → first row drawn (warm, median of 15), and a
//     cold reload of /follow-ups: navigation start → first row (median of 5);
//   - a person page: tap the person's link → their timeline drawn (median of 15).
// Prints the figures; the goal for the queue's first screen is ≤ 100 ms.
import { preview } from 'vite';
import { launchChromium } from '../support/browser.mjs';
import { seedPeople } from './seed.mjs';

const args = process.argv.slice(2);
const peopleIndex = args.indexOf('--people');
const PEOPLE = peopleIndex >= 0 ? Number(args[peopleIndex + 1]) : 5000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await launchChromium();
try {
	const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
	// window.__until(selector): the performance.now() at which the selector first matches.
	await context.addInitScript(() => {
		window.__until = (selector) =>
			new Promise((resolve) => {
				if (document.querySelector(selector)) return resolve(performance.now());
				const observer = new MutationObserver(() => {
					if (!document.querySelector(selector)) return;
					observer.disconnect();
					resolve(performance.now());
				});
				observer.observe(document.documentElement, { childList: true, subtree: true });
			});
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await page.goto(`${base}/card`);
	await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ada Lovelace');
	await page.getByRole('button', { name: 'Save card' }).click();
	await page.getByText('Your card is saved.').waitFor();

	const seeded = await seedPeople(page, PEOPLE);
	console.log(`seeded ${PEOPLE} people with encounters and follow-ups (${seeded.open} open) in ${seeded.ms} ms`);

	const QUEUE_ROW = 'ul[aria-label="Follow-up queue"] li';
	const TIMELINE = 'ol[aria-label="Encounters"] li';
	const warm = [];
	const person = [];
	for (let run = 0; run < 15; run++) {
		await page.goto(`${base}/settings`);
		await page.getByRole('heading', { name: 'Settings' }).waitFor();
		warm.push(
			await page.evaluate(async (row) => {
				const start = performance.now();
				document.querySelector('nav a[href="/follow-ups"]').click();
				return (await window.__until(row)) - start;
			}, QUEUE_ROW)
		);
		await page.locator(`${QUEUE_ROW} a`).nth(run).click();
		await page.getByRole('link', { name: /'s page$/ }).waitFor();
		person.push(
			await page.evaluate(async (timeline) => {
				const start = performance.now();
				[...document.querySelectorAll('a')].find((a) => a.textContent?.endsWith("'s page")).click();
				return (await window.__until(timeline)) - start;
			}, TIMELINE)
		);
	}

	// Not a goal of its own, but the list a user searches: tap "People" → first person drawn.
	const peopleList = [];
	for (let run = 0; run < 5; run++) {
		await page.goto(`${base}/settings`);
		await page.getByRole('heading', { name: 'Settings' }).waitFor();
		peopleList.push(
			await page.evaluate(async () => {
				const start = performance.now();
				document.querySelector('nav a[href="/people"]').click();
				return (await window.__until('ul[aria-label="People"] li')) - start;
			})
		);
	}

	const cold = [];
	for (let run = 0; run < 5; run++) {
		await page.goto(`${base}/follow-ups`);
		cold.push(await page.evaluate((row) => window.__until(row), QUEUE_ROW));
	}

	const drawn = await page.locator(QUEUE_ROW).count();
	console.log(`queue: ${drawn} rows drawn of ${seeded.open} open follow-ups`);
	console.log(
		`queue first screen, warm (tap → first row): median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms`
	);
	console.log(`queue first screen, cold reload (navigation start → first row): median ${median(cold).toFixed(0)} ms`);
	console.log(
		`person page (tap → timeline): median ${median(person).toFixed(1)} ms, max ${Math.max(...person).toFixed(1)} ms`
	);
	await page.goto(`${base}/people`);
	await page.locator('ul[aria-label="People"] li').first().waitFor();
	const peopleDrawn = await page.locator('ul[aria-label="People"] li').count();
	console.log(
		`people list (tap → first person): median ${median(peopleList).toFixed(1)} ms, ${peopleDrawn} rows drawn of ${PEOPLE}`
	);
	console.log(
		`queue first screen goal ≤ 100 ms: ${median(warm) <= 100 ? 'met' : 'NOT met'} (${median(warm).toFixed(1)} ms)`
	);
} finally {
	await browser.close();
	await new Promise((resolve) => server.httpServer.close(resolve));
}
