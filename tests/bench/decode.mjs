// npm run bench:decode -- [--min K] <folder> [<folder> …]
// Runs the app's own scanner module (html5-qrcode with the BarcodeDetector wiring the app uses) in
// Debian's Chromium over photos of QR codes. Each N.png/N.jpg/N.gif with an N.txt is one case; a
// case counts as decoded when the text matches N.txt exactly. Last line: decoded K/M and median ms.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, extname, basename } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../support/browser.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--');
const minIndex = args.indexOf('--min');
// --min K: exit non-zero when fewer than K photos decode (CI holds the goal this way).
const minimum = minIndex >= 0 ? Number(args.splice(minIndex, 2)[1]) : 0;
const folders = args;
if (!folders.length || Number.isNaN(minimum)) {
	console.error('usage: npm run bench:decode -- [--min K] <folder> [<folder> …]');
	process.exit(2);
}

const cases = [];
for (const folder of folders) {
	for (const file of readdirSync(folder).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
		if (!['.png', '.jpg', '.jpeg', '.gif'].includes(extname(file).toLowerCase())) continue;
		const expected = join(folder, basename(file, extname(file)) + '.txt');
		if (!existsSync(expected)) continue;
		cases.push({ image: resolve(folder, file), expected: readFileSync(expected, 'utf8') });
	}
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
		return kind;
	});
	console.log(`scanner: html5-qrcode with BarcodeDetector (${detector}), ${cases.length} photos`);
	let decoded = 0;
	const times = [];
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
		times.push(ms);
		console.log(`${ok ? 'ok  ' : 'MISS'} ${c.image.split('/').slice(-2).join('/')} ${ms.toFixed(0)} ms ${decoder}`);
	}
	times.sort((a, b) => a - b);
	const median = times.length ? times[Math.floor(times.length / 2)] : 0;
	console.log(`decoded ${decoded}/${cases.length}, median ${median.toFixed(0)} ms per image`);
	if (decoded < minimum) process.exitCode = 1;
} finally {
	await browser.close();
	await server.close();
}
