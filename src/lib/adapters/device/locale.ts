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

/** The browser's language, as a two-letter code ("de-AT" → "de"). */
export function deviceLanguage(): string {
	try {
		return new Intl.Locale(navigator.language).language;
	} catch {
		return 'en';
	}
}

/** The device's time zone ("Europe/Berlin"), UTC when the browser does not say. */
export function deviceTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
