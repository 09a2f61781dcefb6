import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, loadEnv, type Rolldown } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';

const cardPageRoot = fileURLToPath(new URL('./src/card-page', import.meta.url));

/**
 * The card page that card links open (`/c#1…`, src/card-page/), written as `c.html`: strangers open
 * it from a QR code on conference networks, so it is built on its own, without SvelteKit or the
 * app — one small script, with its CSS inlined. It joins the app's client files, so the service
 * worker precaches it (as `/c`) for the owner's phone, which opens card links offline too.
 */
function cardPage(): Plugin {
	return {
		name: 'card-page',
		apply: 'build',
		async generateBundle(_, bundle) {
			if (!Object.keys(bundle).some((file) => file.includes('_app/immutable/entry/'))) return;
			const result = await build({
				configFile: false,
				envDir: false,
				root: cardPageRoot,
				base: '/',
				publicDir: false,
				logLevel: 'warn',
				resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
				build: {
					write: false,
					// One script and what it imports on demand: no preload helper.
					modulePreload: false,
					rolldownOptions: {
						input: `${cardPageRoot}/c.html`,
						output: {
							entryFileNames: '_app/immutable/card/[name].[hash].js',
							chunkFileNames: '_app/immutable/card/[name].[hash].js',
							assetFileNames: '_app/immutable/card/[name].[hash][extname]'
						}
					}
				}
			});
			const files = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((o) => o.output);
			const stylesheets = new Map<string, string>();
			for (const file of files) {
				if (file.type === 'asset' && file.fileName.endsWith('.css'))
					stylesheets.set(file.fileName, String(file.source));
			}
			for (const file of files) {
				if (file.type === 'chunk') {
					this.emitFile({ type: 'asset', fileName: file.fileName, source: file.code });
				} else if (file.fileName === 'c.html') {
					// The styles inline: one round trip fewer before the card shows.
					const html = String(file.source).replace(
						/<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g,
						(link, name: string) => `<style>${stylesheets.get(name) ?? link}</style>`
					);
					this.emitFile({ type: 'asset', fileName: file.fileName, source: html });
				} else if (!stylesheets.has(file.fileName)) {
					this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
				}
			}
		}
	};
}

/**
 * barcode-detector 3.2.2 bundles zxing-wasm 3.1.3, whose readBarcodes() never deletes the result
 * vector WebAssembly hands back: each code read leaks its results' typed arrays (about 1 KB a read,
 * a few reads a scan; `npm run bench:memory` showed the table of them growing scan after scan) and
 * each frame a little WebAssembly memory. zxing-wasm 3.1.8 deletes it, but cannot be swapped in
 * under barcode-detector's bundled copy; this applies the same fix to that copy. It fails the build
 * if the code it patches changes, so an upgrade cannot silently bring the leak back or drop the fix.
 */
function deleteZxingResults(): Plugin {
	const collect =
		/(for \(let (\w+) = 0; \2 < (\w+)\.size\(\); \+\+\2\) (\w+)\.push\(\w+\(\3\.get\(\2\)\)\);\s*return \4;)/;
	return {
		name: 'delete-zxing-results',
		transform(code, id) {
			if (!id.includes('barcode-detector') || !code.includes('readBarcodesFromPixmap')) return null;
			const found = collect.exec(code);
			if (!found) throw new Error(`${id}: readBarcodes() changed; check whether it now deletes its results`);
			return code.replace(collect, `try { $1 } finally { $3.delete(); }`);
		}
	};
}

/**
 * html5-qrcode 2.3.8 starts the camera's video with `this.surface.play();` and drops the promise:
 * when the scanner is stopped before the video plays (a person pressing "Type it instead" as the
 * camera opens), play() rejects with an AbortError nobody handles, an uncaught error in the page
 * (Firefox; the engine lane, tests/engines, saw it). The stop is on purpose, so the rejection is
 * let go; the video's own error and abort handlers stay. Fails the build if the code changes.
 */
function quietVideoPlay(): Plugin {
	const play = /this\.surface\.play\(\);/g;
	return {
		name: 'quiet-video-play',
		transform(code, id) {
			if (!/html5-qrcode[\\/]esm[\\/]camera[\\/]core-impl\.js$/.test(id)) return null;
			if ((code.match(play) ?? []).length !== 2)
				throw new Error(`${id}: the camera's play() calls changed; check quietVideoPlay()`);
			return code.replace(play, 'this.surface.play().catch(function () {});');
		}
	};
}

/**
 * franc-min tells the language of a note apart by trigram tables for 82 languages (48 KB gzipped);
 * a draft is written in six, and the detector asks only about those (`only`), so the tables of the
 * other 76 are dropped from the build. It fails the build if the data file changes shape, so an
 * upgrade cannot silently keep them or drop one of the six.
 */
function francSixLanguages(): Plugin {
	const keep = ['eng', 'deu', 'fra', 'spa', 'por', 'ita'];
	return {
		name: 'franc-six-languages',
		transform(code, id) {
			if (!/franc-min[\\/]data\.js$/.test(id)) return null;
			const line = /^ {4}([a-z]{3}): '.*',?$/;
			const lines = code.split('\n');
			const found = lines.flatMap((l) => line.exec(l)?.[1] ?? []);
			if (keep.some((code) => !found.includes(code)) || found.length < 50)
				throw new Error(`${id}: franc-min's data changed shape; check francSixLanguages()`);
			return lines.filter((l) => !line.test(l) || keep.includes(line.exec(l)![1]!)).join('\n');
		}
	};
}

const require = createRequire(import.meta.url);
const packageFile = (name: string) => require.resolve(name, { paths: [process.cwd()] });
const version = (name: string) =>
	(JSON.parse(readFileSync(packageFile(`${name}/package.json`), 'utf8')) as { version: string }).version;
// English, LSTM only, integer "best" model (2.9 MB gzipped): what tesseract.js itself picks for its
// LSTM-only engine; the 4.0.0 set (11 MB) adds the legacy engine the app does not use.
const OCR_LANGUAGE = '4.0.0_best_int';
/** The files the OCR worker fetches, by the name it asks for. */
const OCR_FILES: Record<string, string> = {
	'worker.min.js': packageFile('tesseract.js/dist/worker.min.js'),
	// The worker picks the LSTM-only core this browser can run (relaxed SIMD, SIMD, or neither) and
	// asks for `tesseract-core-<core>.wasm.js`: the build with its WebAssembly inlined as base64
	// (3.8 MB). It gets the loader of the build whose .wasm is a file of its own instead (88 KB, which
	// fetches the 2.8 MB `tesseract-core-<core>.wasm` from this folder): smaller, and compiled while
	// it downloads.
	...Object.fromEntries(
		['relaxedsimd-lstm', 'simd-lstm', 'lstm'].flatMap((core) => [
			[`tesseract-core-${core}.wasm.js`, packageFile(`tesseract.js-core/tesseract-core-${core}.js`)],
			[`tesseract-core-${core}.wasm`, packageFile(`tesseract.js-core/tesseract-core-${core}.wasm`)]
		])
	),
	'eng.traineddata.gz': packageFile(`@tesseract.js-data/eng/${OCR_LANGUAGE}/eng.traineddata.gz`)
};
/** One folder per set of versions: `_app/immutable` is cached for ever by hosts and browsers. */
const OCR_DIR = `_app/immutable/ocr/${version('tesseract.js')}-${version('tesseract.js-core')}-eng-${version('@tesseract.js-data/eng')}-${OCR_LANGUAGE}/`;

/**
 * Serves tesseract.js's worker, its WebAssembly core and the English traineddata from the app's own
 * origin (tesseract.js would fetch them from a CDN, unreachable offline and a leak of who scans
 * what). They stay under their own names in one folder, because the core loads its .wasm from next
 * to the worker script. `virtual:ocr-assets` tells the OCR adapter where that folder is. The service
 * worker caches the folder when OCR is first used (src/service-worker.ts), not at install: 5.7 MB
 * most people never need.
 */
function ocrAssets(): Plugin {
	const virtual = 'virtual:ocr-assets';
	return {
		name: 'ocr-assets',
		resolveId: (id) => (id === virtual ? `\0${virtual}` : null),
		load: (id) => (id === `\0${virtual}` ? `export const ocrAssetsBase = ${JSON.stringify('/' + OCR_DIR)};` : null),
		configureServer(server) {
			server.middlewares.use((request, response, next) => {
				const path = request.url?.split('?')[0] ?? '';
				const file = path.startsWith('/' + OCR_DIR) ? OCR_FILES[path.slice(OCR_DIR.length + 1)] : undefined;
				if (!file) return next();
				const type = path.endsWith('.wasm')
					? 'application/wasm'
					: path.endsWith('.js')
						? 'text/javascript'
						: 'application/octet-stream';
				response.setHeader('content-type', type);
				createReadStream(file).pipe(response);
			});
		},
		generateBundle(_, bundle) {
			if (!Object.keys(bundle).some((file) => file.includes('_app/immutable/entry/'))) return;
			for (const [name, file] of Object.entries(OCR_FILES))
				this.emitFile({ type: 'asset', fileName: OCR_DIR + name, source: readFileSync(file) });
		}
	};
}

const themeColor = '#0f4c5c';

// SvelteKit builds the service worker without this file's envPrefix, but with its `define`: the
// push subscription it renews (pushsubscriptionchange) needs the VAPID public key too.
const { PUBLIC_VAPID_PUBLIC_KEY } = loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), 'PUBLIC_');

export default defineConfig({
	// PUBLIC_SUPABASE_URL / PUBLIC_SUPABASE_ANON_KEY are read at build time (see src/lib/config.ts).
	envPrefix: ['VITE_', 'PUBLIC_'],
	define: { 'import.meta.env.PUBLIC_VAPID_PUBLIC_KEY': JSON.stringify(PUBLIC_VAPID_PUBLIC_KEY ?? '') },
	resolve: {
		// Dexie's own ES module build (ES2018) rather than the ES5 bundle its package entry wraps for
		// CommonJS: the same Dexie, 1.3 KB smaller gzipped, in the chunk every screen loads.
		alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }]
	},
	build: {
		rollupOptions: {
			// The app's own TypeScript modules do nothing when imported (no globals, no registration):
			// a screen that imports one export of a barrel such as state/device.ts does not fetch the
			// modules behind its other exports.
			treeshake: { moduleSideEffects: (id) => !/\/src\/lib\/.*\.ts$/.test(id) }
		}
	},
	plugins: [
		sveltekit(),
		cardPage(),
		deleteZxingResults(),
		quietVideoPlay(),
		francSixLanguages(),
		ocrAssets(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				name: 'Event networking companion',
				short_name: 'Follow-up',
				description: 'Swap cards by QR at an event, write what you talked about, follow up within 48 hours.',
				theme_color: themeColor,
				background_color: '#ffffff',
				display: 'standalone',
				start_url: '/',
				scope: '/'
			},
			pwaAssets: {
				image: 'static/icon.svg',
				preset: 'minimal-2023',
				overrideManifestIcons: true
			},
			kit: {
				adapterFallback: 'index.html',
				// Every route is served by the same shell; precache it under "/".
				spa: { fallbackMapping: '/' }
			},
			// Our own service worker (src/service-worker.ts, built by SvelteKit): precaching as generated, plus follow-up reminders.
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			injectManifest: {
				// With the card page (c.html, precached as /c): see cardPage above.
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,wasm}', 'client/c.html'],
				// OCR's worker, cores and language data: cached on first use instead (see ocrAssets).
				globIgnores: ['client/_app/immutable/ocr/**'],
				// The QR decoder's WebAssembly (~1.1 MB) must be precached so scanning works offline.
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024
			}
		})
	],
	optimizeDeps: {
		// Known up front so the dev server never reloads the page mid-scan to bundle them.
		include: [
			'html5-qrcode/esm/html5-qrcode',
			'html5-qrcode/esm/core',
			'barcode-detector/ponyfill',
			'qr-code-styling',
			'dexie',
			'ical.js',
			'libphonenumber-js/min'
		]
	},
	test: {
		// expect.poll waits for a state; its default of 1 s to give up is a timing a busy machine
		// breaks (CI shares 2 cores: a service worker woken for a push took longer). Passing polls
		// return as soon as the state holds, so only a failing one waits this long.
		expect: { poll: { timeout: 20_000 } },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					setupFiles: ['tests/support/draft-lexicons.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					// supabase-js needs a WebSocket class; Node 20 has one behind this flag.
					execArgv: ['--experimental-websocket'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				// Benchmarks that need the app's modules (npm run bench:sync); not part of npm test.
				extends: true,
				test: {
					name: 'bench',
					include: ['tests/bench/**/*.run.ts'],
					environment: 'node',
					setupFiles: ['tests/support/draft-lexicons.ts'],
					execArgv: ['--experimental-websocket'],
					testTimeout: 300_000,
					hookTimeout: 120_000,
					// One at a time: benchmarks running together would time each other.
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			},
			{
				// The main flows in WebKit and Firefox ESR (tests/engines/engines.ts), on the build.
				extends: true,
				test: {
					name: 'engines',
					include: ['tests/engines/**/*.test.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
