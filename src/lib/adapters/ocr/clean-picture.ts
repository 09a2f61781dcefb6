/** Sums over any rectangle in constant time. */
function integral(gray: Float32Array, width: number, height: number): Float64Array {
	const sums = new Float64Array((width + 1) * (height + 1));
	for (let y = 0; y < height; y++) {
		let row = 0;
		for (let x = 0; x < width; x++) {
			row += gray[y * width + x]!;
			sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1]! + row;
		}
	}
	return sums;
}

function boxMean(sums: Float64Array, width: number, height: number, radius: number): Float32Array {
	const mean = new Float32Array(width * height);
	const stride = width + 1;
	for (let y = 0; y < height; y++) {
		const y0 = Math.max(0, y - radius);
		const y1 = Math.min(height, y + radius + 1);
		for (let x = 0; x < width; x++) {
			const x0 = Math.max(0, x - radius);
			const x1 = Math.min(width, x + radius + 1);
			const total =
				sums[y1 * stride + x1]! - sums[y0 * stride + x1]! - sums[y1 * stride + x0]! + sums[y0 * stride + x0]!;
			mean[y * width + x] = total / ((x1 - x0) * (y1 - y0));
		}
	}
	return mean;
}

/**
 * Dark text on an even white, in place, for the OCR engine, whose own global threshold loses light
 * text on dark cards, coloured bands and the shadowed half of a photo. Where the surroundings are
 * dark the picture is inverted (light text on a dark card becomes dark on light); then each pixel is
 * divided by the brightness around it, which evens out uneven light.
 */
export function evenOut(pixels: Uint8ClampedArray, width: number, height: number): void {
	const size = width * height;
	const gray = new Float32Array(size);
	for (let i = 0; i < size; i++)
		gray[i] = 0.299 * pixels[i * 4]! + 0.587 * pixels[i * 4 + 1]! + 0.114 * pixels[i * 4 + 2]!;
	const side = Math.max(width, height);
	const radius = Math.max(8, Math.round(side / 40));
	// Text is the minority of pixels around it: when its tail of values is the bright one (positive
	// skew), the text is light on a dark ground, and that neighbourhood is inverted.
	const squares = new Float32Array(size);
	const cubes = new Float32Array(size);
	for (let i = 0; i < size; i++) {
		const g = gray[i]! / 255;
		squares[i] = g * g;
		cubes[i] = g * g * g;
	}
	const m1 = boxMean(
		integral(
			gray.map((g) => g / 255),
			width,
			height
		),
		width,
		height,
		radius
	);
	const m2 = boxMean(integral(squares, width, height), width, height, radius);
	const m3 = boxMean(integral(cubes, width, height), width, height, radius);
	for (let i = 0; i < size; i++) {
		const mean = m1[i]!;
		const variance = m2[i]! - mean * mean;
		const third = m3[i]! - 3 * mean * m2[i]! + 2 * mean * mean * mean;
		const invert = variance > 0.0015 ? third > 0 : mean < 0.43;
		if (invert) gray[i] = 255 - gray[i]!;
	}
	const local = boxMean(integral(gray, width, height), width, height, Math.max(6, Math.round(side / 60)));
	for (let i = 0; i < size; i++) {
		const value = Math.min(255, (255 * gray[i]!) / Math.max(local[i]!, 1));
		pixels[i * 4] = pixels[i * 4 + 1] = pixels[i * 4 + 2] = value;
	}
}
