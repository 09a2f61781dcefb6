import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'no-console': ['error', { allow: ['warn', 'error'] }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		// Work nobody waits for is work nobody cancels or sees fail: a promise in src/ is awaited,
		// returned, handled, or marked `void` where dropping it is the point (type-aware rules).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		languageOptions: {
			parserOptions: {
				// The service worker is outside the app's tsconfig (it runs with the WebWorker library).
				projectService: { allowDefaultProject: ['src/service-worker.ts'] },
				extraFileExtensions: ['.svelte'],
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		// Code that runs in the browser has no Node globals (a `process.stdout` left from debugging
		// passed every unit test under Node and broke the follow-up page).
		files: ['src/**'],
		rules: { 'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'] }
	},
	{
		// The domain is pure TypeScript: it declares ports, adapters implement them.
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '$env/*'],
							message: 'The domain must not depend on Svelte or SvelteKit.'
						},
						{
							group: [
								'dexie',
								'@supabase/*',
								'html5-qrcode',
								'qr-code-styling',
								'barcode-detector',
								'barcode-detector/*'
							],
							message: 'The domain declares a port; an adapter implements it.'
						},
						{
							group: [
								'$lib/adapters/*',
								'$lib/state/*',
								'$lib/components/*',
								'**/adapters/**',
								'**/state/**',
								'**/components/**'
							],
							message: 'Dependencies point inward: the domain imports nothing outside it.'
						}
					]
				}
			]
		}
	},
	{
		// Routes and components go through state; only the camera and the styled QR, which are
		// widgets, wrap their adapters directly.
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'$lib/adapters/local/*',
								'$lib/adapters/device/*',
								'$lib/adapters/notifications/*',
								'$lib/adapters/supabase/*'
							],
							message: 'Use $lib/state: routes and components do not reach into adapters.'
						}
					]
				}
			]
		}
	},
	{
		// Scripts and tests report figures on the console.
		files: ['tests/**', 'scripts/**'],
		rules: { 'no-console': 'off' }
	},
	{
		ignores: [
			'build/',
			'build-sync/',
			'.svelte-kit/',
			'dist/',
			'node_modules/',
			'.tmp/',
			'dev-dist/',
			'src/lib/adapters/supabase/database.types.ts'
		]
	}
);
