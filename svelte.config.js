import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { loadEnv } from 'vite';

// The app may talk to the Supabase project it was built for (hosted, self-hosted or local).
const { PUBLIC_SUPABASE_URL } = loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), 'PUBLIC_');
const supabaseOrigins = [];
try {
	const origin = new URL(PUBLIC_SUPABASE_URL ?? '').origin;
	supabaseOrigins.push(origin, origin.replace(/^http/, 'ws'));
} catch {
	// Not configured: local-only mode talks to nobody.
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` (a module of its own that every screen would fetch first).
	compilerOptions: { discloseVersion: false },
	kit: {
		// A single-page app: every route is rendered in the browser from one fallback page,
		// which the service worker precaches so the app starts without a network.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: 'index.html'
		}),
		// Absolute asset paths: the service worker answers every route with the same shell, so
		// paths relative to "/" would break on /capture/… after a reload.
		paths: { relative: false },
		// @vite-pwa/sveltekit registers its own service worker.
		serviceWorker: { register: false },
		// The Edge Function and its tests are Deno code (Deno.*, npm: imports), type-checked by
		// `deno check` / `deno test` in npm run test:functions, not by svelte-check.
		typescript: {
			config: (tsconfig) => {
				tsconfig.exclude = [...(tsconfig.exclude ?? []), '../tests/functions/**', '../supabase/functions/**'];
			}
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'connect-src': ['self', ...supabaseOrigins],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
