import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import QRCode from 'qrcode';

const run = promisify(execFile);

/** A scratch directory for one test's files. */
export function scratchDir(prefix = 'enc-e2e-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Turns a picture into a 640×480, 15 fps .y4m video for Chromium's fake camera. The picture wobbles
 * a little and carries noise in every frame: a perfectly still frame is either always or never
 * decodable depending on how modules fall on the pixel grid, which would make tests flaky.
 * The picture is fitted into `box` (400×400 by default); a wide box keeps the bars of a 1D
 * barcode readable.
 */
export async function imageToY4m(
	imagePath: string,
	outPath: string,
	seconds = 3,
	box = { width: 400, height: 400 }
): Promise<string> {
	const filter = [
		`scale=${box.width}:${box.height}:force_original_aspect_ratio=decrease:flags=neighbor`,
		'pad=640:480:(ow-iw)/2:(oh-ih)/2:white',
		"rotate='0.035*sin(2*PI*t)':fillcolor=white",
		'noise=alls=8:allf=t',
		'format=yuv420p'
	].join(',');
	return pictureToY4m(imagePath, filter, outPath, seconds);
}

/**
 * A still picture looped for `seconds` through an ffmpeg filter (`-vf`) into a 15 fps .y4m video for
 * Chromium's fake camera; the filter decides the framing, wobble and noise.
 */
export async function pictureToY4m(picture: string, filter: string, outPath: string, seconds = 3): Promise<string> {
	await run('ffmpeg', [
		'-y',
		'-loglevel',
		'error',
		'-loop',
		'1',
		'-i',
		picture,
		'-vf',
		filter,
		'-r',
		'15',
		'-t',
		String(seconds),
		outPath
	]);
	return outPath;
}

/** A fake-camera video showing a plain QR code of the given text. */
export async function qrTextToY4m(text: string, dir: string, name = 'qr'): Promise<string> {
	const png = join(dir, `${name}.png`);
	writeFileSync(png, await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, width: 400 }));
	return imageToY4m(png, join(dir, `${name}.y4m`));
}

/** A fake-camera video of a plain grey picture with no code in it. */
export async function blankY4m(dir: string): Promise<string> {
	const out = join(dir, 'blank.y4m');
	await run('ffmpeg', [
		'-y',
		'-loglevel',
		'error',
		'-f',
		'lavfi',
		'-i',
		'color=c=gray:s=640x480:r=15',
		'-t',
		'1',
		'-pix_fmt',
		'yuv420p',
		out
	]);
	return out;
}
