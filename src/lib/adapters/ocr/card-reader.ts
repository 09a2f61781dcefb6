import type { Line, Block } from 'tesseract.js';
import type { TextLine } from '$lib/domain/contact/card-text';
import { STAGES, startTesseract, type StartWorker, type StartedWorker } from './tesseract-worker';

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

/** The error a read rejects with when its signal aborts: a DOMException named AbortError. */
export function ocrAborted(): DOMException {
	return new DOMException('Reading the card was cancelled.', 'AbortError');
}

function linesOf(blocks: Block[] | null): Line[] {
	return (blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
}

/**
 * Reads printed text on the device (see startTesseract). One worker is kept for the next picture.
 * Every read takes the signal of the person's intent: tesseract cannot stop a job, so an abort ends
 * the worker (a new one starts with the next read) and the read rejects at once with an AbortError.
 */
export class CardReader {
	#worker: Promise<StartedWorker> | null = null;
	#listener: ((progress: OcrProgress) => void) | null = null;

	constructor(private readonly startWorker: StartWorker = startTesseract) {}

	#start(): Promise<StartedWorker> {
		const started = (this.#worker ??= this.startWorker((status, progress) => {
			const stage = STAGES[status];
			if (!stage || !this.#listener) return;
			const [label, from, to] = stage;
			this.#listener({ stage: label, progress: from + (to - from) * Math.min(1, Math.max(0, progress)) });
		}));
		started.catch(() => {
			if (this.#worker === started) this.#worker = null;
		});
		return started;
	}

	/** `task` on the worker, unless `signal` aborts first: then the worker ends and this rejects. */
	async #run<T>(signal: AbortSignal | undefined, task: (started: StartedWorker) => Promise<T>): Promise<T> {
		if (signal?.aborted) throw ocrAborted();
		// An intent abandoned while the engine loads starts no job on it.
		const work = this.#start().then((started) => {
			if (signal?.aborted) throw ocrAborted();
			return task(started);
		});
		if (!signal) return work;
		work.catch(() => undefined);
		let onAbort = () => {};
		const aborted = new Promise<never>((_, reject) => {
			onAbort = () => {
				reject(ocrAborted());
				void this.terminate();
			};
		});
		signal.addEventListener('abort', onAbort, { once: true });
		try {
			return await Promise.race([work, aborted]);
		} finally {
			signal.removeEventListener('abort', onAbort);
		}
	}

	/** The lines of text in `image`, top to bottom; progress is reported while it works. */
	async read(
		image: HTMLCanvasElement,
		options: { signal?: AbortSignal; onProgress?: (progress: OcrProgress) => void } = {}
	): Promise<OcrResult> {
		const listener = options.onProgress ?? null;
		this.#listener = listener;
		try {
			const { data } = await this.#run(options.signal, ({ worker }) =>
				worker.recognize(image, { rotateAuto: true }, { text: false, blocks: true })
			);
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
			if (this.#listener === listener) this.#listener = null;
		}
	}

	/**
	 * One line of text in `image` (a crop around it), read as a single line rather than as sparse
	 * text; the worker reads sparse text again afterwards.
	 */
	readLine(image: HTMLCanvasElement, signal?: AbortSignal): Promise<{ text: string; confidence: number }> {
		return this.#run(signal, async ({ worker, modes }) => {
			await worker.setParameters({ tessedit_pageseg_mode: modes.line });
			try {
				const { data } = await worker.recognize(image, {}, { text: true, blocks: false });
				return { text: data.text.trim(), confidence: data.confidence };
			} finally {
				await worker.setParameters({ tessedit_pageseg_mode: modes.sparse });
			}
		});
	}

	/** Ends the worker and frees its memory. */
	async terminate(): Promise<void> {
		const started = this.#worker;
		this.#worker = null;
		if (started) await started.then(({ worker }) => worker.terminate()).catch(() => undefined);
	}
}
