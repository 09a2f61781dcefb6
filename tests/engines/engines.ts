// WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, classic WebDriver, with webdriverio) and
// Firefox ESR (WebDriver BiDi, with puppeteer-core), behind one small page interface so that the
// flows in engines.test.ts are written once. Facts checked on these machines: /work/shared/TESTING.md
// ("WebKit and Firefox"). Nothing here skips: a missing browser, driver or Xvfb fails the lane.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser as PuppeteerBrowser, type ElementHandle, type Page } from 'puppeteer-core';
import { remote } from 'webdriverio';

// Issue 20 item 19, what was found: Firefox cancels the loads a page still has in flight when the
// page is left (reloaded, or another page opened), and reports each cancelled one in the page being
// left — "error loading dynamically imported module" (SvelteKit's start imports the route's nodes,
// then its error page's), "Unable to preload CSS" (Vite's preload helper throws for a cancelled
// stylesheet) and, for loads the service worker answers, "A ServiceWorker intercepted the request
// and encountered an unexpected error". It happens with the service worker turned off too
// (dom.serviceWorkers.enabled=false: the first two messages), so the worker's handlers are not the
// cause; it happens only when a page is left before the app has started (its first screen drawn,
// some 150–550 ms after the load here). The quick-reload flow leaves each page as soon as it has
// started, and finds no error.

export type EngineName = 'webkit' | 'firefox';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const FIREFOX = '/usr/bin/firefox-esr';
const INSTALL = 'apt-get install -y webkit2gtk-driver firefox-esr xvfb';

/** An element found by its role and accessible name, optionally inside another one found so. */
export interface ByRole {
	role: string;
	name?: string | RegExp;
	/** Text the element holds (for a status or an alert, whose name is not its text). */
	text?: string;
	within?: ByRole;
}

/** What the flows need of a browser tab, the same in both engines. */
export interface EnginePage {
	readonly engine: EngineName;
	/** Where this browser saves downloads. */
	readonly downloads: string;
	goto(url: string): Promise<void>;
	reload(): Promise<void>;
	url(): Promise<string>;
	/** Runs `body` (a function body, `args` as `arguments`) in the page and returns its result. */
	run<T>(body: string, ...args: unknown[]): Promise<T>;
	/** Waits until `body` returns something truthy in the page, and returns it. */
	until<T>(body: string, what: string, ...args: unknown[]): Promise<T>;
	click(target: ByRole): Promise<void>;
	fill(target: ByRole, value: string): Promise<void>;
	/** Gives the file input right after `button` (the app's hidden picker) a file. */
	chooseFile(button: ByRole, file: string): Promise<void>;
	/** What went wrong on the pages since the last call: uncaught errors, rejections, console errors. */
	problems(): Promise<string[]>;
	close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const testingLibrary = readFileSync(
	require.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'),
	'utf8'
);

/**
 * Page-side helpers: Testing Library's role queries (roles and accessible names as the ARIA specs
 * compute them) and, where the engine gives no log of its own (WebKit), a recorder of page errors
 * kept in sessionStorage so that it outlives reloads.
 */
const helpers = `
if (!window.__engine) {
	${testingLibrary}
	const key = '__engineProblems';
	const note = (text) => {
		const list = JSON.parse(sessionStorage.getItem(key) ?? '[]');
		list.push(text);
		sessionStorage.setItem(key, JSON.stringify(list));
	};
	const find = (target) => {
		const root = target.within ? find(target.within) : document.body;
		if (!root) return null;
		const name = target.name === undefined ? undefined : target.name.regex ? new RegExp(target.name.regex) : target.name;
		const all = window.TestingLibraryDom.queryAllByRole(root, target.role, { name });
		return all.find((el) => target.text === undefined || el.textContent.includes(target.text)) ?? null;
	};
	window.__engine = { find, note, key, recording: false };
}
`;

/** Records page errors where nothing else does: installed after each load (WebKit has no init scripts). */
const recorder = `
const engine = window.__engine;
if (!engine.recording) {
	engine.recording = true;
	addEventListener('error', (e) => engine.note('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e)), true);
	addEventListener('unhandledrejection', (e) => engine.note('unhandledrejection: ' + (e.reason && e.reason.message || e.reason)));
	const error = console.error.bind(console);
	console.error = (...args) => { engine.note('console.error: ' + args.map(String).join(' ')); error(...args); };
}
`;

/** Arguments as they cross into the page: a RegExp (a name pattern) as its source. */
const toPage = (value: unknown): unknown =>
	value instanceof RegExp
		? { regex: value.source }
		: Array.isArray(value)
			? value.map(toPage)
			: value && typeof value === 'object'
				? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPage(v)]))
				: value;

export const describeTarget = (t: ByRole): string =>
	`${t.within ? `${describeTarget(t.within)} > ` : ''}${t.role}${t.name === undefined ? '' : ` "${String(t.name)}"`}${t.text === undefined ? '' : ` saying "${t.text}"`}`;

const TIMEOUT = 30_000;
const MISSING = '__engine-missing';

/** Polls a state (never a fixed wait): `check` until it gives something truthy, or fails after `timeout`. */
export async function waitFor<T>(check: () => Promise<T>, what: string, timeout = TIMEOUT): Promise<NonNullable<T>> {
	const started = Date.now();
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value) return value as NonNullable<T>;
		} catch (error) {
			last = error;
		}
		if (Date.now() - started > timeout)
			throw new Error(
				`Timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`
			);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

function need(path: string, what: string) {
	if (!existsSync(path)) throw new Error(`${what} not found at ${path}: ${INSTALL}`);
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	if (!address || typeof address === 'string') throw new Error('No port');
	return address.port;
}

function stop(child: ChildProcess | null) {
	if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
}

/** An X server for MiniBrowser, which (GTK) needs a display even when nobody looks: it knows no --headless. */
async function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
	need('/usr/bin/Xvfb', 'Xvfb');
	const child = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
		stdio: ['ignore', 'pipe', 'ignore']
	});
	const display = await new Promise<string>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`Xvfb exited with code ${code}`)));
		child.stdout!.once('data', (data: Buffer) => resolve(`:${data.toString().trim()}`));
	});
	return { display, child };
}

async function openWebKit(): Promise<EnginePage> {
	need(MINIBROWSER, 'MiniBrowser');
	need(WEBKIT_DRIVER, 'WebKitWebDriver');
	const downloads = mkdtempSync(join(tmpdir(), 'enc-webkit-'));
	const x = await startXvfb();
	const port = await freePort();
	// MiniBrowser saves downloads into $HOME, and keeps its profile there.
	const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
		env: { ...process.env, DISPLAY: x.display, HOME: downloads },
		stdio: 'ignore'
	});
	try {
		const browser = await waitFor(
			() =>
				remote({
					hostname: '127.0.0.1',
					port,
					logLevel: 'silent',
					connectionRetryCount: 0,
					capabilities: {
						'wdio:enforceWebDriverClassic': true,
						'webkitgtk:browserOptions': {
							binary: MINIBROWSER,
							args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true']
						}
					} as WebdriverIO.Capabilities
				}),
			'WebKitWebDriver to start a session',
			20_000
		);
		await browser.setWindowSize(480, 900);
		// The helpers (180 KB) go in once per document: each call first checks that they are there.
		const run = async <T>(body: string, ...args: unknown[]): Promise<T> => {
			const result = await browser.execute(
				`if (!window.__engine) return ${JSON.stringify(MISSING)};\n${body}`,
				...args.map(toPage)
			);
			if (result !== MISSING) return result as T;
			await browser.execute(`${helpers}\n${recorder}`);
			return run(body, ...args);
		};
		const element = async (target: ByRole) => {
			const found = await waitFor(async () => {
				const el = await run<WebdriverIO.Element | null>('return window.__engine.find(arguments[0]);', target);
				return el ? browser.$(el) : null;
			}, describeTarget(target));
			return found;
		};
		const afterLoad = () => run('return true;');
		const page: EnginePage = {
			engine: 'webkit',
			downloads,
			goto: async (url) => {
				await browser.url(url);
				await afterLoad();
			},
			reload: async () => {
				await browser.refresh();
				await afterLoad();
			},
			url: () => browser.getUrl(),
			run,
			until: (body, what, ...args) => waitFor(() => run(body, ...args), what),
			click: async (target) => (await element(target)).click(),
			fill: async (target, value) => (await element(target)).setValue(value),
			chooseFile: async (button, file) => {
				await element(button);
				const input = await run<WebdriverIO.Element>(
					'return window.__engine.find(arguments[0]).nextElementSibling;',
					button
				);
				// addValue, not setValue: setValue clears the field first, which WebKit refuses for a file input.
				await (await browser.$(input)).addValue(file);
			},
			problems: () =>
				run(
					`const seen = JSON.parse(sessionStorage.getItem(window.__engine.key) ?? '[]'); sessionStorage.removeItem(window.__engine.key); return seen;`
				),
			close: async () => {
				await browser.deleteSession().catch(() => {});
				stop(driver);
				stop(x.child);
			}
		};
		return page;
	} catch (error) {
		stop(driver);
		stop(x.child);
		throw error;
	}
}

/**
 * Firefox fetches a page's icons itself (its favicon loader, apple-touch-icon on every reload), and the
 * service worker answers those requests from the precache. When the page is reloaded or left while
 * such an answer is on its way, Firefox cuts its own request short and logs "Failed to load ‘…’. A
 * ServiceWorker intercepted the request and encountered an unexpected error." as a page error, though
 * the page asked for nothing and nothing of the app failed. Seen twice in one run with both cores
 * loaded 4–6 times over (load average 8–12), in the two tests that reload as soon as a page shows;
 * never in 3 runs with three busy loops beside it. Only these icons (src/app.html's links) are
 * excused: the same message for any file the app itself loads still fails the test.
 */
const BROWSER_ICON_ABORTED =
	/^Failed to load ‘https?:\/\/[^/]+(\/(?:favicon\.ico|icon\.svg|apple-touch-icon-180x180\.png))’\. A ServiceWorker intercepted the request and encountered an unexpected error\.$/;

async function openFirefox(): Promise<EnginePage> {
	need(FIREFOX, 'Firefox ESR');
	const downloads = mkdtempSync(join(tmpdir(), 'enc-firefox-'));
	const browser: PuppeteerBrowser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX,
		headless: true,
		defaultViewport: { width: 420, height: 860 },
		extraPrefsFirefox: {
			'media.navigator.streams.fake': true,
			'media.navigator.permission.disabled': true,
			'browser.download.folderList': 2,
			'browser.download.dir': downloads,
			'browser.download.useDownloadDir': true,
			'browser.download.always_ask_before_handling_new_types': false,
			'browser.helperApps.neverAsk.saveToDisk': 'text/vcard,text/x-vcard,text/calendar,image/png,image/svg+xml'
		}
	});
	const tab: Page = (await browser.pages())[0] ?? (await browser.newPage());
	const problems: string[] = [];
	// WebDriver BiDi's log.entryAdded: uncaught errors and rejections, failed module loads, and
	// every console.error, from the very start of each page.
	tab.on('pageerror', (error) => {
		const message = error instanceof Error ? error.message : String(error);
		const icon = BROWSER_ICON_ABORTED.exec(message)?.[1];
		// Logged, not counted: see BROWSER_ICON_ABORTED.
		if (icon) console.log(`firefox: its own request for ${icon} was cut short while the service worker answered it`);
		else problems.push(`pageerror: ${message}`);
	});
	tab.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
	});
	const call = (body: string, args: unknown[]) =>
		`(function () { if (!window.__engine) return ${JSON.stringify(MISSING)}; ${body} }).apply(null, ${JSON.stringify(toPage(args))})`;
	const run = async <T>(body: string, ...args: unknown[]): Promise<T> => {
		const result = await tab.evaluate(call(body, args));
		if (result !== MISSING) return result as T;
		await tab.evaluate(`(() => { ${helpers} })()`);
		return run(body, ...args);
	};
	const element = (target: ByRole) =>
		waitFor(async () => {
			await run('return true;');
			const handle = await tab.evaluateHandle(call('return window.__engine.find(arguments[0]);', [target]));
			const el = handle.asElement() as ElementHandle<Element> | null;
			if (!el) await handle.dispose();
			return el;
		}, describeTarget(target));
	return {
		engine: 'firefox',
		downloads,
		goto: async (url) => void (await tab.goto(url)),
		reload: async () => void (await tab.reload()),
		url: async () => tab.url(),
		run,
		until: (body, what, ...args) => waitFor(() => run(body, ...args), what),
		// As a person taps: once the element has stopped moving (puppeteer clicks where the element
		// was, unlike Playwright, which waits for it to be stable). The scan screen no longer moves
		// its buttons as the camera starts (tests/e2e/scan-layout.test.ts); this keeps any other
		// late layout change from turning into a tap on the wrong thing.
		click: async (target) => {
			const el = await element(target);
			await waitFor(
				async () => {
					const before = await el.boundingBox();
					await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
					const after = await el.boundingBox();
					return before && after && before.x === after.x && before.y === after.y ? true : null;
				},
				`${describeTarget(target)} to stop moving`
			);
			await el.click();
		},
		fill: async (target, value) => {
			const el = await element(target);
			await el.evaluate((input) => ((input as HTMLInputElement).value = ''));
			await el.type(value);
		},
		chooseFile: async (button, file) => {
			const el = await element(button);
			const input = (await el.evaluateHandle((b) => b.nextElementSibling)) as ElementHandle<HTMLInputElement>;
			await input.uploadFile(file);
		},
		problems: async () => problems.splice(0),
		close: () => browser.close()
	};
}

export function openEngine(engine: EngineName): Promise<EnginePage> {
	return engine === 'webkit' ? openWebKit() : openFirefox();
}
