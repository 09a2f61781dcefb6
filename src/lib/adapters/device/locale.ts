import type { CountryCode } from 'libphonenumber-js/min';

/** The user's region from the browser language (en-GB → GB), for phone numbers typed without +. */
export function defaultRegion(): CountryCode | undefined {
	try {
		const region = new Intl.Locale(navigator.language).maximize().region;
		return region && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined;
	} catch {
		return undefined;
	}
}
