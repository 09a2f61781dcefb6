export { CardReader, ocrAborted, type OcrProgress, type OcrResult } from './card-reader';
export { PictureError, drawScaled, preparePicture } from './prepare-image';
export { readCard } from './read-card';
