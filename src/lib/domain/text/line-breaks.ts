/**
 * One kind of line break inside the app. Files from outside (a backup, a contacts file, a pasted
 * text) can end lines with CRLF, LF or a bare CR, and every reader of .vcf, .ics and CSV files takes
 * each of them as the end of a line: a value holding a bare CR that a writer lets through writes
 * lines of its own, such as a whole contact. So text is unified where it comes in, and writers
 * escape (or quote) every kind.
 */

const BREAK = /\r\n?/g;

/** CRLF and a bare CR as LF, the one line break the app keeps. */
export function unifyLineBreaks(text: string): string {
	return text.replace(BREAK, '\n');
}

/** Text that is one line (a name, a phone number, a link): each line break as a space. */
export function oneLine(text: string): string {
	return text.replace(/\r\n|[\r\n]/g, ' ');
}
