import { draftFromScan } from '$lib/domain/capture/capture-draft';
import type { Symbology } from '$lib/domain/contact/symbology';
import { emptyFields, type ParsedPayload } from '$lib/domain/contact/types';
import { app, newId } from './app';
import { defaultRegion } from './device';

// Reading a code parses vCards (ical.js), phone numbers (libphonenumber-js) and share links
// (fflate): loaded when a code has been read, not with the scan screen and its camera; the same
// for the store that keeps the scan as a draft.
const reader = () => import('$lib/domain/contact/parse-payload');

/** What a scanned code says about a person, phone numbers read in the user's region. */
export async function readScannedCode(text: string, symbology?: Symbology): Promise<ParsedPayload> {
	const { parseBadgePayload } = await reader();
	return parseBadgePayload(text, { defaultCountry: defaultRegion(), symbology });
}

/** Nothing scanned: the person types the details in. */
export function nothingScanned(): ParsedPayload {
	return { kind: 'empty', fields: emptyFields(), suggestions: {}, needsName: true, warnings: [], raw: '' };
}

/**
 * Keeps what was scanned as a new draft at the current event, and returns its id for the note
 * screen. The capture store loads here, with the first scan, not with the camera.
 */
export async function keepAsDraft(parsed: ParsedPayload): Promise<string> {
	const [{ captureStore }, eventId] = await Promise.all([import('./capture'), app().settings.currentEventId()]);
	const draft = draftFromScan(parsed, { id: newId(), now: Date.now(), eventId });
	await captureStore().saveDraft(draft);
	return draft.id;
}
