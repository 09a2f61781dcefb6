import type { CountryCode } from 'libphonenumber-js/min';
import { safeHttpUrl } from '../text/display';
import { normaliseEmail, normalisePhone } from './fields';

// Labels printed before a value ("T: +44…", "Email: …", "W: www…"), and what OCR makes of the
// small icons some cards print instead (✆ ✉ ⌂ come back as ©, &, @, », a stray letter…).
const LABEL =
	/^(?:(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|cell|e-?mail|mail|web(?:site)?|url|linkedin)\s*[:.|/]?\s+|(?:tel(?:ephone)?|phone|mob(?:ile)?|cell|e-?mail|web(?:site)?|url)\s*:\s*|[mtpew](?::|\.(?=\s)|\s*\|)\s*|[^\p{L}\p{N}+(]{1,3}\s+|[©®&@»«=*~•·]\s*)/iu;
const FAX = /^\s*(?:f|fax)\s*[:.]/i;

/** The line without the label or icon printed before its value. */
export function stripLabel(text: string): string {
	let value = text.trim();
	for (let i = 0; i < 2; i++) value = value.replace(LABEL, '').trim();
	return value;
}

/**
 * An email address in a line of OCR text, or null. Reads past what OCR does to addresses: spaces
 * around "@" or ".", "(at)", a comma for a dot, a "©" or "®" for "@", 0 for o and 1 for l in the
 * domain's last part, a full stop after the address.
 */
export function findEmail(line: string): string | null {
	let text = stripLabel(line)
		.replace(/\s*(?:\(at\)|\[at\])\s*/gi, '@')
		.replace(/\s*[©®]\s*/g, '@')
		.replace(/\s*@\s*/g, '@')
		.replace(/\s*_\s*/g, '_')
		// Two "@": the first was a 0 ("farouk@l@" for "farouk01@").
		.replace(/@(?=[^@\s]{0,3}@)/g, '0')
		.replace(/\s*\.\s*(?=[a-z])/gi, '.')
		.replace(/,(?=[a-z]{2,}\b)/gi, '.');
	if (!text.includes('@')) return null;
	// OCR often reads the "_" or "." in "radia_borg@" as a space: a short word just before the
	// address is taken as part of it, joined by the mark that fits (a dot after an initial).
	text = text.replace(
		/^(\p{L}{1,12}) ([\p{L}\p{N}._%+'-]+@)/u,
		(_, head: string, tail: string) => `${head}${head.length === 1 ? '.' : '_'}${tail}`
	);
	const match = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}\p{N}]{2,}/u.exec(text);
	if (!match) return null;
	text = match[0].replace(/\.+$/, '');
	const at = text.lastIndexOf('@');
	const domain = text
		.slice(at + 1)
		.replace(/\.([a-z0-9]+)$/i, (_, tld: string) => '.' + tld.replace(/0/g, 'o').replace(/1/g, 'l'));
	// "0l" for "01" next to digits in the local part (name.surname01@…).
	const local = text
		.slice(0, at)
		.replace(/(?<=\d)[lI]|[lI](?=\d)/g, '1')
		.replace(/(?<=\d)[oO]|[oO](?=\d)/g, '0');
	return normaliseEmail(local + '@' + domain);
}

/** OCR's usual digit mix-ups inside a run that is otherwise a phone number. */
function digitsFromOcr(text: string): string {
	return text
		.replace(/[Oo]/g, '0')
		.replace(/[lI|!]/g, '1')
		.replace(/[Ss](?=\d)/g, '5')
		.replace(/B(?=\d)/g, '8');
}

/**
 * A phone number in a line of OCR text, in E.164 form, or null. A fax number is not a phone to call;
 * a line with an "@" or a street address is left alone.
 */
export function findPhone(line: string, defaultCountry?: CountryCode): string | null {
	const value = stripLabel(line);
	if (FAX.test(line) || value.includes('@')) return null;
	const run = /\+?[\d(][\dOoIl|!SB ().\-/]{5,}[\dO]/.exec(value)?.[0];
	if (!run) return null;
	const digits = digitsFromOcr(run).replace(/\(0\)/g, '');
	if (digits.replace(/\D/g, '').length < 7) return null;
	// Letters left around the number (a street, a postcode) mean this is not a phone line.
	const rest = value.replace(run, '').replace(/[^\p{L}]/gu, '');
	if (rest.length > 3) return null;
	return normalisePhone(digits, defaultCountry);
}

const DOMAIN = /\b((?:https?:\/\/)?(?:www[.,])?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[\w\-./%]*)?)/i;

/** A LinkedIn profile in a line ("linkedin.com/in/ada", "in/ada"), as an https address, or null. */
export function findLinkedIn(line: string): string | null {
	const match = /linked\s*in\.?c[o0]m\/(in|company)\/([\w-]+)/i.exec(line.replace(/\s+\/\s*/g, '/'));
	if (!match) return null;
	return safeHttpUrl(`https://www.linkedin.com/${match[1]!.toLowerCase()}/${match[2]!.toLowerCase()}`);
}

/** A website in a line ("www.x.com", "W: x.io/team", "https://x.com"), as an https address, or null. */
export function findWebsite(line: string): string | null {
	if (line.includes('@') || /linked\s*in/i.test(line)) return null;
	const value = stripLabel(line)
		.replace(/\s*([./])\s*/g, '$1')
		.replace(/^\S*?(?=www[.,])/i, '');
	const match = DOMAIN.exec(value);
	if (!match) return null;
	const address = match[1]!.replace(/^www,/i, 'www.').replace(/[.,/]+$/, '');
	// Plain words with a dot ("Inc.", "St.") are not addresses: ask for www, a scheme or a known ending.
	if (
		!/^(https?:\/\/|www\.)/i.test(address) &&
		!/\.(com|org|net|io|co|de|eu|uk|media|studio|example|dev|app|ai)\b/i.test(address)
	)
		return null;
	return safeHttpUrl(/^https?:\/\//i.test(address) ? address.toLowerCase() : `https://${address.toLowerCase()}`);
}
