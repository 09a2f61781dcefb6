import { draftFromScan, type CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { Symbology } from '$lib/domain/contact/symbology';
import { emptyFields, type ParsedPayload } from '$lib/domain/contact/types';
import { newId } from './app';
import { eventForNewContacts } from './current-event';
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
 * The form "Type it instead" opens, with the id in its address: a draft that is stored only once
 * something is typed in it, at the current event.
 */
export async function typedDraft(id: string): Promise<CaptureDraft> {
	const now = Date.now();
	return draftFromScan(nothingScanned(), { id, now, eventId: await eventForNewContacts(now) });
}

/**
 * Keeps what was scanned as a new draft at the current event, and returns its id for the note
 * screen. The capture store loads here, with the first scan, not with the camera. Once `signal` has
 * aborted (the person left the scan screen while the store loaded), nothing is stored: it rejects
 * with an AbortError.
 */
export async function keepAsDraft(parsed: ParsedPayload, signal?: AbortSignal): Promise<string> {
	const now = Date.now();
	const [{ captureStore }, eventId] = await Promise.all([import('./capture'), eventForNewContacts(now)]);
	signal?.throwIfAborted();
	const draft = draftFromScan(parsed, { id: newId(), now, eventId });
	await captureStore().saveDraft(draft);
	return draft.id;
}

// The camera frame a badge's code was read from, by draft: a badge whose code is only an id has the
// person's name printed beside it, which "Read the name" reads. Kept in memory only.
const frames = new Map<string, HTMLCanvasElement>();

/** Keeps the frame the code of draft `id` was read from. */
export function keepFrame(id: string, frame: HTMLCanvasElement): void {
	frames.clear();
	frames.set(id, frame);
}

/** The frame the code of draft `id` was read from, if this tab still has it. */
export function frameOf(id: string): HTMLCanvasElement | null {
	return frames.get(id) ?? null;
}
