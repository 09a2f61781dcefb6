/**
 * Tolerant reading of vCard text as it arrives from QR codes: any line ending, folded lines,
 * vCard 2.1 quoted-printable soft breaks and charsets, bare 2.1 parameters (`TEL;CELL`), and
 * payloads cut off before END:VCARD. Produces clean content lines for ical.js to parse.
 */

export interface ContentLine {
	/** Upper-cased property name without its group prefix (`item1.EMAIL` → `EMAIL`). */
	name: string;
	/** `NAME;PARAM=VALUE:value` with 2.1 peculiarities translated to 3.0/4.0 syntax. */
	line: string;
}

const QP_PARAM = /;(?:ENCODING=)?QUOTED-PRINTABLE(?=[;:])/i;

/** Splits into logical lines: CRLF/LF/CR, RFC folding (leading space or tab), QP soft breaks. */
export function unfoldLines(text: string): string[] {
	const physical = text.split(/\r\n|\r|\n/);
	const logical: string[] = [];
	for (const line of physical) {
		const previous = logical.length - 1;
		if (previous >= 0 && QP_PARAM.test(logical[previous]!) && logical[previous]!.endsWith('=')) {
			// Quoted-printable soft break: the next line continues the value as it is.
			logical[previous] = logical[previous]!.slice(0, -1) + line;
		} else if ((line.startsWith(' ') || line.startsWith('\t')) && previous >= 0) {
			logical[previous] += line.slice(1);
		} else {
			logical.push(line);
		}
	}
	return logical.filter((line) => line.trim() !== '');
}

function decodeQuotedPrintable(value: string, charset: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < value.length; i++) {
		const hex = value.slice(i + 1, i + 3);
		if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else {
			const code = value.charCodeAt(i);
			if (code < 0x80) bytes.push(code);
			else bytes.push(...new TextEncoder().encode(value[i]));
		}
	}
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(charset || 'utf-8');
	} catch {
		decoder = new TextDecoder('utf-8');
	}
	return decoder.decode(new Uint8Array(bytes));
}

/** Index of the colon that ends the property head, skipping colons inside quoted parameters. */
function headEnd(line: string): number {
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		if (line[i] === '"') quoted = !quoted;
		else if (line[i] === ':' && !quoted) return i;
	}
	return -1;
}

/**
 * Rewrites one logical line into 3.0/4.0 syntax, or returns null for lines that carry nothing
 * we read (binary photos, sounds, malformed heads).
 */
export function normaliseContentLine(logical: string, version: string): ContentLine | null {
	const colon = headEnd(logical);
	if (colon <= 0) return null;
	const [rawName = '', ...rawParams] = logical.slice(0, colon).split(';');
	const name = rawName
		.replace(/^[^.]*\./, '')
		.trim()
		.toUpperCase();
	if (!/^[A-Z][A-Z0-9-]*$/.test(name)) return null;

	let value = logical.slice(colon + 1);
	let encoding = '';
	let charset = '';
	const params: string[] = [];
	for (const param of rawParams) {
		const eq = param.indexOf('=');
		const key = (eq < 0 ? '' : param.slice(0, eq)).trim().toUpperCase();
		const paramValue = (eq < 0 ? param : param.slice(eq + 1)).trim();
		if (!paramValue) continue;
		if (key === 'ENCODING' || (!key && /^(QUOTED-PRINTABLE|BASE64|B|8BIT|7BIT)$/i.test(paramValue))) {
			encoding = paramValue.toUpperCase();
		} else if (key === 'CHARSET') {
			charset = paramValue.replace(/"/g, '');
		} else if (!key) {
			params.push(`TYPE=${paramValue}`);
		} else if (/^[A-Z][A-Z0-9-]*$/.test(key)) {
			params.push(`${key}=${paramValue}`);
		}
	}
	if (encoding === 'BASE64' || encoding === 'B') return null;
	if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset);
	// vCard 2.1 has no comma escaping: a comma there is a literal comma.
	if (version === '2.1') value = value.replace(/\\(?![;\\])/g, '\\\\').replace(/,/g, '\\,');
	return { name, line: [name, ...params].join(';') + ':' + value };
}
