import { emptyFields, type ParsedPayload } from '$lib/domain/contact/types';
import { defaultRegion } from './device';

// Reading a code parses vCards (ical.js), phone numbers (libphonenumber-js) and share links
// (fflate): loaded when a code has been read, not with the scan screen and its camera.
const reader = () => import('$lib/domain/contact/parse-payload');

/** What a scanned code says about a person, phone numbers read in the user's region. */
export async function readScannedCode(text: string): Promise<ParsedPayload> {
	const { parseBadgePayload } = await reader();
	return parseBadgePayload(text, { defaultCountry: defaultRegion() });
}

/** Nothing scanned: the person types the details in. */
export function nothingScanned(): ParsedPayload {
	return { kind: 'empty', fields: emptyFields(), suggestions: {}, needsName: true, warnings: [], raw: '' };
}
