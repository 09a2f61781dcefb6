import { ocrAssetsBase } from 'virtual:ocr-assets';
import type { Worker as TesseractWorker, Line, Block, PSM } from 'tesseract.js';

import type { TextLine } from '$lib/domain/contact/card-text';

export interface OcrProgress {
	/** What the worker is doing, in plain words. */
	stage: string;
	/** 0–1 over the whole read (loading the engine, then reading). */
	progress: number;
}

export interface OcrResult {
	lines: TextLine[];
	width: number;
	height: number;
}

/** Thrown by `read` when `cancel` stopped it. */
export class OcrCancelled extends Error {
	constructor() {
		super('Reading the card was cancelled.');
	}
}

// The first read loads the engine (worker, 2.8 MB core, 2.9 MB language data): that is the first
// ~40 % of the bar; the reading itself is the rest.
const STAGES: Record<string, [string, number, number]> = {
	'loading tesseract core': ['Loading the text reader…', 0, 0.15],
	'initializing tesseract': ['Starting the text reader…', 0.15, 0.25],
	'loading language traineddata': ['Loading the English language data…', 0.25, 0.35],
	'initializing api': ['Starting the text reader…', 0.35, 0.4],
	'recognizing text': ['Reading the text…', 0.4, 1]
};

function linesOf(blocks: Block[] | null): Line[] {
	return (blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
}

/**
 * Reads printed text on the device with tesseract.js in a Web Worker: the worker, its WebAssembly
 * core and the English data come from this app's origin (see ocrAssets in vite.config.ts). One
 * worker is kept for the next card; `cancel` ends it at once (a new one starts with the next read).
 */
export class CardReader {
	private worker: Promise<TesseractWorker> | null = null;
	private listener: ((progress: OcrProgress) => void) | null = null;
	private cancelled: (() => void) | null = null;
	private modes: { sparse: PSM; line: PSM } | null = null;

	private start(): Promise<TesseractWorker> {
		this.worker ??= import('tesseract.js/dist/tesseract.esm.min.js').then(async ({ default: tesseract }) => {
			const { createWorker, OEM, PSM } = tesseract;
			const worker = await createWorker('eng', OEM.LSTM_ONLY, {
				workerPath: `${ocrAssetsBase}worker.min.js`,
				// A plain worker script, not a blob: the core finds its .wasm next to the worker.
				workerBlobURL: false,
				corePath: ocrAssetsBase,
				langPath: ocrAssetsBase,
				gzip: true,
				// The service worker keeps these files; a second copy in IndexedDB would only take space.
				cacheMethod: 'none',
				logger: (message) => {
					const stage = STAGES[message.status];
					if (!stage || !this.listener) return;
					const [label, from, to] = stage;
					this.listener({ stage: label, progress: from + (to - from) * Math.min(1, Math.max(0, message.progress)) });
				}
			});
			// Cards are a few short lines scattered over the picture, not a page of paragraphs: read as
			// sparse text, which found 47 of 65 fields on the first 12 generated cards, against 42 as a page.
			this.modes = { sparse: PSM.SPARSE_TEXT, line: PSM.SINGLE_LINE };
			await worker.setParameters({ tessedit_pageseg_mode: this.modes.sparse });
			return worker;
		});
		this.worker.catch(() => (this.worker = null));
		return this.worker;
	}

	/** The lines of text in `image`, top to bottom; progress is reported while it works. */
	async read(image: HTMLCanvasElement, onProgress?: (progress: OcrProgress) => void): Promise<OcrResult> {
		this.listener = onProgress ?? null;
		const stopped = new Promise<never>((_, reject) => (this.cancelled = () => reject(new OcrCancelled())));
		try {
			const worker = await Promise.race([this.start(), stopped]);
			const { data } = await Promise.race([
				worker.recognize(image, { rotateAuto: true }, { text: false, blocks: true }),
				stopped
			]);
			const lines = linesOf(data.blocks)
				.map((line) => ({
					text: line.text.trim(),
					confidence: line.confidence,
					box: {
						x: line.bbox.x0,
						y: line.bbox.y0,
						width: line.bbox.x1 - line.bbox.x0,
						height: line.bbox.y1 - line.bbox.y0
					}
				}))
				.filter((line) => line.text.length > 0);
			return { lines, width: image.width, height: image.height };
		} finally {
			this.listener = null;
			this.cancelled = null;
		}
	}

	/**
	 * One line of text in `image` (a crop around it), read as a single line rather than as sparse
	 * text; the worker reads sparse text again afterwards.
	 */
	async readLine(image: HTMLCanvasElement): Promise<{ text: string; confidence: number }> {
		const worker = await this.start();
		const modes = this.modes!;
		await worker.setParameters({ tessedit_pageseg_mode: modes.line });
		try {
			const { data } = await worker.recognize(image, {}, { text: true, blocks: false });
			return { text: data.text.trim(), confidence: data.confidence };
		} finally {
			await worker.setParameters({ tessedit_pageseg_mode: modes.sparse });
		}
	}

	/** Stops a read in progress (its promise rejects with OcrCancelled) and ends the worker. */
	async cancel(): Promise<void> {
		this.cancelled?.();
		await this.terminate();
	}

	/** Ends the worker and frees its memory. */
	async terminate(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		if (worker) await worker.then((w) => w.terminate()).catch(() => undefined);
	}
}
