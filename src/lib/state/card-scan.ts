import type { OcrProgress } from '$lib/adapters/ocr';
import type { ParsedPayload } from '$lib/domain/contact/types';
import { defaultRegion } from './device';

export type { OcrProgress };

type OcrModule = typeof import('$lib/adapters/ocr');
/** What reading a card needs, loaded with the first card (a fake in the unit tests). */
export type CardOcr = Pick<OcrModule, 'CardReader' | 'PictureError' | 'drawScaled' | 'preparePicture' | 'readCard'> &
	Pick<typeof import('$lib/domain/contact/card-text'), 'cardPayload'>;

// The OCR engine (tesseract.js and its 5.7 MB of files) loads with the first card, not with the
// scan screen.
async function loadOcr(): Promise<CardOcr> {
	const [ocr, { cardPayload }] = await Promise.all([
		import('$lib/adapters/ocr'),
		import('$lib/domain/contact/card-text')
	]);
	return { ...ocr, cardPayload };
}

export type CardScanResult = { payload: ParsedPayload } | { problem: string } | { cancelled: true };

const NOTHING_FOUND =
	'No name or contact details were found in this photo. Take it again closer, flat and in good light, or type the details in.';
/** The OCR engine's code could not be loaded (offline before it was ever used, a dropped connection). */
export const READER_MISSING = 'The card reader could not be loaded. Check the connection and try again.';
const CANNOT_READ = 'The card could not be read on this device. Try again, or type the details in.';

/**
 * Reads photos (or camera frames) of business cards and badges on the device. One OCR worker is
 * kept for the next card until `close`. Each reading belongs to one intent (its signal): once that
 * is abandoned, the reading answers `{ cancelled: true }` at once, wherever it was (decoding the
 * photo, loading the engine, reading, reading a line again), and nothing is read after.
 */
export class CardScanner {
	#reader: InstanceType<OcrModule['CardReader']> | null = null;

	constructor(private readonly load: () => Promise<CardOcr> = loadOcr) {}

	/** Reads `photo`, reporting progress as it goes, until `signal` aborts. */
	read(
		photo: Blob | HTMLCanvasElement,
		options: { signal: AbortSignal; onProgress?: (progress: OcrProgress) => void }
	): Promise<CardScanResult> {
		const { signal } = options;
		if (signal.aborted) return Promise.resolve({ cancelled: true });
		let onAbort = () => {};
		const cancelled = new Promise<CardScanResult>((resolve) => {
			onAbort = () => resolve({ cancelled: true });
			signal.addEventListener('abort', onAbort, { once: true });
		});
		const onProgress = (progress: OcrProgress) => {
			if (!signal.aborted) options.onProgress?.(progress);
		};
		return Promise.race([this.#read(photo, signal, onProgress), cancelled]).finally(() =>
			signal.removeEventListener('abort', onAbort)
		);
	}

	async #read(
		photo: Blob | HTMLCanvasElement,
		signal: AbortSignal,
		onProgress: (progress: OcrProgress) => void
	): Promise<CardScanResult> {
		let ocr: CardOcr | null = null;
		try {
			ocr = await this.load();
			signal.throwIfAborted();
			const { CardReader, preparePicture, drawScaled, readCard, cardPayload } = ocr;
			const picture =
				photo instanceof Blob ? await preparePicture(photo, signal) : drawScaled(photo, photo.width, photo.height);
			signal.throwIfAborted();
			this.#reader ??= new CardReader();
			const reading = await readCard(this.#reader, picture, { defaultCountry: defaultRegion(), onProgress, signal });
			signal.throwIfAborted();
			const payload = cardPayload(reading);
			return payload ? { payload } : { problem: NOTHING_FOUND };
		} catch (error) {
			if (signal.aborted) return { cancelled: true };
			if (!ocr) return { problem: READER_MISSING };
			if (ocr && error instanceof ocr.PictureError) return { problem: error.message };
			return { problem: CANNOT_READ };
		}
	}

	/** Ends the OCR worker and frees its memory. */
	async close(): Promise<void> {
		const reader = this.#reader;
		this.#reader = null;
		await reader?.terminate();
	}
}

/**
 * What the camera shows, once it shows something: the first frames can take a moment after the
 * camera reports it started (a slow phone, a busy page). Asks `frame` every 100 ms for up to
 * `waitMs`, and stops asking (null) once `signal` aborts.
 */
export async function cameraPicture(
	frame: () => HTMLCanvasElement | null,
	waitMs = 3000,
	signal?: AbortSignal
): Promise<HTMLCanvasElement | null> {
	const until = Date.now() + waitMs;
	let picture = frame();
	while (!picture && Date.now() < until && !signal?.aborted) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		picture = frame();
	}
	return signal?.aborted ? null : picture;
}

/**
 * Reads one badge ("Read the name" on the capture form): with an OCR worker of its own, not the
 * scan screen's, ended as soon as the badge is read or the reading abandoned.
 */
export async function readOneCard(
	photo: Blob | HTMLCanvasElement,
	options: { signal: AbortSignal; onProgress?: (progress: OcrProgress) => void },
	load: () => Promise<CardOcr> = loadOcr
): Promise<CardScanResult> {
	const scanner = new CardScanner(load);
	try {
		return await scanner.read(photo, options);
	} finally {
		await scanner.close();
	}
}
