import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { ZXingReaderModule, ZXingReaderOptions, ZXingReadResult } from 'zxing-wasm/reader';

/** What is used here of the Emscripten module (its own typings come with @types/emscripten). */
export interface ZXing {
	_malloc(size: number): number;
	_free(pointer: number): void;
	HEAPU8: Uint8Array;
	readBarcodesFromPixmap: ZXingReaderModule['readBarcodesFromPixmap'];
}

/** Options for one read, in ZXing-C++'s terms (binarizer by name; the rest as ZXing has them). */
export interface ReadOptions {
	/** ZXing's format names ("QRCode,Aztec,…"); empty reads every format it knows. */
	formats: string;
	binarizer: 'LocalAverage' | 'GlobalHistogram' | 'FixedThreshold' | 'BoolCast';
	tryHarder: boolean;
	tryRotate: boolean;
	tryInvert: boolean;
	tryDownscale: boolean;
	tryDenoise: boolean;
	isPure: boolean;
	downscaleFactor: number;
	downscaleThreshold: number;
}

export const defaultReadOptions: ReadOptions = {
	formats: '',
	binarizer: 'LocalAverage',
	tryHarder: true,
	tryRotate: true,
	tryInvert: true,
	tryDownscale: true,
	tryDenoise: false,
	isPure: false,
	downscaleFactor: 3,
	downscaleThreshold: 500
};

const BINARIZERS = ['LocalAverage', 'GlobalHistogram', 'FixedThreshold', 'BoolCast'] as const;

/** A grey picture: one byte of luminance per pixel, row by row. */
export interface Luminance {
	data: Uint8Array;
	width: number;
	height: number;
}

export interface Found {
	text: string;
	/** ZXing's name of the format ("QRCode", "Aztec", …). */
	format: string;
}

let module: Promise<ZXing> | null = null;

/**
 * The ZXing-C++ WebAssembly module the `barcode-detector` polyfill runs, shared with it: its own
 * copy of zxing-wasm's glue and the same self-hosted .wasm file, instantiated once. When the
 * polyfill already made the module, that one is reused whatever overrides it was made with.
 */
export function zxingModule(): Promise<ZXing> {
	module ??= import('barcode-detector/ponyfill').then(
		({ prepareZXingModule }) =>
			prepareZXingModule({
				overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
				equalityFn: () => true,
				fireImmediately: true
			}) as Promise<unknown> as Promise<ZXing>
	);
	module.catch(() => {
		module = null;
	});
	return module;
}

/**
 * Reads the codes in a grey picture with the given options. Unlike zxing-wasm 3.1.3's own
 * readBarcodes() (see deleteZxingResults in vite.config.ts) it deletes the vector of results, so
 * nothing leaks from one read to the next.
 */
export function readLuminance(zxing: ZXing, picture: Luminance, options: ReadOptions): Found[] {
	const { data, width, height } = picture;
	const pointer = zxing._malloc(data.byteLength);
	if (!pointer) throw new Error(`Failed to allocate ${data.byteLength} bytes in WebAssembly memory`);
	let results: (ReturnType<ZXingReaderModule['readBarcodesFromPixmap']> & { delete(): void }) | undefined;
	try {
		zxing.HEAPU8.set(data, pointer);
		const zxingOptions: ZXingReaderOptions = {
			...options,
			binarizer: BINARIZERS.indexOf(options.binarizer),
			minLineCount: 2,
			maxNumberOfSymbols: 1,
			validateOptionalChecksum: false,
			returnErrors: false,
			eanAddOnSymbol: 0, // Ignore
			textMode: 0, // Plain, as the BarcodeDetector polyfill reads
			characterSet: 0, // Unknown: as the code says
			tryCode39ExtendedMode: true
		};
		results = zxing.readBarcodesFromPixmap(pointer, width, height, zxingOptions) as typeof results;
		const found: Found[] = [];
		for (let i = 0; i < results!.size(); i++) {
			const result = results!.get(i) as ZXingReadResult | undefined;
			if (result?.isValid) found.push({ text: result.text, format: result.format });
		}
		return found;
	} finally {
		results?.delete();
		zxing._free(pointer);
	}
}
