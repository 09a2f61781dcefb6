/** The longest side a camera frame is read at: 640 × 480 as it is, 1280 × 720 at 960 × 540. */
const MAX_SIDE = 960;

let frame: HTMLCanvasElement | null = null;

/**
 * What the live scanner should read for the frame html5-qrcode hands over. html5-qrcode draws each
 * frame into a canvas the size of the preview on screen (about 390 × 290 CSS pixels on a phone),
 * so a 640 × 480 or 1280 × 720 camera loses most of its pixels before the decoder sees them: a
 * slightly blurred, dim or distant code that the camera's own frame holds is no longer readable.
 * When the canvas shows the whole frame of the camera video beside it (html5-qrcode puts both in
 * the same element), this hands over the video's frame at its own size (up to MAX_SIDE).
 * Anything else (a photo, a cropped scan region) is read as it is.
 */
export function cameraFrame(source: ImageBitmapSource): ImageBitmapSource {
	if (typeof HTMLCanvasElement === 'undefined' || !(source instanceof HTMLCanvasElement)) return source;
	const video = source.parentElement?.querySelector('video');
	if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return source;
	const { videoWidth: width, videoHeight: height } = video;
	const wholeFrame = Math.abs(source.width / source.height - width / height) < 0.02;
	if (!wholeFrame || width <= source.width) return source;
	const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
	// Drawn into one canvas kept for every frame (the polyfill would make a new one per frame).
	frame ??= document.createElement('canvas');
	if (frame.width !== Math.round(width * scale)) frame.width = Math.round(width * scale);
	if (frame.height !== Math.round(height * scale)) frame.height = Math.round(height * scale);
	frame.getContext('2d', { willReadFrequently: true })?.drawImage(video, 0, 0, frame.width, frame.height);
	return frame;
}
