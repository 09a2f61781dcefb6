import { describe, expect, it } from 'vitest';
import { formatPhone } from '$lib/domain/contact/phone-display';

describe('formatPhone', () => {
	it('writes a number of the device’s own region in its national format', () => {
		expect(formatPhone('+4930123456', 'DE')).toBe('030 123456');
		expect(formatPhone('+12025550100', 'US')).toBe('(202) 555-0100');
		expect(formatPhone('+442079460958', 'GB')).toBe('020 7946 0958');
	});

	it('keeps the country code of a number from elsewhere', () => {
		expect(formatPhone('+4930123456', 'US')).toBe('+49 30 123456');
		// Canada shares +1 with the US: still another country, so still international.
		expect(formatPhone('+14165550123', 'US')).toBe('+1 416 555 0123');
		expect(formatPhone('+2348035550142')).toBe('+234 803 555 0142');
	});

	it('leaves what is not a stored phone number as it is', () => {
		expect(formatPhone('')).toBe('');
		expect(formatPhone('call me', 'DE')).toBe('call me');
		expect(formatPhone('+12', 'DE')).toBe('+12');
	});
});
