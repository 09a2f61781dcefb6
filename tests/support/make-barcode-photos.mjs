// node tests/support/make-barcode-photos.mjs [out-folder] — writes the 1D barcode photo set of the
// decode bench (tests/support/fixtures/barcode-photos): Code 128 and Code 39 badge numbers as a
// phone camera at 640×480 sees them on a lanyard — tilted, a little in perspective, lit unevenly,
// out of focus, noisy, JPEG-compressed — and framed as people frame them: some with the barcode
// filling the picture almost to its edges, the light card around it narrower than a 1D code's quiet
// zone should be. Each N.jpg has its text in N.txt. Made once with a fixed seed; committed.
// The degradations are a camera's, chosen without looking at the decoder's code or its results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import { launchChromium } from './browser.mjs';

// One folder per symbology, so the bench reports each.
const out = process.argv[2] ?? 'tests/support/fixtures/barcode-photos';

// A small, fixed pseudo-random sequence (mulberry32): the same set on every run.
let seed = 20261207;
function random() {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (low, high) => low + random() * (high - low);

const ids = [
	['code128', 'SB7730041921'],
	['code128', 'EVT-2026-00841'],
	['code128', 'A81F2C9E'],
	['code128', '204419283310058'],
	['code128', 'DVX2026-4411'],
	['code128', 'REG/55012/B'],
	['code128', 'TK-99812-LIS'],
	['code128', '0042198877'],
	['code39', 'SB7730041921'],
	['code39', 'EVT-2026-841'],
	['code39', 'BADGE 10042'],
	['code39', 'A81F2C9E'],
	['code39', 'PX-77120'],
	['code39', '55012B']
];

const browser = await launchChromium();
try {
	const page = await browser.newPage();
	const counts = new Map();
	for (const [bcid, text] of ids) {
		const folder = join(out, bcid);
		mkdirSync(folder, { recursive: true });
		for (let variant = 0; variant < 2; variant++) {
			const n = (counts.get(bcid) ?? 0) + 1;
			counts.set(bcid, n);
			const png = await bwipjs.toBuffer({ bcid, text, scale: 3, height: 12, includetext: true, textxalign: 'center' });
			const look = {
				// How much of the picture's width the barcode takes: from comfortably framed to edge to edge.
				fill: variant === 0 ? between(0.55, 0.8) : between(0.86, 0.98),
				angle: between(-7, 7),
				skew: between(-0.06, 0.06),
				blur: between(0.3, 1.4),
				noise: between(4, 14),
				light: between(0.55, 0.95),
				quality: between(0.6, 0.85),
				offsetY: between(-40, 40)
			};
			const jpeg = await page.evaluate(
				async ({ png, look }) => {
					const image = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))]));
					const canvas = document.createElement('canvas');
					canvas.width = 640;
					canvas.height = 480;
					const ctx = canvas.getContext('2d');
					// A badge on a grey-brown jacket, lit from one side.
					const light = ctx.createLinearGradient(0, 0, 640, 480);
					light.addColorStop(
						0,
						`rgb(${Math.round(200 * look.light)},${Math.round(190 * look.light)},${Math.round(175 * look.light)})`
					);
					light.addColorStop(1, 'rgb(70,64,58)');
					ctx.fillStyle = light;
					ctx.fillRect(0, 0, 640, 480);
					const width = 640 * look.fill;
					const height = (image.height / image.width) * width;
					ctx.save();
					ctx.translate(320, 240 + look.offsetY);
					ctx.rotate((look.angle * Math.PI) / 180);
					ctx.transform(1, look.skew, -look.skew / 2, 1, 0, 0);
					// The badge card the code is printed on, a little larger than the code.
					ctx.fillStyle = 'rgb(246,244,238)';
					ctx.fillRect(-width / 2 - 14, -height / 2 - 14, width + 28, height + 28);
					ctx.filter = `blur(${look.blur}px)`;
					ctx.drawImage(image, -width / 2, -height / 2, width, height);
					ctx.restore();
					// Shade over the whole picture (uneven light), then sensor noise.
					const shade = ctx.createRadialGradient(120, 80, 40, 320, 240, 520);
					shade.addColorStop(0, 'rgba(255,255,240,0.12)');
					shade.addColorStop(1, 'rgba(0,0,20,0.28)');
					ctx.fillStyle = shade;
					ctx.fillRect(0, 0, 640, 480);
					const pixels = ctx.getImageData(0, 0, 640, 480);
					let s = 1;
					for (let i = 0; i < pixels.data.length; i += 4) {
						s = (s * 16807) % 2147483647;
						const d = ((s / 2147483647) * 2 - 1) * look.noise;
						pixels.data[i] += d;
						pixels.data[i + 1] += d;
						pixels.data[i + 2] += d;
					}
					ctx.putImageData(pixels, 0, 0);
					const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', look.quality));
					const bytes = new Uint8Array(await blob.arrayBuffer());
					let binary = '';
					for (const b of bytes) binary += String.fromCharCode(b);
					return btoa(binary);
				},
				{ png: png.toString('base64'), look }
			);
			writeFileSync(join(folder, `${n}.jpg`), Buffer.from(jpeg, 'base64'));
			writeFileSync(join(folder, `${n}.txt`), text);
		}
	}
	console.log(`wrote ${[...counts].map(([bcid, n]) => `${n} ${bcid}`).join(', ')} photos to ${out}`);
} finally {
	await browser.close();
}
