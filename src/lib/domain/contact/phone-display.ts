import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * A stored phone number (E.164) as people write it: the national format ("030 123456") when the
 * number belongs to the device's region, the international one ("+49 30 123456") otherwise, so a
 * number from abroad keeps its country code. Text that is not a phone number comes back unchanged.
 */
export function formatPhone(phone: string, region?: CountryCode): string {
	const parsed = /^\+\d{4,16}$/.test(phone) ? parsePhoneNumberFromString(phone) : undefined;
	if (!parsed) return phone;
	return region && parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}
