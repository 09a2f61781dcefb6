import { sliceText, wellFormed } from './storable';

/**
 * Text that came from outside (a scanned code, a file) is shown as text only. These helpers remove
 * what could still mislead a reader: bidirectional overrides that reverse a name (an RLO character turning "exe.png" into "gnp.exe"),
 * control characters, and links with schemes other than http(s).
 */

// Bidi embeddings/overrides/isolates, LRM/RLM/ALM, and C0/C1 controls other than tab and newline.
const UNSAFE_CHARS =
	// eslint-disable-next-line no-control-regex -- these control characters are what we remove
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * Removes bidi controls and control characters, keeping tabs and newlines, and replaces lone
 * surrogates with U+FFFD: what is left can be stored (see storable.ts).
 */
export function stripUnsafeChars(text: string): string {
	return wellFormed(text).replace(UNSAFE_CHARS, '');
}

/** One display line: unsafe characters removed, whitespace collapsed, trimmed and length-capped. */
export function cleanLine(text: string, maxLength = 200): string {
	return sliceText(stripUnsafeChars(text).replace(/\s+/g, ' ').trim(), maxLength);
}

/** Multi-line text (a note): unsafe characters removed, line endings unified, trimmed. */
export function cleanMultiline(text: string, maxLength = 20_000): string {
	return sliceText(stripUnsafeChars(text.replace(/\r\n?/g, '\n')).trim(), maxLength);
}

/**
 * Returns the text unchanged (trimmed) when it is an absolute http(s) URL, otherwise null,
 * so `javascript:`, `data:` and friends can never become a link.
 */
export function safeHttpUrl(text: string): string | null {
	const candidate = cleanLine(text, 2048);
	if (!/^https?:\/\//i.test(candidate)) return null;
	try {
		const url = new URL(candidate);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		if (!url.hostname) return null;
		return candidate;
	} catch {
		return null;
	}
}
