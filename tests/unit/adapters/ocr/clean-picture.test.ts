import { describe, expect, it } from 'vitest';
import { evenOut } from '$lib/adapters/ocr/clean-picture';

/** A grey picture `width`×`height` whose value at (x, y) is `value(x, y)`, as RGBA pixels. */
function picture(width: number, height: number, value: (x: number, y: number) => number): Uint8ClampedArray {
	const pixels = new Uint8ClampedArray(width * height * 4);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			pixels[i] = pixels[i + 1] = pixels[i + 2] = value(x, y);
			pixels[i + 3] = 255;
		}
	return pixels;
}

const at = (pixels: Uint8ClampedArray, width: number, x: number, y: number) => pixels[(y * width + x) * 4]!;
// Thin "strokes" every 12 px: the minority of pixels, as text is.
const stroke = (x: number, y: number) => x % 12 < 2 && y % 40 > 8 && y % 40 < 30;

describe('evenOut', () => {
	it('turns light text on a dark card into dark text on white', () => {
		const width = 320;
		const height = 240;
		const pixels = picture(width, height, (x, y) => (stroke(x, y) ? 235 : 30));
		evenOut(pixels, width, height);
		expect(at(pixels, width, 120, 20)).toBeLessThan(100); // a stroke
		expect(at(pixels, width, 126, 20)).toBeGreaterThan(200); // the ground between strokes
	});

	it('keeps dark text on a light card dark, and evens out a shadow across it', () => {
		const width = 320;
		const height = 240;
		// Light from the left: the ground goes from 240 to 120 across the picture.
		const ground = (x: number) => 240 - (120 * x) / width;
		const pixels = picture(width, height, (x, y) => (stroke(x, y) ? ground(x) * 0.3 : ground(x)));
		evenOut(pixels, width, height);
		for (const x of [24, 288]) {
			expect(at(pixels, width, x, 20)).toBeLessThan(110);
			expect(at(pixels, width, x + 6, 20)).toBeGreaterThan(220);
		}
	});
});
