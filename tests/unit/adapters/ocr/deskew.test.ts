import { describe, expect, it } from 'vitest';
import { skewAngle } from '$lib/adapters/ocr/deskew';

/** White, with rows of dark "words" (short bars with gaps) sloping down to the right by `degrees`. */
function textAt(degrees: number, width = 800, height = 500): Uint8Array {
	const gray = new Uint8Array(width * height).fill(255);
	const slope = Math.tan((degrees * Math.PI) / 180);
	for (let row = 0; row < 6; row++)
		for (let x = 100; x < 700; x++) {
			if (x % 40 > 30) continue;
			const top = Math.round(80 + row * 60 + (x - 400) * slope);
			for (let y = top; y < top + 14; y++) if ((x + y) % 3 && y >= 0 && y < height) gray[y * width + x] = 20;
		}
	return gray;
}

describe('skewAngle', () => {
	it('finds how far lines of text slope, either way', () => {
		expect(skewAngle(textAt(8), 800, 500)).toBeCloseTo(8, 0);
		expect(skewAngle(textAt(-11.5), 800, 500)).toBeCloseTo(-11.5, 0);
	});

	it('is 0 for level text and for a blank picture', () => {
		expect(Math.abs(skewAngle(textAt(0), 800, 500))).toBeLessThan(0.5);
		expect(skewAngle(new Uint8Array(800 * 500).fill(255), 800, 500)).toBe(0);
	});
});
