import { describe, expect, it } from 'vitest';
import { qrOptions } from '$lib/adapters/qr/qr-options';
import { DEFAULT_STYLE } from '$lib/domain/card/my-card';

describe('qrOptions', () => {
	it('uses error correction H only when a picture covers part of the code', () => {
		expect(qrOptions('x', DEFAULT_STYLE, 300).qrOptions?.errorCorrectionLevel).toBe('M');
		const withLogo = qrOptions('x', { ...DEFAULT_STYLE, image: 'data:image/png;base64,AAAA' }, 300);
		expect(withLogo.qrOptions?.errorCorrectionLevel).toBe('H');
		expect(withLogo.image).toBe('data:image/png;base64,AAAA');
	});

	it('applies the chosen colours and dot style', () => {
		const options = qrOptions('x', { dots: 'classy', foreground: '#112233', background: '#fafafa', image: null }, 240);
		expect(options.dotsOptions).toEqual({ type: 'classy', color: '#112233' });
		expect(options.backgroundOptions).toEqual({ color: '#fafafa' });
		expect(options.width).toBe(240);
	});
});
