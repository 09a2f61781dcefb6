/**
 * Text as Postgres can store it. `text` and `jsonb` refuse NUL (SQLSTATE 22P05) and a lone UTF-16
 * surrogate (22P02: JSON's "\ud800" is no character), and one such character fails a whole push
 * (https://www.postgresql.org/docs/current/datatype-json.html). A QR code, a contacts file or a
 * backup can hold both, so text from outside is cleaned where it comes in.
 */

// A surrogate pair (kept), or a surrogate on its own (replaced). No lookbehind: older Safari lacks it.
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** Replaces each lone surrogate with U+FFFD (�), as a decoder does with a broken character. */
export function wellFormed(text: string): string {
	return text.replace(SURROGATES, (found) => (found.length === 2 ? found : '\uFFFD'));
}

/** Text Postgres can store: lone surrogates replaced, NUL removed, nothing else touched. */
export function storableText(text: string): string {
	return wellFormed(text).replaceAll('\u0000', '');
}

// C0 controls other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- these control characters are what we remove
const C0_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * A scanned code's text as kept with the conversation: storable, and without the control
 * characters that mean nothing to a reader (tab, line feed and carriage return stay).
 */
export function scannedText(text: string): string {
	return wellFormed(text).replace(C0_CONTROLS, '');
}

/** At most `max` UTF-16 units of `text`, never cutting a character made of two in half. */
export function sliceText(text: string, max: number): string {
	const cut = text.slice(0, max);
	return /[\uD800-\uDBFF]$/.test(cut) && /^[\uDC00-\uDFFF]/.test(text.slice(max)) ? cut.slice(0, -1) : cut;
}

/** Every string in a JSON value made storable (a restored backup), keys included. */
export function storableJson(value: unknown): unknown {
	if (typeof value === 'string') return storableText(value);
	if (Array.isArray(value)) return value.map(storableJson);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableJson(v)]));
	return value;
}
