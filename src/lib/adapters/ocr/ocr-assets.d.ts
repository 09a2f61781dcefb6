// Written by the ocrAssets plugin in vite.config.ts.
declare module 'virtual:ocr-assets' {
	/** The folder on this origin holding tesseract.js's worker, cores and the English traineddata. */
	export const ocrAssetsBase: string;
}
