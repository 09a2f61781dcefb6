// The detector html5-qrcode is given, with fake browser detectors and a fake polyfill: which one
// reads which symbology, in which order, and what html5-qrcode is told. (The real polyfill reads
// every symbology in tests/e2e/symbologies.test.ts; Chromium on Linux has no native detector.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Code {
	rawValue: string;
	format: string;
	boundingBox: { width: number; height: number };
}

/** A fake BarcodeDetector class that reads `frame` (the formats it was built with permitting). */
function fakeDetectorClass(supported: string[], calls: string[][], name: string) {
	return class {
		static frame: Code[] = [];
		private readonly formats: string[];
		constructor(options: { formats?: string[] } = {}) {
			this.formats = options.formats ?? supported;
		}
		static async getSupportedFormats() {
			return supported;
		}
		async detect(): Promise<Code[]> {
			calls.push([name, ...this.formats]);
			const own = this.constructor as unknown as { frame: Code[] };
			return own.frame.filter((code) => this.formats.includes(code.format));
		}
	};
}

const code = (format: string, rawValue = 'X'): Code => ({ rawValue, format, boundingBox: { width: 1, height: 1 } });
const ALL = ['qr_code', 'micro_qr_code', 'aztec', 'pdf417', 'data_matrix', 'code_128', 'code_39'];
// Android's detector (ML Kit) reads all the badge symbologies but Micro QR.
const ANDROID = ['aztec', 'code_128', 'code_39', 'code_93', 'codabar', 'data_matrix', 'pdf417', 'qr_code', 'upc_a'];

let calls: string[][];
let Polyfill: ReturnType<typeof fakeDetectorClass>;
let polyfillLoads: number;

beforeEach(() => {
	vi.resetModules();
	calls = [];
	polyfillLoads = 0;
	Polyfill = fakeDetectorClass(ALL, calls, 'polyfill');
	vi.doMock('barcode-detector/ponyfill', () => {
		polyfillLoads++;
		return { BarcodeDetector: Polyfill, prepareZXingModule: async () => undefined };
	});
});
afterEach(() => {
	vi.doUnmock('barcode-detector/ponyfill');
	delete (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
});

type Installed = new (options?: { formats?: string[] }) => { detect(source: unknown): Promise<Code[]> };

async function prepare(native?: ReturnType<typeof fakeDetectorClass>) {
	if (native) (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector = native;
	const module = await import('$lib/adapters/scanner/barcode-detector');
	const kind = await module.prepareBarcodeDetector();
	// html5-qrcode builds its detector with the formats it was given: QR only.
	const Detector = (globalThis as unknown as { BarcodeDetector: Installed }).BarcodeDetector;
	const detector = new Detector({ formats: ['qr_code'] });
	// Beside a browser's detector the polyfill is still loading: let it finish.
	await new Promise((resolve) => setTimeout(resolve, 0));
	return { kind, detector, detectedSymbology: module.detectedSymbology };
}

describe('without a detector in the browser (desktop Linux, Firefox)', () => {
	it('reads QR and Micro QR first, the other five only when no QR code is in the frame', async () => {
		const { kind, detector, detectedSymbology } = await prepare();
		expect(kind).toBe('polyfill');
		Polyfill.frame = [code('qr_code', 'BEGIN:VCARD')];
		expect(await detector.detect({})).toEqual([code('qr_code', 'BEGIN:VCARD')]);
		expect(calls).toEqual([['polyfill', 'qr_code', 'micro_qr_code']]);

		// The other five are looked for in every other frame: the second frame is read for QR only.
		calls.length = 0;
		Polyfill.frame = [code('code_128', '204419283310')];
		expect(await detector.detect({})).toEqual([]);
		expect(calls).toEqual([['polyfill', 'qr_code', 'micro_qr_code']]);
		calls.length = 0;
		expect(await detector.detect({})).toEqual([code('code_128', '204419283310')]);
		expect(calls).toEqual([
			['polyfill', 'qr_code', 'micro_qr_code'],
			['polyfill', 'aztec', 'pdf417', 'data_matrix', 'code_128', 'code_39']
		]);
		expect(detectedSymbology('204419283310')).toBe('code_128');
	});

	it('reads QR in every frame and the other five (four times slower) in every other one', async () => {
		const { detector } = await prepare();
		Polyfill.frame = [];
		for (let frame = 0; frame < 6; frame++) await detector.detect({});
		const passes = calls.map((call) => call[1]);
		expect(passes.filter((first) => first === 'qr_code')).toHaveLength(6);
		expect(passes.filter((first) => first === 'aztec')).toHaveLength(3);
	});

	it('tells html5-qrcode a Micro QR code is a QR code, and remembers what it was', async () => {
		const { detector, detectedSymbology } = await prepare();
		Polyfill.frame = [code('micro_qr_code', 'SB7730041921')];
		expect(await detector.detect({})).toEqual([code('qr_code', 'SB7730041921')]);
		expect(detectedSymbology('SB7730041921')).toBe('micro_qr_code');
		expect(detectedSymbology('never read')).toBeUndefined();
	});

	it('finds nothing in an empty frame after trying every symbology once', async () => {
		const { detector } = await prepare();
		Polyfill.frame = [];
		expect(await detector.detect({})).toEqual([]);
		expect(calls).toHaveLength(2);
	});
});

describe('with a detector in the browser', () => {
	it('uses the browser’s for what it reads and the polyfill only for Micro QR, only in frames it found nothing in (Android)', async () => {
		const Native = fakeDetectorClass(ANDROID, calls, 'native');
		const { kind, detector, detectedSymbology } = await prepare(Native);
		expect(kind).toBe('native+polyfill');
		Native.frame = [code('qr_code', 'BEGIN:VCARD')];
		expect(await detector.detect({})).toEqual([code('qr_code', 'BEGIN:VCARD')]);
		// The badge symbologies it has, in the browser's order; not Codabar, UPC…
		expect(calls).toEqual([['native', 'aztec', 'code_128', 'code_39', 'data_matrix', 'pdf417', 'qr_code']]);

		calls.length = 0;
		Native.frame = [];
		Polyfill.frame = [code('micro_qr_code', 'SB77')];
		expect(await detector.detect({})).toEqual([code('qr_code', 'SB77')]);
		expect(calls.map(([who]) => who)).toEqual(['native', 'polyfill']);
		expect(calls[1]).toEqual(['polyfill', 'micro_qr_code']);
		expect(detectedSymbology('SB77')).toBe('micro_qr_code');
	});

	it('never loads the polyfill when the browser’s detector reads every symbology', async () => {
		const Native = fakeDetectorClass([...ALL, 'ean_13'], calls, 'native');
		const { kind, detector } = await prepare(Native);
		expect(kind).toBe('native');
		Native.frame = [code('aztec', 'MECARD:N:Diallo,Mamadou;;')];
		expect(await detector.detect({})).toEqual([code('aztec', 'MECARD:N:Diallo,Mamadou;;')]);
		expect(polyfillLoads).toBe(0);
	});

	it('leaves a browser detector that reads no badge symbology to the polyfill', async () => {
		const Native = fakeDetectorClass(['ean_13', 'upc_a'], calls, 'native');
		const { kind, detector } = await prepare(Native);
		expect(kind).toBe('polyfill');
		Polyfill.frame = [code('data_matrix', 'SB77')];
		expect(await detector.detect({})).toEqual([code('data_matrix', 'SB77')]);
		expect(calls.map(([who]) => who)).toEqual(['polyfill', 'polyfill']);
	});
});
