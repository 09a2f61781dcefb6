import type { Options } from 'qr-code-styling';
import type { QrStyle } from '$lib/domain/card/my-card';

/**
 * qr-code-styling options for the card. Error correction H when a picture covers the middle of the
 * code (it hides up to ~30 % of it), M otherwise, which keeps the code smaller and easier to read.
 */
export function qrOptions(data: string, style: QrStyle, size: number, type: 'svg' | 'canvas' = 'svg'): Options {
	return {
		type,
		width: size,
		height: size,
		data,
		margin: Math.round(size / 25),
		image: style.image ?? undefined,
		qrOptions: { errorCorrectionLevel: style.image ? 'H' : 'M' },
		dotsOptions: { type: style.dots, color: style.foreground },
		cornersSquareOptions: { type: style.dots === 'dots' ? 'dot' : 'extra-rounded', color: style.foreground },
		cornersDotOptions: { color: style.foreground },
		backgroundOptions: { color: style.background },
		imageOptions: { hideBackgroundDots: true, imageSize: 0.35, margin: 4, crossOrigin: 'anonymous' }
	};
}
