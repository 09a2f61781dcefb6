// "Scan a card" → Cancel: whatever the reading is doing when the person cancels (loading the OCR
// code, decoding the photo, reading), it answers "cancelled" at once and nothing is read after; a
// reading that finishes after Cancel is thrown away. Each step is a promise the test settles by hand.
import { describe, expect, it } from 'vitest';
import { cardPayload, type CardReading } from '$lib/domain/contact/card-text';
import { CardScanner, READER_MISSING, readOneCard, type CardOcr } from '$lib/state/card-scan';

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

const canvas = { width: 800, height: 500 } as HTMLCanvasElement;
const photo = new Blob(['jpeg'], { type: 'image/jpeg' });
const reading: CardReading = {
	fields: {
		name: 'Ada Lovelace',
		org: 'Analytical Engines',
		title: '',
		email: 'ada@engines.example',
		phone: '',
		url: '',
		linkedin: '',
		badgeId: ''
	},
	unsure: ['name'],
	text: 'Ada Lovelace\nada@engines.example'
};

/** OCR whose steps wait for the test: `steps.prepare` and `steps.read` are settled by hand. */
function fakeOcr() {
	const calls = { prepare: 0, read: 0, terminated: 0 };
	const steps = { prepare: deferred<HTMLCanvasElement>(), read: deferred<CardReading>() };
	class PictureError extends Error {}
	const ocr = {
		CardReader: class {
			async terminate() {
				calls.terminated++;
			}
		},
		PictureError,
		drawScaled: () => canvas,
		preparePicture: () => (calls.prepare++, steps.prepare.promise),
		readCard: (
			_reader: unknown,
			_picture: unknown,
			options: { onProgress?: (p: { stage: string; progress: number }) => void }
		) => {
			calls.read++;
			options.onProgress?.({ stage: 'Reading the text…', progress: 0.5 });
			return steps.read.promise;
		},
		cardPayload
	} as unknown as CardOcr;
	return { ocr, calls, steps };
}

async function settled() {
	for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('CardScanner', () => {
	it('reads a card', async () => {
		const { ocr, steps } = fakeOcr();
		const seen: number[] = [];
		const result = new CardScanner(async () => ocr).read(photo, {
			signal: new AbortController().signal,
			onProgress: (p) => seen.push(p.progress)
		});
		steps.prepare.resolve(canvas);
		await settled();
		steps.read.resolve(reading);
		expect(await result).toMatchObject({ payload: { suggestions: { name: 'Ada Lovelace' } } });
		expect(seen).toEqual([0.5]);
	});

	it('stops during the OCR code import: cancelled at once, nothing read after', async () => {
		const { ocr, calls } = fakeOcr();
		const loading = deferred<CardOcr>();
		const intent = new AbortController();
		const result = new CardScanner(() => loading.promise).read(photo, { signal: intent.signal });
		intent.abort();
		expect(await result).toEqual({ cancelled: true });
		loading.resolve(ocr);
		await settled();
		expect(calls).toEqual({ prepare: 0, read: 0, terminated: 0 });
	});

	it('stops during "Preparing the photo…": cancelled at once, nothing read after', async () => {
		const { ocr, calls, steps } = fakeOcr();
		const intent = new AbortController();
		const result = new CardScanner(async () => ocr).read(photo, { signal: intent.signal });
		await settled();
		expect(calls.prepare).toBe(1);
		intent.abort();
		expect(await result).toEqual({ cancelled: true });
		steps.prepare.resolve(canvas);
		await settled();
		expect(calls.read).toBe(0);
	});

	it('throws away a reading that finishes after Cancel, and reports no progress after it', async () => {
		const { ocr, steps } = fakeOcr();
		const intent = new AbortController();
		const seen: number[] = [];
		const result = new CardScanner(async () => ocr).read(photo, {
			signal: intent.signal,
			onProgress: (p) => seen.push(p.progress)
		});
		steps.prepare.resolve(canvas);
		await settled();
		intent.abort();
		steps.read.resolve(reading);
		expect(await result).toEqual({ cancelled: true });
		expect(seen).toEqual([0.5]);
	});

	it('reads nothing for an intent already abandoned', async () => {
		const { ocr, calls } = fakeOcr();
		const gone = new AbortController();
		gone.abort();
		expect(await new CardScanner(async () => ocr).read(photo, { signal: gone.signal })).toEqual({ cancelled: true });
		expect(calls.prepare).toBe(0);
	});

	it('says so when the card reader cannot be loaded', async () => {
		const scanner = new CardScanner(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
		expect(await scanner.read(photo, { signal: new AbortController().signal })).toEqual({ problem: READER_MISSING });
	});

	it('ends its OCR worker on close', async () => {
		const { ocr, calls, steps } = fakeOcr();
		const scanner = new CardScanner(async () => ocr);
		const result = scanner.read(photo, { signal: new AbortController().signal });
		steps.prepare.resolve(canvas);
		steps.read.resolve(reading);
		await result;
		await scanner.close();
		expect(calls.terminated).toBe(1);
	});
});

describe('readOneCard ("Read the name")', () => {
	it('ends its own OCR worker once the badge is read', async () => {
		const { ocr, calls, steps } = fakeOcr();
		const result = readOneCard(photo, { signal: new AbortController().signal }, async () => ocr);
		steps.prepare.resolve(canvas);
		await settled();
		expect(calls.terminated).toBe(0);
		steps.read.resolve(reading);
		expect(await result).toMatchObject({ payload: { suggestions: { name: 'Ada Lovelace' } } });
		expect(calls.terminated).toBe(1);
	});

	it('ends it when the reading is abandoned, and says the reader is missing when its code cannot be loaded', async () => {
		const { ocr, calls, steps } = fakeOcr();
		const intent = new AbortController();
		const result = readOneCard(photo, { signal: intent.signal }, async () => ocr);
		steps.prepare.resolve(canvas);
		await settled();
		intent.abort();
		expect(await result).toEqual({ cancelled: true });
		expect(calls.terminated).toBe(1);
		const failed = readOneCard(photo, { signal: new AbortController().signal }, () =>
			Promise.reject(new TypeError('chunk'))
		);
		expect(await failed).toEqual({ problem: READER_MISSING });
	});
});
