import { evenOut } from './clean-picture';
import { skewAngle } from './deskew';

/** Why a picture could not be read; the message is shown to the person as it is. */
export class PictureError extends Error {}

// Tesseract reads a business card best with capital letters ~20–40 px high; a phone photo of a card
// is 3–4,000 px wide, which only costs time (and memory on a small phone).
const MAX_SIDE = 2000;
const MAX_BYTES = 40 * 1024 * 1024;

/**
 * The picture drawn on a canvas, scaled so its longer side is at most 2,000 px. A file that is not a
 * picture, or far too big, is refused with a message the person can act on. Once `signal` has
 * aborted (the person cancelled while the photo was decoded), it rejects with an AbortError.
 */
export async function preparePicture(file: Blob, signal?: AbortSignal): Promise<HTMLCanvasElement> {
	if (file.size > MAX_BYTES)
		throw new PictureError('This photo is too large to read (over 40 MB). Take a new photo or choose a smaller one.');
	if (file.type && !file.type.startsWith('image/'))
		throw new PictureError('This file is not a picture. Choose a photo of the card (JPEG, PNG…).');
	let image: ImageBitmap;
	try {
		image = await createImageBitmap(file);
	} catch {
		throw new PictureError('This file could not be read as a picture. Choose a photo of the card (JPEG, PNG…).');
	}
	try {
		signal?.throwIfAborted();
		return drawScaled(image, image.width, image.height);
	} finally {
		image.close();
	}
}

/** A picture (a photo, a video frame) drawn on a new canvas at `scale`, at most 2,000 px on its longer side. */
export function drawScaled(source: CanvasImageSource, width: number, height: number, scale = 1): HTMLCanvasElement {
	if (!width || !height) throw new PictureError('The picture is empty. Take the photo again.');
	const factor = Math.min(scale, MAX_SIDE / Math.max(width, height));
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * factor));
	canvas.height = Math.max(1, Math.round(height * factor));
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) throw new PictureError('This browser cannot draw pictures, so it cannot read the card.');
	context.drawImage(source, 0, 0, canvas.width, canvas.height);
	return canvas;
}

/** A copy of the picture with dark text on an even white (see evenOut). */
export function cleaned(source: HTMLCanvasElement, scale = 1): HTMLCanvasElement {
	const canvas = drawScaled(source, source.width, source.height, scale);
	const context = canvas.getContext('2d', { willReadFrequently: true })!;
	const image = context.getImageData(0, 0, canvas.width, canvas.height);
	evenOut(image.data, canvas.width, canvas.height);
	context.putImageData(image, 0, 0);
	return canvas;
}

/**
 * The picture turned so its lines of text are level (see skewAngle), on white: the OCR engine reads a
 * card photographed at a slant of 10° as broken fragments. Within half a degree it is left as it is.
 */
export function levelled(source: HTMLCanvasElement): HTMLCanvasElement {
	const context = source.getContext('2d', { willReadFrequently: true })!;
	const { data } = context.getImageData(0, 0, source.width, source.height);
	const gray = new Uint8Array(source.width * source.height);
	for (let i = 0; i < gray.length; i++) gray[i] = data[i * 4]!;
	const degrees = skewAngle(gray, source.width, source.height);
	if (Math.abs(degrees) < 0.5) return source;
	const radians = (-degrees * Math.PI) / 180;
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(source.width * Math.abs(Math.cos(radians)) + source.height * Math.abs(Math.sin(radians)));
	canvas.height = Math.round(source.width * Math.abs(Math.sin(radians)) + source.height * Math.abs(Math.cos(radians)));
	const turned = canvas.getContext('2d', { willReadFrequently: true })!;
	turned.fillStyle = '#fff';
	turned.fillRect(0, 0, canvas.width, canvas.height);
	turned.translate(canvas.width / 2, canvas.height / 2);
	turned.rotate(radians);
	turned.drawImage(source, -source.width / 2, -source.height / 2);
	return canvas;
}

/** The part of the picture inside `box` (clipped to the picture), enlarged `scale` times, at most 4×. */
export function cropped(
	source: HTMLCanvasElement,
	box: { x: number; y: number; width: number; height: number },
	scale: number
): HTMLCanvasElement {
	const x = Math.max(0, Math.round(box.x));
	const y = Math.max(0, Math.round(box.y));
	const width = Math.min(source.width, Math.round(box.x + box.width)) - x;
	const height = Math.min(source.height, Math.round(box.y + box.height)) - y;
	const factor = Math.min(4, Math.max(1, scale));
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * factor));
	canvas.height = Math.max(1, Math.round(height * factor));
	const context = canvas.getContext('2d')!;
	context.imageSmoothingQuality = 'high';
	context.drawImage(source, x, y, width, height, 0, 0, canvas.width, canvas.height);
	return canvas;
}
