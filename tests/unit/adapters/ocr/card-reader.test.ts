// Cancelling a card: tesseract.js cannot stop a job and its terminate() never settles the job in
// flight, so the reader must end the worker and settle the read itself, at once, whatever stage the
// read is in. A fake worker whose every job is a promise the test settles by hand.
import { describe, expect, it } from 'vitest';
import type { PSM } from 'tesseract.js';
import { CardReader } from '$lib/adapters/ocr/card-reader';
import type { OcrWorker, StartWorker } from '$lib/adapters/ocr/tesseract-worker';

type Job = { kind: string; settle: (value: unknown) => void; fail: (error: unknown) => void };

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

const picture = { width: 100, height: 60 } as HTMLCanvasElement;
const line = (text: string) => ({ text, confidence: 90, bbox: { x0: 0, y0: 0, x1: 50, y1: 10 } });
const blocks = (...texts: string[]) => [{ paragraphs: [{ lines: texts.map(line) }] }];

/** A worker whose jobs wait for the test; `started` settles when the test says the engine has loaded. */
function fakeEngine() {
	const jobs: Job[] = [];
	const engine = { jobs, terminated: 0, starts: 0, log: (_status: string, _progress: number) => {} };
	const job = (kind: string) => {
		const { promise, resolve, reject } = deferred<unknown>();
		jobs.push({ kind, settle: resolve, fail: reject });
		return promise;
	};
	const worker: OcrWorker = {
		recognize: (_image, _options, output) => job(output.blocks ? 'page' : 'line') as ReturnType<OcrWorker['recognize']>,
		setParameters: async () => undefined,
		terminate: async () => void engine.terminated++
	};
	const loaded = deferred<void>();
	const start: StartWorker = async (log) => {
		engine.starts++;
		engine.log = log;
		await loaded.promise;
		return { worker, modes: { sparse: '11' as PSM, line: '7' as PSM } };
	};
	return { engine, start, load: () => loaded.resolve() };
}

async function settled() {
	for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('CardReader', () => {
	it('reads the lines of a picture, with progress to that read', async () => {
		const { engine, start, load } = fakeEngine();
		const reader = new CardReader(start);
		const seen: number[] = [];
		const reading = reader.read(picture, { onProgress: (p) => seen.push(p.progress) });
		load();
		await settled();
		engine.log('recognizing text', 0.5);
		engine.jobs[0]!.settle({ data: { blocks: blocks('Ada Lovelace', ' '), text: '', confidence: 0 } });
		expect((await reading).lines.map((l) => l.text)).toEqual(['Ada Lovelace']);
		expect(seen).toEqual([0.7]);
	});

	it('settles a second pass at once with an AbortError when cancelled, and ends the worker', async () => {
		const { engine, start, load } = fakeEngine();
		const reader = new CardReader(start);
		load();
		const intent = new AbortController();
		const again = reader.readLine(picture, intent.signal);
		await settled();
		expect(engine.jobs.map((j) => j.kind)).toEqual(['line']);
		intent.abort();
		// The job in flight is never settled by the engine (tesseract's terminate leaves it so).
		await expect(again).rejects.toMatchObject({ name: 'AbortError' });
		await settled();
		expect(engine.terminated).toBe(1);
	});

	it('stops while the engine is still loading, and ends the worker once it has started', async () => {
		const { engine, start, load } = fakeEngine();
		const reader = new CardReader(start);
		const intent = new AbortController();
		const reading = reader.read(picture, { signal: intent.signal });
		intent.abort();
		await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
		load();
		await settled();
		expect(engine.jobs).toEqual([]);
		expect(engine.terminated).toBe(1);
	});

	it('reads nothing for an intent already abandoned, and starts a new worker for the next read', async () => {
		const { engine, start, load } = fakeEngine();
		const reader = new CardReader(start);
		const gone = new AbortController();
		gone.abort();
		await expect(reader.read(picture, { signal: gone.signal })).rejects.toMatchObject({ name: 'AbortError' });
		expect(engine.starts).toBe(0);

		load();
		const first = new AbortController();
		const reading = reader.read(picture, { signal: first.signal });
		await settled();
		first.abort();
		await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
		const next = reader.read(picture, { signal: new AbortController().signal });
		await settled();
		expect(engine.starts).toBe(2);
		engine.jobs[1]!.settle({ data: { blocks: blocks('Grace Hopper'), text: '', confidence: 0 } });
		expect((await next).lines.map((l) => l.text)).toEqual(['Grace Hopper']);
	});
});
