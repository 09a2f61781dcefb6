import type { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
import { isSymbology, type Symbology } from '$lib/domain/contact/symbology';
import { createHtml5Qrcode, symbologyOf } from './scanner-config';

export interface PhotoResult {
	text: string;
	decoder: string;
	symbology?: Symbology;
}

async function loadImage(file: Blob): Promise<ImageBitmap> {
	return createImageBitmap(file);
}

/**
 * The photo scaled so its longer side is at most `maxSide`, on white with a white margin.
 * html5-qrcode draws a picture with a transparent border that the ZXing polyfill reads as black,
 * which eats the quiet zone of tightly cropped codes; a white margin gives it back.
 */
async function onWhite(image: ImageBitmap, maxSide: number): Promise<File> {
	const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
	const width = Math.round(image.width * scale);
	const height = Math.round(image.height * scale);
	const margin = Math.round(Math.max(width, height) * 0.08) + 8;
	const canvas = document.createElement('canvas');
	canvas.width = width + 2 * margin;
	canvas.height = height + 2 * margin;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot draw images.');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, margin, margin, width, height);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('This browser cannot encode images.');
	return new File([blob], 'scan.png', { type: 'image/png' });
}

// A photo is read within about this long (the cascade stops starting steps after it).
const PHOTO_BUDGET_MS = 900;

/**
 * Decodes codes in photos with html5-qrcode, trying a few sizes of the picture; when that finds
 * nothing, a cascade of ZXing-C++ reads (photo-cascade.ts, loaded only then) tries harder.
 */
export class PhotoScanner {
	private constructor(private readonly scanner: Html5Qrcode) {}

	static async create(elementId: string): Promise<PhotoScanner> {
		return new PhotoScanner(await createHtml5Qrcode(elementId));
	}

	/**
	 * The text of the first QR code found, or null when none could be read. Between its steps it
	 * stops (an AbortError) once `signal` aborts: the person left the scan screen.
	 */
	async decode(file: Blob, signal?: AbortSignal): Promise<PhotoResult | null> {
		const started = performance.now();
		const image = await loadImage(file);
		try {
			signal?.throwIfAborted();
			const longest = Math.max(image.width, image.height);
			// Large phone photos are read faster (and as well) scaled down; a second, smaller size
			// helps codes photographed from very close.
			const sizes = [...new Set([Math.min(longest, 1600), Math.min(longest, 800)])];
			for (const size of sizes) {
				signal?.throwIfAborted();
				try {
					const result = await this.scanner.scanFileV2(await onWhite(image, size), false);
					return {
						text: result.decodedText,
						decoder: result.result.debugData?.decoderName ?? 'unknown',
						symbology: symbologyOf(result.decodedText, result.result.format?.formatName)
					};
				} catch {
					// Not found at this size; try the next one.
				}
			}
			signal?.throwIfAborted();
			const { decodeHard } = await import('./photo-cascade');
			const found = await decodeHard(image, started + PHOTO_BUDGET_MS);
			if (!found) return null;
			const symbology = isSymbology(found.format) ? found.format : undefined;
			return { text: found.text, decoder: `ZXing cascade: ${found.step}`, symbology };
		} finally {
			image.close();
			this.scanner.clear();
		}
	}
}
