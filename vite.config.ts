import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Ships README.md with the app: Settings links to its "Sync with Supabase" section. */
function readme(): Plugin {
	return {
		name: 'ship-readme',
		apply: 'build',
		generateBundle(_, bundle) {
			// Only the browser build (the one that has the app's entry chunks).
			if (!Object.keys(bundle).some((file) => file.includes('_app/immutable/entry/'))) return;
			this.emitFile({ type: 'asset', fileName: 'README.md', source: readFileSync('README.md', 'utf8') });
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

const themeColor = '#0f4c5c';

export default defineConfig({
	// PUBLIC_SUPABASE_URL / PUBLIC_SUPABASE_ANON_KEY are read at build time (see src/lib/config.ts).
	envPrefix: ['VITE_', 'PUBLIC_'],
	plugins: [
		sveltekit(),
		readme(),
		deleteZxingResults(),
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
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,wasm}'],
				// The QR decoder's WebAssembly (~1.1 MB) must be precached so scanning works offline.
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024
			}
		})
	],
	optimizeDeps: {
		// Known up front so the dev server never reloads the page mid-scan to bundle them.
		include: [
			'html5-qrcode',
			'barcode-detector/ponyfill',
			'qr-code-styling',
			'dexie',
			'ical.js',
			'libphonenumber-js/min'
		]
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
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
			}
		]
	}
});
