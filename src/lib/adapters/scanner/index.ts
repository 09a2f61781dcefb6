/** The scanner, loaded only when the scan view opens (it is not part of the app shell). */
export { CameraScanner, classifyCameraError, type Camera, type CameraProblem } from './camera-scanner';
export { PhotoScanner, type PhotoResult } from './photo-scanner';
export { prepareBarcodeDetector } from './barcode-detector';
