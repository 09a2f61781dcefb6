import { findPhoneNumbersInText, getCountries, type CountryCode } from 'libphonenumber-js/min';
import { safeHttpUrl } from '../text/display';
import { normaliseEmail, normalisePhone } from './fields';

// Labels printed before a value ("T: +44…", "Email: …", "W: www…"), and what OCR makes of the
// small icons some cards print instead (✆ ✉ ⌂ come back as ©, &, @, », a stray letter…).
const LABEL =
	/^(?:(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|cell|e-?mail|mail|web(?:site)?|url|linkedin)\s*[:.|/]?\s+|(?:tel(?:ephone)?|phone|mob(?:ile)?|cell|e-?mail|web(?:site)?|url)\s*:\s*|[mtpew](?::|\.(?=\s)|\s*\|)\s*|[^\p{L}\p{N}+(]{1,3}\s+|[©®&@»«=*~•·]\s*)/iu;
const FAX = /^\s*(?:f|fax)\s*[:.]/i;

/** The line without the label or icon printed before its value (in any of the languages of PHONE_WORD, OTHER_WORD). */
export function stripLabel(text: string): string {
	let value = text.trim();
	for (let i = 0; i < 2; i++) {
		const word = WORD_LABEL.exec(unaccented(value));
		value = (word ? value.slice(word[0].length) : value).replace(LABEL, '').trim();
	}
	return value;
}

/** Country endings of web and email addresses: every region libphonenumber knows, and uk, eu. */
const COUNTRY = new Set([...getCountries().map((c) => c.toLowerCase()), 'uk', 'eu']);
const isCountry = (ending: string) => COUNTRY.has(ending.toLowerCase());

/**
 * A domain with no dot left, ending in the card's country ("dunavsoftrs" read on a Serbian card,
 * "coralcoastsurveycomau"): the dot OCR lost before the ending put back. Otherwise as it is.
 */
function withCountryDot(domain: string, country?: CountryCode): string {
	if (!country || domain.includes('.')) return domain;
	const end = country === 'GB' ? 'uk' : country.toLowerCase();
	const match = new RegExp(`^([a-z0-9-]{3,}?)(com|co|org|net)?(${end})$`).exec(domain.toLowerCase());
	return match ? [match[1], match[2], match[3]].filter(Boolean).join('.') : domain;
}

/**
 * An email address in a line of OCR text, or null. Reads past what OCR does to addresses: spaces
 * around "@" or ".", "(at)", a comma for a dot, a "©" or "®" for "@", 0 for o and 1 for l in the
 * domain's last part, a full stop after the address.
 */
export function findEmail(line: string, country?: CountryCode): string | null {
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
	text = text.replace(/@([\p{L}\p{N}-]+)(?=$|[\s,;])/u, (_, domain: string) => '@' + withCountryDot(domain, country));
	// A dot before a country's ending read as a space, at the end of the line ("@casadigital ma",
	// "@orchidanalytics.com sg").
	text = text.replace(
		/(@[\p{L}\p{N}-]+(?:\.(?:com|co|org|net|gov|edu|ac))?)\s+([a-z]{2})\s*$/iu,
		(all, head: string, end: string) => (isCountry(end) ? `${head}.${end}` : all)
	);
	// OCR often reads the "_" or "." in "radia_borg@" as a space: a short word in small letters just
	// before the address is taken as part of it, joined by the mark that fits (a dot beside an
	// initial). A capitalised word there is a label ("Posta", "E") or a name, not the address.
	text = text.replace(
		/(^|\s)(\p{Ll}{1,12}) ([\p{L}\p{N}._%+'-]+@)/u,
		(_, before: string, head: string, tail: string) =>
			`${before}${head}${head.length === 1 || /^\p{L}@/u.test(tail) ? '.' : '_'}${tail}`
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

/** The text with accents taken off letter by letter, so it keeps its length (OCR drops them anyway). */
const unaccented = (text: string) =>
	text.replace(/[^ -~]/g, (ch) => {
		const base = ch.normalize('NFD')[0] ?? ch;
		return base < '\u0080' ? base : ch;
	});

// Words printed before a phone number on cards in a dozen languages (matched without accents:
// Tél., Teléfono, Móvil…), before the other fields (to split two fields on one line), and a fax.
const PHONE_WORD =
	'tel(?:ef(?:on(?:o|e)?|oon)|ephone)?|phone|ph|mob(?:il(?:e|iel)?|iel)?|movil|movel|handy|cel(?:l|ular|ulare|lulare)?|gsm|portable|kom|tlf|tfn|puh(?:elin)?|office|direct|fixo|fijo|fisso|cellphone';
const OTHER_WORD =
	'e-?mail|mail|correo(?: e(?:lectronico)?)?|c\\.?\\s?e|courriel|posta|e-?posta|e-?post|sahkoposti|correio|web(?:site|seite)?|site|sitio|sito|internet|url|hjemmeside|webbplats|verkkosivu';
const WORD_LABEL = new RegExp(`^(?:${PHONE_WORD}|${OTHER_WORD})\\.?(?:\\s*[:|/]\\s*|\\s+)(?=\\S)`, 'i');
const SEGMENT = new RegExp(
	`(?:^|(?<=\\s))(?:(fax|telefax)|(${PHONE_WORD})|(${OTHER_WORD}))\\.?(?:\\s*[:|/]\\s*|\\s+)(?=\\S)|(?:^|(?<=\\s))(?:([f])|([tmp])|([ew]))(?:\\s*[:.|]\\s*|\\s+)(?=[+(\\d]|\\S*@|www)`,
	'giu'
);

/**
 * The fields of one line, where it holds several ("M 010-9416-5072  E name@x.com", "Mobile … Office
 * …"): each piece after a label, with the label's kind ('fax', 'phone', 'other', or '' before any).
 */
function segments(line: string): { kind: string; text: string }[] {
	const folded = unaccented(line);
	const found: { kind: string; start: number; end: number }[] = [];
	for (const m of folded.matchAll(SEGMENT)) {
		const kind = m[1] || m[4] ? 'fax' : m[2] || m[5] ? 'phone' : 'other';
		found.push({ kind, start: m.index, end: m.index + m[0].length });
	}
	const out = [{ kind: '', text: line.slice(0, found[0]?.start ?? line.length) }];
	found.forEach((f, i) => out.push({ kind: f.kind, text: line.slice(f.end, found[i + 1]?.start ?? line.length) }));
	return out.filter((s) => s.text.trim());
}

/** A phone number in one field's text (its label gone), in E.164 form, or null. */
function phoneIn(text: string, defaultCountry?: CountryCode): string | null {
	const value = stripLabel(text);
	if (value.includes('@')) return null;
	const run = /\+?[\d(][\dOoIl|!SB ().\-/]{5,}[\dO]/.exec(value)?.[0];
	if (!run) return null;
	const digits = digitsFromOcr(run).replace(/\(0\)/g, '');
	if (digits.replace(/\D/g, '').length < 7) return null;
	// An international number behind a label OCR cut short ("obile +44 7401…"): valid as it is.
	const international = () =>
		digits.startsWith('+') ? (findPhoneNumbersInText(digits)[0]?.number.number ?? null) : null;
	// Letters left around the number (a street, a postcode) mean this is not a phone line.
	const rest = value.replace(run, '').replace(/[^\p{L}]/gu, '');
	if (rest.length > 3) return /\d{4,5}\s+\p{L}/u.test(value) ? null : international();
	// A "+" OCR took for a 4: the number read makes no sense, and with a "+" it is a valid one.
	if (/^4\d{9,}$/.test(digits.replace(/\D/g, '')) && !normalisePhone(digits, defaultCountry))
		return findPhoneNumbersInText('+' + digits.replace(/\D/g, '').slice(1))[0]?.number.number ?? null;
	return normalisePhone(digits, defaultCountry);
}

/**
 * A phone number in a line of OCR text, in E.164 form, or null: the first one in the line's fields
 * not labelled fax, email or website. A line with an "@" or a street address and nothing else is
 * left alone.
 */
export function findPhone(line: string, defaultCountry?: CountryCode): string | null {
	const fields = segments(line);
	if (FAX.test(line) && fields.length < 2) return null;
	for (const { kind, text } of fields) {
		if (kind === 'fax' || kind === 'other') continue;
		const phone = phoneIn(text, defaultCountry);
		if (phone) return phone;
	}
	return null;
}

const DOMAIN = /\b((?:https?:\/\/)?(?:www[.,])?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[\w\-./%]*)?)/i;

/** A LinkedIn profile in a line ("linkedin.com/in/ada", "in/ada"), as an https address, or null. */
export function findLinkedIn(line: string): string | null {
	const match = /linked\s*in\.?c[o0]m\/(in|company)\/([\w-]+)/i.exec(line.replace(/\s+\/\s*/g, '/'));
	if (!match) return null;
	return safeHttpUrl(`https://www.linkedin.com/${match[1]!.toLowerCase()}/${match[2]!.toLowerCase()}`);
}

/** A website in a line ("www.x.com", "W: x.io/team", "https://x.com"), as an https address, or null. */
export function findWebsite(line: string, country?: CountryCode): string | null {
	if (/linked\s*in/i.test(line)) return null;
	let value = stripLabel(line);
	// An "@" left is an address's, not an icon's.
	if (value.includes('@')) return null;
	// Printed as a website: after a label, www or a scheme.
	const written = value !== line.trim() || /^(https?:|www)/i.test(value);
	value = value
		.replace(/\s*([./])\s*/g, '$1')
		.replace(/^\S*?(?=www[.,])/i, '')
		// "www" run into the name ("wwwstudioverita.it").
		.replace(/^www(?=[a-z0-9][a-z0-9-]*\.[a-z])/i, 'www.');
	// The dot before a country's ending read as a space ("Site casadigital ma").
	if (written)
		value = value.replace(/^(\S*[a-z0-9])\s+([a-z]{2})$/i, (all, head: string, end: string) =>
			isCountry(end) ? `${head}.${end}` : all
		);
	const match = DOMAIN.exec(value);
	if (!match) return null;
	let address = match[1]!.replace(/^www,/i, 'www.').replace(/[.,/]+$/, '');
	let host = address
		.replace(/^https?:\/\//i, '')
		.replace(/^www\./i, '')
		.split('/')[0]!;
	// "www.talleresibanezes" on a Spanish card: the dot before the ending put back.
	const dotted = /^(https?:\/\/)?www\./i.test(address) ? withCountryDot(host, country) : host;
	if (dotted !== host) [address, host] = [address.replace(host, dotted), dotted];
	// Plain words with a dot ("Inc.", "St.", "M.Sc.") are not addresses: ask for www, a scheme, a
	// known ending, or a country's ending after a name of three letters or more.
	const labels = host.split('.');
	if (
		!/^(https?:\/\/|www\.)/i.test(address) &&
		!/\.(com|org|net|io|co|de|eu|uk|media|studio|example|dev|app|ai)\b/i.test(address) &&
		!(isCountry(labels.at(-1)!) && labels[0]!.length >= 3)
	)
		return null;
	return safeHttpUrl(/^https?:\/\//i.test(address) ? address.toLowerCase() : `https://${address.toLowerCase()}`);
}
