/** A subject line longer than this is cut by mail apps (RFC 5322's recommended line length). */
export const MAX_SUBJECT = 78;

/**
 * The last pass over a drafted text: one space between words, no space before punctuation, no
 * word written twice in a row ("Send Send", "the the"), no ellipsis.
 */
export function tidyMessage(text: string): string {
	return text
		.split('\n')
		.map((line) =>
			line
				.replace(/\.{3,}|…/g, '')
				.replace(/[ \t]+/g, ' ')
				.replace(/\s+([,.:;!?])/g, '$1')
				.replace(/\b(\p{L}+)(\s+\1\b)+/giu, '$1')
				.replace(/([.!?])\.+/g, '$1')
				.replace(/:\s*\./g, '.')
				.trim()
		)
		.join('\n');
}
