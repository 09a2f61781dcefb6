import { ocrAssetsBase } from 'virtual:ocr-assets';
import type { Block, PSM } from 'tesseract.js';

/** What the reader uses of a tesseract.js worker (a fake one in the unit tests). */
export interface OcrWorker {
	recognize(
		image: HTMLCanvasElement,
		options: { rotateAuto?: boolean },
		output: { text: boolean; blocks: boolean }
	): Promise<{ data: { blocks: Block[] | null; text: string; confidence: number } }>;
	setParameters(parameters: { tessedit_pageseg_mode: PSM }): Promise<unknown>;
	terminate(): Promise<unknown>;
}

/** A started worker and its two page segmentation modes. */
export interface StartedWorker {
	worker: OcrWorker;
	modes: { sparse: PSM; line: PSM };
}

/** Starts a worker; `log` hears tesseract's progress messages. */
export type StartWorker = (log: (status: string, progress: number) => void) => Promise<StartedWorker>;

// The first read loads the engine (worker, 2.8 MB core, 2.9 MB language data): that is the first
// ~40 % of the bar; the reading itself is the rest.
export const STAGES: Record<string, [string, number, number]> = {
	'loading tesseract core': ['Loading the text reader…', 0, 0.15],
	'initializing tesseract': ['Starting the text reader…', 0.15, 0.25],
	'loading language traineddata': ['Loading the English language data…', 0.25, 0.35],
	'initializing api': ['Starting the text reader…', 0.35, 0.4],
	'recognizing text': ['Reading the text…', 0.4, 1]
};

/** tesseract.js in a Web Worker, its worker, WebAssembly core and English data from this app's origin. */
export const startTesseract: StartWorker = async (log) => {
	const { default: tesseract } = await import('tesseract.js/dist/tesseract.esm.min.js');
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
		logger: (message) => log(message.status, message.progress)
	});
	// Cards are a few short lines scattered over the picture, not a page of paragraphs: read as
	// sparse text, which found 47 of 65 fields on the first 12 generated cards, against 42 as a page.
	const modes = { sparse: PSM.SPARSE_TEXT, line: PSM.SINGLE_LINE };
	await worker.setParameters({ tessedit_pageseg_mode: modes.sparse });
	return { worker, modes };
};
