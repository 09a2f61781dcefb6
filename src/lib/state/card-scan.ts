import type { OcrProgress } from '$lib/adapters/ocr';
import type { ParsedPayload } from '$lib/domain/contact/types';
import { defaultRegion } from './device';

export type { OcrProgress };

// The OCR engine (tesseract.js and its 5.7 MB of files) loads with the first card, not with the
// scan screen; one reader is kept for the next card until the screen closes.
const ocr = () => import('$lib/adapters/ocr');
let reader: import('$lib/adapters/ocr').CardReader | null = null;

export type CardScanResult = { payload: ParsedPayload } | { problem: string } | { cancelled: true };

/** Reads a photo (or a camera frame) of a business card or badge on the device, reporting progress as it goes. */
export async function readCardPhoto(
	photo: Blob | HTMLCanvasElement,
	onProgress: (progress: OcrProgress) => void
): Promise<CardScanResult> {
	try {
		const [{ CardReader, preparePicture, drawScaled, readCard }, { cardPayload }] = await Promise.all([
			ocr(),
			import('$lib/domain/contact/card-text')
		]);
		reader ??= new CardReader();
		const picture = photo instanceof Blob ? await preparePicture(photo) : drawScaled(photo, photo.width, photo.height);
		const reading = await readCard(reader, picture, { defaultCountry: defaultRegion(), onProgress });
		const payload = cardPayload(reading);
		if (payload) return { payload };
		return {
			problem:
				'No name or contact details were found in this photo. Take it again closer, flat and in good light, or type the details in.'
		};
	} catch (error) {
		const { OcrCancelled, PictureError } = await ocr();
		if (error instanceof OcrCancelled) return { cancelled: true };
		if (error instanceof PictureError) return { problem: error.message };
		return { problem: 'The card could not be read on this device. Try again, or type the details in.' };
	}
}

/**
 * What the camera shows, once it shows something: the first frames can take a moment after the
 * camera reports it started (a slow phone, a busy page). Asks `frame` every 100 ms for up to `waitMs`.
 */
export async function cameraPicture(
	frame: () => HTMLCanvasElement | null,
	waitMs = 3000
): Promise<HTMLCanvasElement | null> {
	const until = Date.now() + waitMs;
	let picture = frame();
	while (!picture && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		picture = frame();
	}
	return picture;
}

/** Stops the card being read now: `readCardPhoto` answers `{ cancelled: true }`. */
export async function cancelCardScan(): Promise<void> {
	await reader?.cancel();
}

/** Ends the OCR worker (the scan screen closes) and frees its memory. */
export async function closeCardScanner(): Promise<void> {
	const current = reader;
	reader = null;
	await current?.terminate();
}
