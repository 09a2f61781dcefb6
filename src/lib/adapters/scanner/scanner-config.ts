// html5-qrcode's own modules, not its index: that also exports Html5QrcodeScanner, its ready-made
// scanning UI (buttons, camera picker, icons as data URLs: 10 KB gzipped), which the bundler keeps
// even unused, because the package does not declare its modules free of side effects.
import { Html5QrcodeSupportedFormats as Format } from 'html5-qrcode/esm/core';
import { Html5Qrcode } from 'html5-qrcode/esm/html5-qrcode';
import type { Symbology } from '$lib/domain/contact/symbology';
import { detectedSymbology, prepareBarcodeDetector } from './barcode-detector';

// html5-qrcode's names for the symbologies read on badges (none for Micro QR), to tell which one
// its own JavaScript reader read.
const FORMATS: Record<Exclude<Symbology, 'micro_qr_code'>, Format> = {
	qr_code: Format.QR_CODE,
	aztec: Format.AZTEC,
	pdf417: Format.PDF_417,
	data_matrix: Format.DATA_MATRIX,
	code_128: Format.CODE_128,
	code_39: Format.CODE_39
};

/**
 * The symbology of a code html5-qrcode read: as the BarcodeDetector said, or from html5-qrcode's
 * own format name when its built-in reader read it.
 */
export function symbologyOf(text: string, formatName: string | undefined): Symbology | undefined {
	const detected = detectedSymbology(text);
	if (detected) return detected;
	const entry = Object.entries(FORMATS).find(([, format]) => Format[format] === formatName);
	return entry?.[0] as Symbology | undefined;
}

/**
 * An html5-qrcode instance that reads with the BarcodeDetector, which reads every badge symbology
 * (barcode-detector.ts). It is asked for QR only: html5-qrcode hands every other frame, and every
 * photo the detector could not read, to its own JavaScript reader, which would spend the time
 * looking for all the other symbologies too.
 */
export async function createHtml5Qrcode(elementId: string): Promise<Html5Qrcode> {
	await prepareBarcodeDetector();
	return new Html5Qrcode(elementId, {
		verbose: false,
		formatsToSupport: [Format.QR_CODE],
		useBarCodeDetectorIfSupported: true,
		experimentalFeatures: { useBarCodeDetectorIfSupported: true }
	});
}
