// npm run bench:decode -- [--min K] [--budget MS] [--at-least-zxing] <folder> [<folder> …]
// Runs the app's own photo scanner (html5-qrcode with the BarcodeDetector wiring the app uses, then
// the ZXing-C++ cascade when that finds nothing) in Debian's Chromium over photos of codes. Each
// N.png/N.jpg/N.gif with an N.txt is one case; a case counts as decoded when the text matches N.txt
// exactly (or N.bin, byte for byte, as ZXing's photo sets give binary payloads). Prints the median time of the photos the first pass read, each photo that went to the
// cascade with its time, and last: decoded K/M. Times are printed, never judged: on shared cores
// they are noisy; --budget MS (default 1000) only marks the photos that took longer.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, extname, basename } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../support/browser.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--');
const minIndex = args.indexOf('--min');
// --min K: exit non-zero when fewer than K photos decode (CI holds the goal this way).
const minimum = minIndex >= 0 ? Number(args.splice(minIndex, 2)[1]) : 0;
const budgetIndex = args.indexOf('--budget');
const budget = budgetIndex >= 0 ? Number(args.splice(budgetIndex, 2)[1]) : 1000;
// --at-least-zxing: exit non-zero when, in some folder, the app reads fewer photos than ZXing-C++ alone.
const zxingIndex = args.indexOf('--at-least-zxing');
const atLeastZxing = zxingIndex >= 0 && args.splice(zxingIndex, 1).length === 1;
const folders = args;
if (!folders.length || Number.isNaN(minimum) || Number.isNaN(budget)) {
	console.error('usage: npm run bench:decode -- [--min K] [--budget MS] [--at-least-zxing] <folder> [<folder> …]');
	process.exit(2);
}

const cases = [];
for (const folder of folders) {
	for (const file of readdirSync(folder).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
		if (!['.png', '.jpg', '.jpeg', '.gif'].includes(extname(file).toLowerCase())) continue;
		// N.txt holds the text; N.bin the bytes, as ZXing's own photo sets keep binary payloads
		// (read as Latin-1, one character per byte, which is how ZXing returns a binary code's text).
		const stem = join(folder, basename(file, extname(file)));
		const truth = ['.txt', '.bin'].map((ext) => stem + ext).find((path) => existsSync(path));
		if (!truth) continue;
		const expected = truth.endsWith('.bin') ? readFileSync(truth).toString('latin1') : readFileSync(truth, 'utf8');
		cases.push({ image: resolve(folder, file), folder: basename(resolve(folder)), expected });
	}
}

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}

const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const { port } = server.httpServer.address();
const browser = await launchChromium();
try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	const detector = await page.evaluate(async () => {
		const host = document.createElement('div');
		host.id = 'bench-photo';
		host.style.width = '600px';
		document.body.append(host);
		const scanner = await import('/src/lib/adapters/scanner/index.ts');
		const kind = await scanner.prepareBarcodeDetector();
		window.__photoScanner = await scanner.PhotoScanner.create('bench-photo');
		// The reference: ZXing-C++ alone (zxing-wasm's readBarcodes on the file, its own defaults:
		// try harder, rotated, inverted, downscaled), the library the app's decoders are built on.
		const zxing = await import('/node_modules/zxing-wasm/dist/es/reader/index.js');
		zxing.setZXingModuleOverrides({ locateFile: () => '/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm' });
		window.__zxingAlone = (blob) => zxing.readBarcodes(blob, { maxNumberOfSymbols: 1 });
		return kind;
	});
	console.log(`scanner: html5-qrcode with BarcodeDetector (${detector}), ${cases.length} photos`);
	let decoded = 0;
	/** @type {Map<string, { app: number, alone: number, total: number }>} */
	const perFolder = new Map();
	const times = [];
	const firstPass = [];
	const cascade = [];
	for (const c of cases) {
		const bytes = readFileSync(c.image).toString('base64');
		const type = extname(c.image) === '.png' ? 'image/png' : extname(c.image) === '.gif' ? 'image/gif' : 'image/jpeg';
		const { text, ms, decoder } = await page.evaluate(
			async ({ bytes, type }) => {
				const blob = new Blob([Uint8Array.from(atob(bytes), (ch) => ch.charCodeAt(0))], { type });
				const start = performance.now();
				const result = await window.__photoScanner.decode(blob);
				return { text: result?.text ?? null, decoder: result?.decoder ?? '-', ms: performance.now() - start };
			},
			{ bytes, type }
		);
		const ok = text === c.expected;
		if (ok) decoded++;
		const alone = await page.evaluate(
			async ({ bytes, type }) => {
				const blob = new Blob([Uint8Array.from(atob(bytes), (ch) => ch.charCodeAt(0))], { type });
				const [found] = await window.__zxingAlone(blob);
				return found?.text ?? null;
			},
			{ bytes, type }
		);
		const tally = perFolder.get(c.folder) ?? { app: 0, alone: 0, total: 0 };
		tally.total++;
		if (ok) tally.app++;
		if (alone === c.expected) tally.alone++;
		perFolder.set(c.folder, tally);
		times.push(ms);
		const line = `${ok ? 'ok  ' : 'MISS'} ${c.image.split('/').slice(-2).join('/')} ${ms.toFixed(0)} ms ${decoder}${ms > budget ? ` (over ${budget} ms)` : ''}${
			text !== null && !ok ? `, read ${JSON.stringify(text.slice(0, 100))}` : ''
		}`;
		console.log(line);
		// The cascade runs when the first pass read nothing: it read the photo, or nobody did.
		if (text !== null && !decoder.startsWith('ZXing cascade')) firstPass.push(ms);
		else cascade.push(line);
	}
	console.log(`first pass: ${firstPass.length} photos, median ${median(firstPass).toFixed(0)} ms`);
	console.log(`cascade: ${cascade.length} photos${cascade.length ? '\n  ' + cascade.join('\n  ') : ''}`);
	const slow = times.filter((ms) => ms > budget).length;
	console.log(`over ${budget} ms: ${slow} photos`);
	for (const [folder, { app, alone, total }] of perFolder) {
		console.log(`${folder}: the app ${app}/${total}, ZXing-C++ alone ${alone}/${total}`);
		if (atLeastZxing && app < alone) process.exitCode = 1;
	}
	console.log(`decoded ${decoded}/${cases.length}, median ${median(times).toFixed(0)} ms per image`);
	if (decoded < minimum) process.exitCode = 1;
	if (process.exitCode) console.log('below the goal');
} finally {
	await browser.close();
	await server.close();
}
