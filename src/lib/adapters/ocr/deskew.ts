/** The dark pixels (text) of a gray picture, as x, y pairs, at most every `step`-th pixel each way. */
function darkPoints(gray: ArrayLike<number>, width: number, height: number, step: number): Float32Array {
	const points: number[] = [];
	for (let y = 0; y < height; y += step)
		for (let x = 0; x < width; x += step) if (gray[y * width + x]! < 140) points.push(x, y);
	return Float32Array.from(points);
}

/** How sharply the points fall into rows when the picture is turned by `degrees`: high when lines are level. */
function rowScore(points: Float32Array, degrees: number, rows: Float64Array, step: number): number {
	const sin = Math.sin((degrees * Math.PI) / 180);
	const cos = Math.cos((degrees * Math.PI) / 180);
	const top = rows.length / 2;
	rows.fill(0);
	for (let i = 0; i < points.length; i += 2) {
		// Rows as tall as the sampling step: finer, the level picture would score high for the grid alone.
		const row = Math.round((points[i + 1]! * cos - points[i]! * sin) / step) + top;
		rows[row]!++;
	}
	let score = 0;
	for (const count of rows) score += count * count;
	return score;
}

/**
 * The angle in degrees (clockwise, as a canvas turns) by which the lines of text in a gray picture
 * (dark text on white, see evenOut) slope down to the right, between -25° and 25°: a card photographed
 * at a slant. Found as the angle at which the dark pixels fall most sharply into rows.
 */
export function skewAngle(gray: ArrayLike<number>, width: number, height: number): number {
	const step = Math.max(1, Math.round(Math.max(width, height) / 700));
	const points = darkPoints(gray, width, height, step);
	if (points.length < 200) return 0;
	const rows = new Float64Array(2 * Math.ceil((width + height) / step) + 4);
	const score = (degrees: number) => rowScore(points, degrees, rows, step);
	let best = 0;
	let bestScore = score(0);
	for (let degrees = -25; degrees <= 25; degrees++) {
		const s = score(degrees);
		if (s > bestScore) [best, bestScore] = [degrees, s];
	}
	const coarse = best;
	for (let degrees = coarse - 0.8; degrees <= coarse + 0.8; degrees += 0.2) {
		const s = score(degrees);
		if (s > bestScore) [best, bestScore] = [degrees, s];
	}
	return Math.round(best * 10) / 10;
}
