/** The scanner, loaded only when the scan view opens (it is not part of the app shell). */
export { CameraScanner, type Camera } from './camera-scanner';
export { allowCamera, classifyCameraError, type CameraProblem } from './camera-access';
export { PhotoScanner, type PhotoResult } from './photo-scanner';
export { prepareBarcodeDetector } from './barcode-detector';
