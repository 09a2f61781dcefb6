import QRCodeStyling from 'qr-code-styling';
import type { QrStyle } from '$lib/domain/card/card-model';
import { qrOptions } from './qr-options';

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
