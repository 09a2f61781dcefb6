import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { isSymbology, SYMBOLOGIES, type Symbology } from '$lib/domain/contact/symbology';
import { cameraFrame } from './camera-frame';

/** Who reads the codes: the browser's own detector, the ZXing-C++ polyfill, or both (see below). */
export type DetectorKind = 'native' | 'polyfill' | 'native+polyfill';

interface Detected {
	rawValue: string;
	format: string;
	boundingBox: DOMRectReadOnly;
}

interface Detector {
	detect(source: ImageBitmapSource): Promise<Detected[]>;
}

type DetectorClass = {
	new (options?: { formats?: string[] }): Detector;
	getSupportedFormats(): Promise<string[]>;
};

let prepared: Promise<DetectorKind> | null = null;

// The symbology of the codes read lately, by their text: html5-qrcode hands on only the text and
// its own name for the format, and it has no name for Micro QR.
const recent = new Map<string, Symbology>();

function remember(text: string, symbology: Symbology): void {
	recent.delete(text);
	recent.set(text, symbology);
	if (recent.size > 16) recent.delete(recent.keys().next().value!);
}

/** The symbology the detector last read this text from, if it read it. */
export function detectedSymbology(text: string): Symbology | undefined {
	return recent.get(text);
}

async function nativeFormats(native: DetectorClass | undefined): Promise<Symbology[]> {
	if (!native) return [];
	try {
		return (await native.getSupportedFormats()).filter(isSymbology);
	} catch {
		return [];
	}
}

async function loadPolyfill(): Promise<DetectorClass> {
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
	await prepareZXingModule({
		overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
		fireImmediately: true
	});
	return BarcodeDetector as unknown as DetectorClass;
}

// QR first, on its own: most badges carry one, and reading only QR and Micro QR takes a quarter of
// the time of all seven symbologies at once (ZXing-C++, 640×480 frame: 3.2 vs 12 ms). The others
// are looked for when no QR code is in the frame.
const FIRST: Symbology[] = ['qr_code', 'micro_qr_code'];

/**
 * The `BarcodeDetector` html5-qrcode finds on `window`. It reads every badge symbology, whatever
 * html5-qrcode asks for: html5-qrcode is given QR only, so that its slower JavaScript reader, which
 * takes every other frame, keeps to QR. It reports Micro QR as QR (html5-qrcode drops a format it
 * cannot name) while `detectedSymbology` keeps the true one. The browser's own detector reads the
 * symbologies it knows; the polyfill reads the rest, when the browser's found nothing.
 */
function badgeDetectorClass(
	native: DetectorClass | undefined,
	nativeHas: Symbology[],
	polyfill: DetectorClass | Promise<DetectorClass> | null
) {
	return class BadgeDetector implements Detector {
		private readonly passes: Detector[] = [];
		// The polyfill's pass over the five other symbologies costs ~11 ms a frame, QR's ~2: it reads
		// every other frame (a badge held up stays in view for many).
		private others: Detector | null = null;
		private frames = 0;

		constructor() {
			if (native && nativeHas.length) this.passes.push(new native({ formats: nativeHas }));
			const rest = SYMBOLOGIES.filter((f) => !nativeHas.includes(f));
			const firsts = rest.filter((f) => FIRST.includes(f));
			const others = rest.filter((f) => !FIRST.includes(f));
			const add = (Polyfill: DetectorClass) => {
				if (firsts.length) this.passes.push(new Polyfill({ formats: firsts }));
				if (others.length) this.passes.push((this.others = new Polyfill({ formats: others })));
			};
			// Until its WebAssembly is ready the browser's detector reads alone.
			if (polyfill instanceof Promise) polyfill.then(add).catch(() => {});
			else if (polyfill) add(polyfill);
		}

		static getSupportedFormats(): Promise<string[]> {
			return Promise.resolve([...SYMBOLOGIES]);
		}

		async detect(source: ImageBitmapSource): Promise<Detected[]> {
			// The camera's own frame, not html5-qrcode's preview-sized copy (see camera-frame.ts).
			const frame = cameraFrame(source);
			const skipOthers = this.frames++ % 2 === 1;
			for (const pass of this.passes) {
				if (pass === this.others && skipOthers) continue;
				const found = await pass.detect(frame);
				if (!found.length) continue;
				return found.map((code) => {
					if (isSymbology(code.format)) remember(code.rawValue, code.format);
					return code.format === 'micro_qr_code' ? { ...code, format: 'qr_code' } : code;
				});
			}
			return [];
		}
	};
}

/**
 * Makes sure `window.BarcodeDetector` reads every symbology of SYMBOLOGIES before html5-qrcode is
 * constructed, so it decodes with ZXing-C++ (or the browser's detector) rather than only its
 * built-in JavaScript reader (measured on real photos: 169 vs 131 of 179). The browser's own
 * detector is used for what it reads (Android's reads all but Micro QR); the `barcode-detector`
 * polyfill, whose WebAssembly comes from this app's own origin (precached, so it works offline),
 * reads the rest, or everything where the browser has no detector (desktop Linux, Firefox, Safari).
 */
export function prepareBarcodeDetector(): Promise<DetectorKind> {
	prepared ??= (async (): Promise<DetectorKind> => {
		const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
		const nativeHas = await nativeFormats(native);
		const complete = SYMBOLOGIES.every((f) => nativeHas.includes(f));
		let polyfill: DetectorClass | Promise<DetectorClass> | null = null;
		if (!complete) {
			polyfill = loadPolyfill();
			polyfill.catch(() => {});
			// Without a native QR reader nothing can scan until the polyfill is ready.
			if (!nativeHas.includes('qr_code')) polyfill = await polyfill;
		}
		Object.defineProperty(globalThis, 'BarcodeDetector', {
			value: badgeDetectorClass(native, nativeHas, polyfill),
			configurable: true,
			writable: true
		});
		return complete ? 'native' : nativeHas.includes('qr_code') ? 'native+polyfill' : 'polyfill';
	})();
	prepared.catch(() => {
		prepared = null;
	});
	return prepared;
}
