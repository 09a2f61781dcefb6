import { cleanLine } from '../text/display';

/** The most promises kept from one conversation; more than this is a to-do list, not a chat. */
export const MAX_PROMISES = 20;

/**
 * Cleans the promises typed after a conversation: each line or bullet is its own promise,
 * blanks and exact repeats dropped, each kept to one readable line.
 */
export function normalisePromises(entries: readonly string[]): string[] {
	const seen = new Set<string>();
	const result: string[] = [];
	for (const entry of entries.flatMap((e) => e.split(/\r?\n/))) {
		const text = cleanLine(entry.replace(/^\s*(?:[-*•·]|\d+[.)])\s+/, ''), 300);
		const key = text.toLowerCase();
		if (!text || seen.has(key)) continue;
		seen.add(key);
		result.push(text);
		if (result.length === MAX_PROMISES) break;
	}
	return result;
}
