import QRCodeStyling, { type Options } from 'qr-code-styling';
import type { QrStyle } from '$lib/domain/card/my-card';

/** qr-code-styling options for the card: error correction H when an image covers part of the code. */
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

/** A styled QR code drawn into an element, updatable in place. */
export class StyledQr {
	private readonly qr: QRCodeStyling;

	constructor(container: HTMLElement, data: string, style: QrStyle, size: number) {
		this.qr = new QRCodeStyling(qrOptions(data, style, size));
		container.replaceChildren();
		this.qr.append(container);
	}

	update(data: string, style: QrStyle, size: number): void {
		this.qr.update(qrOptions(data, style, size));
	}

	/** The code as a PNG or SVG file. */
	async blob(extension: 'png' | 'svg'): Promise<Blob> {
		const data = await this.qr.getRawData(extension);
		if (!data) throw new Error('The QR code could not be exported.');
		return data instanceof Blob
			? data
			: new Blob([new Uint8Array(data)], { type: extension === 'png' ? 'image/png' : 'image/svg+xml' });
	}
}
