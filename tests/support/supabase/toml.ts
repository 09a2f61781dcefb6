// TEST TOOL: just enough TOML to read supabase/config.toml — tables (`[a.b]`), `key = value` with
// strings, numbers, booleans and (possibly multi-line) arrays of those, and `#` comments. Anything
// else is refused loudly, so a config.toml this reader misunderstands fails the tests instead of
// being read wrong.

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
	[key: string]: TomlValue;
}

/** Parses the subset of TOML that supabase/config.toml uses. */
export function parseToml(text: string): TomlTable {
	const root: TomlTable = {};
	let table = root;
	let pos = 0;
	const fail = (what: string): never => {
		const line = text.slice(0, pos).split('\n').length;
		throw new Error(`config.toml line ${line}: ${what}`);
	};
	const skipBlank = (newlines: boolean) => {
		for (;;) {
			const c = text[pos];
			if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) pos++;
			else if (c === '#') while (pos < text.length && text[pos] !== '\n') pos++;
			else return;
		}
	};
	const key = (): string[] => {
		const parts: string[] = [];
		for (;;) {
			skipBlank(false);
			if (text[pos] === '"') parts.push(basicString());
			else {
				const m = /^[A-Za-z0-9_-]+/.exec(text.slice(pos));
				if (!m) fail('expected a key');
				parts.push(m![0]);
				pos += m![0].length;
			}
			skipBlank(false);
			if (text[pos] !== '.') return parts;
			pos++;
		}
	};
	const basicString = (): string => {
		pos++; // opening quote
		let out = '';
		while (text[pos] !== '"') {
			if (pos >= text.length || text[pos] === '\n') fail('unterminated string');
			if (text[pos] === '\\') {
				const escape = text[pos + 1];
				const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
				if (escape && escape in simple) {
					out += simple[escape];
					pos += 2;
				} else if (escape === 'u') {
					out += String.fromCodePoint(parseInt(text.slice(pos + 2, pos + 6), 16));
					pos += 6;
				} else fail(`unsupported escape \\${escape}`);
			} else out += text[pos++];
		}
		pos++;
		return out;
	};
	const value = (): TomlValue => {
		skipBlank(false);
		const c = text[pos];
		if (c === '"') {
			if (text.startsWith('"""', pos)) fail('multi-line strings are not supported');
			return basicString();
		}
		if (c === "'") {
			const end = text.indexOf("'", pos + 1);
			if (end < 0) fail('unterminated string');
			const literal = text.slice(pos + 1, end);
			pos = end + 1;
			return literal;
		}
		if (c === '[') {
			pos++;
			const items: TomlValue[] = [];
			for (;;) {
				skipBlank(true);
				if (text[pos] === ']') {
					pos++;
					return items;
				}
				items.push(value());
				skipBlank(true);
				if (text[pos] === ',') pos++;
				else if (text[pos] !== ']') fail('expected , or ] in an array');
			}
		}
		const m = /^(true|false|[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(pos));
		if (!m) return fail('unsupported value');
		pos += m[0].length;
		if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
		return Number(m[0].replaceAll('_', ''));
	};
	const tableAt = (path: string[], from: TomlTable = root): TomlTable => {
		let t = from;
		for (const part of path) {
			const next = t[part] ?? (t[part] = {});
			if (typeof next !== 'object' || Array.isArray(next)) fail(`${path.join('.')} is not a table`);
			t = next as TomlTable;
		}
		return t;
	};

	for (;;) {
		skipBlank(true);
		if (pos >= text.length) return root;
		if (text[pos] === '[') {
			if (text[pos + 1] === '[') fail('arrays of tables are not supported');
			pos++;
			const path = key();
			if (text[pos] !== ']') fail('expected ]');
			pos++;
			table = tableAt(path);
		} else {
			const path = key();
			if (text[pos] !== '=') fail('expected =');
			pos++;
			tableAt(path.slice(0, -1), table)[path.at(-1)!] = value();
		}
		skipBlank(false);
		if (pos < text.length && text[pos] !== '\n') fail('expected the end of the line');
	}
}
