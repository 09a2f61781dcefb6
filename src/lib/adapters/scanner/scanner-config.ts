import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { prepareBarcodeDetector } from './barcode-detector';

/** An html5-qrcode instance for QR codes that uses the BarcodeDetector when there is one. */
export async function createHtml5Qrcode(elementId: string): Promise<Html5Qrcode> {
	await prepareBarcodeDetector();
	return new Html5Qrcode(elementId, {
		verbose: false,
		formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
		useBarCodeDetectorIfSupported: true,
		experimentalFeatures: { useBarCodeDetectorIfSupported: true }
	});
}
