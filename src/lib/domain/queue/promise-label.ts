/**
 * A promise as a list or a question shows it: one line, starting with a capital, as a to-do
 * ("Send Tom a talk abstract"), never dropped into a frame ("Did you send Send Tom…?").
 */
export function promiseLabel(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.charAt(0).toLocaleUpperCase() + line.slice(1);
}
