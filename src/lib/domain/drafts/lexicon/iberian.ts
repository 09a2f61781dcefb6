import type { MessageParts } from './types';

/** Helpers Spanish and Portuguese share: both write accented words that JavaScript's \b does not see. */

const LETTER = String.raw`[\p{L}\p{N}_]`;
const BOUNDARY = `(?:(?<=${LETTER})(?!${LETTER})|(?<!${LETTER})(?=${LETTER}))`;

/**
 * A regex from a source written with \b, where \b is a boundary between letters (accented ones
 * included) and anything else: /\bprometí\b/ never matches in plain JavaScript, since í is no \w.
 */
export function words(source: string, flags = 'i'): RegExp {
	return new RegExp(source.replace(/\\b/g, BOUNDARY), `${flags}u`);
}

/** The same, matching every occurrence: for replace(), never for test() or exec() (a global regex keeps its place). */
export function everywhere(source: string, flags = 'i'): RegExp {
	return words(source, `${flags}g`);
}

/** Lowercased words, letters and digits only (the way a reader counts words). */
export function tokens(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const strip = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Two phrases about the same thing: a shared content word, or the same first five letters. */
export function sameThing(a: string, b: string, functionWords: ReadonlySet<string>): boolean {
	const content = (text: string) =>
		tokens(strip(text)).filter((w) => w.length >= 3 && !functionWords.has(w) && !/^\d+$/.test(w));
	const right = content(b);
	return content(a).some((x) => right.some((y) => x === y || (x.length >= 5 && x.slice(0, 5) === y.slice(0, 5))));
}

/** Replaces whole words by a table, keeping a capital first letter; words in capitals stay. */
export function replaceWords(text: string, table: Record<string, string>): string {
	return text.replace(/\p{L}+/gu, (word) => {
		const lower = word.toLowerCase();
		const found = Object.hasOwn(table, lower) ? table[lower] : undefined;
		if (found === undefined) return word;
		if (word === lower) return found;
		if (word === lower.charAt(0).toUpperCase() + lower.slice(1)) return found.charAt(0).toUpperCase() + found.slice(1);
		return word;
	});
}

/** The words of a space-separated list, as a table from each to the same value. */
export function table<T>(entries: readonly (readonly [T, string])[]): Record<string, T> {
	const pairs = entries.flatMap(([value, list]) => list.split(/\s+/).map((w) => [w, value] as const));
	return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(pairs));
}

/** A name's leading capitalised words ("Gustavo do time de compliance" → "Gustavo"), with its particles. */
export function leadingName(text: string): { name: string; rest: string } {
	const found =
		/^(?:(?:Dr|Dra|Sr|Sra|Ing|Eng|Prof|Profa)\.?\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:(?:de|da|do|dos|das|del|y|e)\s+)?\p{Lu}[\p{L}'-]*)*/u.exec(
			text.trim()
		);
	if (!found) return { name: text.trim(), rest: '' };
	return { name: found[0], rest: text.trim().slice(found[0].length).trim() };
}

/** A table's own entry for a key (never one of Object's: a note may well say "constructor"). */
export function lookup<T>(from: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(from, key) ? from[key] : undefined;
}

/**
 * The one question no promise answered and the one "confirm …" left over are most likely the same
 * thing ("¿aguanta óleo?" and "confirmar IP67"): the question is answered with it, not said twice.
 */
export function answerLeftovers(parts: MessageParts): MessageParts {
	const open = parts.questions.filter((q) => !q.answer);
	const looks = parts.actions.filter((a) => a.kind === 'look');
	if (open.length !== 1 || looks.length !== 1) return parts;
	const look = looks[0]!;
	return {
		...parts,
		questions: parts.questions.map((q) => (q.answer ? q : { ...q, answer: look })),
		actions: parts.actions.filter((a) => a !== look)
	};
}
