import { defaultReadOptions, readLuminance, zxingModule, type Luminance, type ReadOptions } from './zxing-direct';

export interface CascadeResult {
	text: string;
	/** The format as the Barcode Detection API names it (`qr_code`, `aztec`, …). */
	format: string;
	/** Which step read it, for benchmarks and debugging. */
	step: string;
}

// The Barcode Detection API's format names and ZXing-C++'s.
const ZXING_NAMES: Record<string, string> = {
	aztec: 'Aztec',
	codabar: 'Codabar',
	code_128: 'Code128',
	code_39: 'Code39',
	code_93: 'Code93',
	data_matrix: 'DataMatrix',
	databar: 'DataBar',
	databar_expanded: 'DataBarExp',
	databar_limited: 'DataBarLtd',
	dx_film_edge: 'DXFilmEdge',
	ean_13: 'EAN13',
	ean_8: 'EAN8',
	itf: 'ITF',
	maxi_code: 'MaxiCode',
	micro_qr_code: 'MicroQRCode',
	pdf417: 'PDF417',
	qr_code: 'QRCode',
	rm_qr_code: 'RMQRCode',
	upc_a: 'UPCA',
	upc_e: 'UPCE'
};

/**
 * The formats the installed `BarcodeDetector` reads, in ZXing's names: the same symbologies as the
 * first pass. Empty (every format ZXing knows) when there is no detector to ask.
 */
async function detectorFormats(): Promise<string> {
	const detector = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
	const names = (await detector?.getSupportedFormats().catch(() => [])) ?? [];
	return [...new Set(names.map((name) => ZXING_NAMES[name]).filter(Boolean))].join(',');
}

function detectorName(zxingFormat: string): string {
	return Object.entries(ZXING_NAMES).find(([, name]) => name === zxingFormat)?.[0] ?? zxingFormat;
}

/**
 * The picture scaled so its longer side is `side` at most, grey, on white with a white margin (a
 * tightly cropped 2D code gets its quiet zone back) or, with `bare`, as it is: a white band around
 * a photo also joins a 1D barcode's short quiet zone to the light badge card around it.
 */
function grey(image: ImageBitmap, side: number, bare = false): Luminance {
	const scale = side / Math.max(image.width, image.height);
	const width = Math.max(1, Math.round(image.width * scale));
	const height = Math.max(1, Math.round(image.height * scale));
	const margin = bare ? 0 : Math.round(Math.max(width, height) * 0.08) + 8;
	const canvas = new OffscreenCanvas(width + 2 * margin, height + 2 * margin);
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) throw new Error('This browser cannot draw images.');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.imageSmoothingQuality = 'high';
	context.drawImage(image, margin, margin, width, height);
	const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
	const data = new Uint8Array(canvas.width * canvas.height);
	// The weights the BarcodeDetector polyfill uses.
	for (let i = 0, j = 0; i < data.length; i++, j += 4) {
		data[i] = (306 * rgba[j]! + 601 * rgba[j + 1]! + 117 * rgba[j + 2]! + 512) >> 10;
	}
	return { data, width: canvas.width, height: canvas.height };
}

/** A box blur of the given radius, across then down: smooths print halftone, texture and noise. */
function blurred(picture: Luminance, radius: number): Luminance {
	const { width, height } = picture;
	const across = new Uint8Array(width * height);
	const out = new Uint8Array(width * height);
	const span = 2 * radius + 1;
	for (let y = 0; y < height; y++) {
		const row = y * width;
		let sum = 0;
		for (let x = -radius; x <= radius; x++) sum += picture.data[row + Math.min(width - 1, Math.max(0, x))]!;
		for (let x = 0; x < width; x++) {
			across[row + x] = (sum / span) | 0;
			sum += picture.data[row + Math.min(width - 1, x + radius + 1)]! - picture.data[row + Math.max(0, x - radius)]!;
		}
	}
	for (let x = 0; x < width; x++) {
		let sum = 0;
		for (let y = -radius; y <= radius; y++) sum += across[Math.min(height - 1, Math.max(0, y)) * width + x]!;
		for (let y = 0; y < height; y++) {
			out[y * width + x] = (sum / span) | 0;
			sum += across[Math.min(height - 1, y + radius + 1) * width + x]! - across[Math.max(0, y - radius) * width + x]!;
		}
	}
	return { data: out, width, height };
}

/** Sharpened by unsharp masking: the picture plus `amount` times its difference from a blur. */
function sharpened(picture: Luminance, radius: number, amount: number): Luminance {
	const soft = blurred(picture, radius);
	const data = new Uint8Array(picture.data.length);
	for (let i = 0; i < data.length; i++) {
		const value = picture.data[i]!;
		data[i] = Math.min(255, Math.max(0, value + amount * (value - soft.data[i]!)));
	}
	return { data, width: picture.width, height: picture.height };
}

/** Contrast stretched so the 1st and 99th percentiles of brightness become black and white. */
function stretched(picture: Luminance): Luminance {
	const histogram = new Uint32Array(256);
	for (const value of picture.data) histogram[value]! += 1;
	const cut = picture.data.length / 100;
	let low = 0;
	for (let seen = 0; low < 255 && (seen += histogram[low]!) < cut;) low++;
	let high = 255;
	for (let seen = 0; high > 0 && (seen += histogram[high]!) < cut;) high--;
	if (high - low < 8) return picture;
	const data = new Uint8Array(picture.data.length);
	for (let i = 0; i < data.length; i++)
		data[i] = Math.min(255, Math.max(0, ((picture.data[i]! - low) * 255) / (high - low)));
	return { data, width: picture.width, height: picture.height };
}

interface Step {
	name: string;
	picture: () => Luminance;
	/** Its pixels against the base picture's (1 unless said). */
	cost?: number;
	options: Partial<ReadOptions>;
}

/**
 * Reads a photo the first pass found nothing in, trying what that pass does not (ZXing-C++
 * directly, every step with rotation and inverted codes): its other binarizers, its denoiser, the
 * picture blurred (halftone, texture, sensor noise), contrast stretched (dim or washed out),
 * sharpened (out of focus), at other sizes and at full resolution. Stops at the first code read, or
 * before a step that would not end by `deadline` (a `performance.now()` time) — each step takes
 * some tens of milliseconds.
 */
export async function decodeHard(image: ImageBitmap, deadline: number): Promise<CascadeResult | null> {
	const [zxing, formats] = await Promise.all([zxingModule(), detectorFormats()]);
	const longest = Math.max(image.width, image.height);
	const pictures = new Map<string, Luminance>();
	const memo = (key: string, make: () => Luminance) => () => {
		let picture = pictures.get(key);
		if (!picture) pictures.set(key, (picture = make()));
		return picture;
	};
	const side = Math.min(longest, 1600);
	const base = memo('base', () => grey(image, side));
	// A blur of about a pixel per 800 pixels of picture: sizes the smoothing to the picture.
	const soft = memo('soft', () => blurred(base(), Math.max(1, Math.round(side / 800))));
	const contrast = memo('contrast', () => stretched(base()));
	const sharp = memo('sharp', () => sharpened(base(), Math.max(2, Math.round(side / 300)), 2));
	// Small pictures (a code cut out of a screenshot) read better enlarged; big ones halved.
	const otherSide = longest < 800 ? Math.min(1600, longest * 2) : side / 2;
	const other = memo('other', () => grey(image, otherSide));
	const sharper = memo('sharper', () => sharpened(other(), Math.max(3, Math.round(side / 200)), 3));
	const full = memo('full', () => grey(image, longest));
	const asItIs = memo('as it is', () => grey(image, longest, true));
	// What a step on those costs, against one on the base picture: about their pixels.
	const otherCost = (otherSide / side) ** 2;
	const fullCost = (longest / side) ** 2;
	const steps: Step[] = [
		// Without the margin, at its own size, first: ZXing's own read of the photo, which 1D barcodes
		// framed edge to edge need (one read, tens of milliseconds at a phone photo's size).
		{ name: 'as it is', picture: asItIs, cost: fullCost, options: {} },
		{ name: 'global histogram, denoise', picture: base, options: { binarizer: 'GlobalHistogram', tryDenoise: true } },
		{ name: 'contrast stretched', picture: contrast, options: { tryDenoise: true } },
		{ name: 'sharpened', picture: sharp, options: { tryDenoise: true } },
		{ name: 'blurred', picture: soft, options: {} },
		...(longest > side
			? [{ name: 'full size', picture: full, cost: fullCost, options: { tryDenoise: true, tryDownscale: false } }]
			: []),
		{ name: 'local average, denoise', picture: base, options: { tryDenoise: true } },
		{ name: 'contrast stretched, global histogram', picture: contrast, options: { binarizer: 'GlobalHistogram' } },
		{ name: 'sharpened, global histogram', picture: sharp, options: { binarizer: 'GlobalHistogram' } },
		{ name: 'blurred, global histogram', picture: soft, options: { binarizer: 'GlobalHistogram' } },
		{ name: 'sharper, other size', picture: sharper, cost: otherCost, options: { tryDenoise: true } },
		{ name: 'other size', picture: other, cost: otherCost, options: { tryDenoise: true } },
		{
			name: 'other size, global histogram',
			picture: other,
			cost: otherCost,
			options: { binarizer: 'GlobalHistogram', tryDenoise: true }
		},
		{ name: 'fixed threshold', picture: contrast, options: { binarizer: 'FixedThreshold' } }
	];
	// A step is started only when it would end before the deadline, judged by the slowest step so
	// far (per base-picture's worth of pixels).
	let slowest = 0;
	for (const step of steps) {
		const start = performance.now();
		const cost = step.cost ?? 1;
		if (start + slowest * cost > deadline) continue;
		const [found] = readLuminance(zxing, step.picture(), { ...defaultReadOptions, formats, ...step.options });
		if (found) return { text: found.text, format: detectorName(found.format), step: step.name };
		slowest = Math.max(slowest, (performance.now() - start) / cost);
		// Lets the page paint between steps.
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	return null;
}
