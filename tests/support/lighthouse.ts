// TEST TOOL: Lighthouse's mobile preset (its default: a mid-range phone, simulated slow 4G and a
// 4x slower CPU) on Debian's Chromium, through the pinned `lighthouse` CLI (12.2.3: 13 wants Node 22,
// and `npm ci` has refused locks made with 12.3–13.4 on these machines — shared/TESTING.md).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { baseFlags, chromiumPath } from './browser.mjs';

export interface LighthouseFigures {
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
}

interface Report {
	categories: Record<string, { score: number | null }>;
	audits: Record<string, { numericValue?: number }>;
	runtimeError?: { message: string };
}

/** Runs Lighthouse once on `url` and returns the scores (0–100) and the main metrics. */
export async function lighthouse(url: string): Promise<LighthouseFigures> {
	const { stdout } = await promisify(execFile)(
		'node_modules/.bin/lighthouse',
		[
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			'--only-categories=performance,accessibility,best-practices',
			`--chrome-flags=${baseFlags.join(' ')}`
		],
		{ env: { ...process.env, CHROME_PATH: chromiumPath }, maxBuffer: 64 * 1024 * 1024 }
	);
	const report = JSON.parse(stdout) as Report;
	if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
	const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
	const metric = (id: string) => report.audits[id]?.numericValue ?? NaN;
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		lcpMs: metric('largest-contentful-paint'),
		tbtMs: metric('total-blocking-time'),
		cls: metric('cumulative-layout-shift')
	};
}
