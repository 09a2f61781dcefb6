// The fake-camera videos of `npm run bench:scan-robust`: one badge QR code (a vCard) filmed under
// the conditions a phone meets at an event, each as a 640×480, 15 fps .y4m video that wobbles and
// carries noise from frame to frame like tests/support/video.ts imageToY4m's (a still frame would
// be either always or never readable).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { pictureToY4m } from '../support/video';

export interface Condition {
	name: string;
	/** How the code looks, in words, for the printed table. */
	what: string;
	/** ffmpeg filters on the code picture before it is placed in the frame. */
	code?: string[];
	/** The code's side in the 640×480 frame, in pixels (400 unless said). */
	side?: number;
	/** ffmpeg filters on the whole frame, after the wobble. */
	frame?: string[];
	/** Frame noise strength (ffmpeg noise alls); 8 unless said. */
	noise?: number;
}

// The code spans x 120…520, y 40…440 of the frame at its usual size. Blur, glare, low light and
// noise are set near the edge of what the scanner reads (on single frames: blur σ 3.8 is read in 14
// of 15 frames, σ 4 in 4, σ 4.2 in none), so the figures move when the scanner gets better or worse.
export const CONDITIONS: Condition[] = [
	{ name: 'clean', what: 'the control: 400 px code, slight wobble and noise' },
	{ name: 'blur', what: 'out of focus: Gaussian blur σ 4 px (a module is 6 px)', frame: ['gblur=sigma=4'] },
	{
		name: 'glare',
		what: 'light on a glossy badge: a white blob, σ 100 px, washing out a quarter of the code',
		frame: ["geq=lum='min(255,lum(X,Y)+255*exp(-(pow(X-360,2)+pow(Y-260,2))/(2*100*100)))':cb='cb(X,Y)':cr='cr(X,Y)'"]
	},
	{
		name: 'perspective 30°',
		what: 'the badge turned 30° away: 0.87 as wide, the far edge 0.8 as tall',
		frame: ['perspective=x0=42:y0=0:x1=598:y1=48:x2=42:y2=480:x3=598:y3=432:sense=destination']
	},
	{
		name: 'low light',
		what: 'a dim hall: brightness ×0.08 (white at 36 of 255, black at 16), noise 12',
		frame: ["lutyuv=y='16+val*0.08'"],
		noise: 12
	},
	{ name: 'noise', what: 'heavy sensor noise: ffmpeg noise 100 (its most) per frame', noise: 100 },
	{ name: 'small (15%)', what: 'the code fills 15% of the frame: 215 px of 640×480', side: 215 },
	{ name: 'inverted', what: 'light modules on a dark ground', code: ['negate'] }
];

/** The video of `text` as a QR code (error correction M, as printed badges use) under `condition`. */
export async function conditionVideo(text: string, condition: Condition, dir: string, seconds = 4): Promise<string> {
	const slug = condition.name.replace(/[^a-z0-9]+/gi, '-');
	const png = join(dir, `${slug}.png`);
	writeFileSync(png, await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, width: 400 }));
	const side = condition.side ?? 400;
	const filter = [
		...(condition.code ?? []),
		`scale=${side}:${side}:flags=neighbor`,
		'pad=640:480:(ow-iw)/2:(oh-ih)/2:white',
		"rotate='0.035*sin(2*PI*t)':fillcolor=white",
		'format=yuv420p',
		...(condition.frame ?? []),
		`noise=alls=${condition.noise ?? 8}:allf=t`,
		'format=yuv420p'
	].join(',');
	return pictureToY4m(png, filter, join(dir, `${slug}.y4m`), seconds);
}
