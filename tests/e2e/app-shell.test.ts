import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeFixture } from '../support/fixtures';
import { qrTextToY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

/** Built chunks that contain the scanner (html5-qrcode or the ZXing polyfill). */
function scannerChunks(): string[] {
	const dir = 'build/_app/immutable/chunks';
	return readdirSync(dir).filter((file) => {
		const code = readFileSync(join(dir, file), 'utf8');
		return code.includes('QR code parse error') || code.includes('zxing_reader');
	});
}

describe('app shell', () => {
	it('loads the scanner and its WebAssembly only when the scan view opens', async () => {
		const chunks = scannerChunks();
		expect(chunks.length).toBeGreaterThan(0);
		session = await openSession(await qrTextToY4m(badgeFixture('opaque-id').payload, scratchDir()));
		const { page } = session;
		const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

		await setUpCard(page, { name: 'Ada Lovelace' });
		await page.goto('/');
		await page.getByRole('heading', { name: 'Which event are you at?' }).waitFor();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.getByRole('heading', { name: 'People' }).waitFor();
		const beforeScan = await loaded();
		expect(beforeScan.filter((url) => chunks.some((c) => url.endsWith(c)) || url.endsWith('.wasm'))).toEqual([]);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.waitForURL(/\/capture\//, { timeout: 20_000 });
		const afterScan = await loaded();
		expect(afterScan.some((url) => /\/_app\/immutable\/assets\/zxing_reader\.[\w-]+\.wasm$/.test(url))).toBe(true);
		expect(afterScan.some((url) => chunks.some((c) => url.endsWith(c)))).toBe(true);
		expect(session.problems).toEqual([]);
	});
});
