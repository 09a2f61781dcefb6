import type { QrStyle } from '$lib/domain/card/card-model';
import type { StyledQr } from './styled-qr';

export type { StyledQr };

/**
 * Draws a styled QR code into `container`. qr-code-styling (and this wrapper) load with the first
 * code drawn, not with the screens around it.
 */
export async function drawStyledQr(
	container: HTMLElement,
	data: string,
	style: QrStyle,
	size: number
): Promise<StyledQr> {
	const { StyledQr } = await import('./styled-qr');
	return new StyledQr(container, data, style, size);
}
