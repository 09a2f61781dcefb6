import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.E2E_PORT ?? 4173);

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Serves the production build (`vite build` runs before this, see package.json) with
 * `vite preview`, the way the app is served to phones: service worker, precache and all.
 */
export default async function setup(project: TestProject) {
	if (!existsSync('build/index.html')) throw new Error('No build found: run `vite build` before the e2e tests.');
	const child = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
		stdio: ['ignore', 'pipe', 'inherit'],
		detached: true
	});
	const baseUrl = `http://127.0.0.1:${PORT}`;
	await waitForServer(baseUrl, child);
	project.provide('baseUrl', baseUrl);
	return () => {
		if (child.pid) process.kill(-child.pid, 'SIGTERM');
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
