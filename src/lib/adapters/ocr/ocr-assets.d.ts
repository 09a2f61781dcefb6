// Written by the ocrAssets plugin in vite.config.ts.
declare module 'virtual:ocr-assets' {
	/** The folder on this origin holding tesseract.js's worker, cores and the English traineddata. */
	export const ocrAssetsBase: string;
}

// tesseract.js's own ES module build (its package entry is CommonJS, which would bring the
// bundler's CommonJS helpers into the chunk every screen loads).
declare module 'tesseract.js/dist/tesseract.esm.min.js' {
	import Tesseract from 'tesseract.js';
	export default Tesseract;
}
