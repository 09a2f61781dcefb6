import type { DueHint } from './types';

/** Small text helpers the languages share. */

/** A set of the space-separated words. */
export function set(words: string): ReadonlySet<string> {
	return new Set(words.split(/\s+/).filter(Boolean));
}

/** The text with its first letter in capitals. */
export function capitalise(text: string): string {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The text with its first letter in lower case, unless the first word is an acronym or a name-like "iPhone". */
export function decapitalise(text: string): string {
	const first = /^\S+/.exec(text)?.[0] ?? '';
	if (/^\p{Lu}[\p{Lu}\d]|^\p{Ll}+\p{Lu}/u.test(first)) return text;
	return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** "a, b and c" with the language's "and". */
export function joinWords(items: readonly string[], and: string): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Removes a recipient at the start of a phrase: a pronoun, or the person's own first name. */
export function stripRecipient(text: string, pronoun: RegExp, firstName: string): string {
	let rest = text.replace(pronoun, '');
	if (firstName && rest.toLowerCase().startsWith(`${firstName.toLowerCase()} `))
		rest = rest.slice(firstName.length + 1);
	return rest.trim();
}

/** Sentences joined with spaces, empty ones left out. */
export function sentences(...parts: (string | false | null | undefined)[]): string {
	return parts.filter(Boolean).join(' ');
}

/** A due phrase's pattern and the hint it gives. */
export type DuePattern = readonly [RegExp, (found: RegExpExecArray) => DueHint];

/**
 * The first due phrase in a to-do ("by Friday", "bis Montag", "entro lunedì") and the to-do
 * without it; the patterns are tried in order, so longer phrases go first.
 */
export function findDue(patterns: readonly DuePattern[], todo: string): { rest: string; due: DueHint | null } {
	for (const [pattern, hint] of patterns) {
		const found = pattern.exec(todo);
		if (!found) continue;
		const rest = `${todo.slice(0, found.index)} ${todo.slice(found.index + found[0].length)}`;
		return {
			rest: rest
				.replace(/\s+/g, ' ')
				.replace(/[\s,;:-]+$/, '')
				.trim(),
			due: hint(found)
		};
	}
	return { rest: todo, due: null };
}

/**
 * The words of space-separated lists, as a table from each word to its list's value (a noun to its
 * gender). No prototype: a word such as "constructor" finds nothing.
 */
export function table<T>(entries: readonly (readonly [T, string])[]): Record<string, T> {
	const pairs = entries.flatMap(([value, list]) => list.split(/\s+/).map((w) => [w, value] as const));
	return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(pairs));
}

/**
 * A word table without Object's prototype: looked up with a word from a note, "constructor" finds
 * nothing instead of Object's own constructor.
 */
export function bare<T>(entries: Record<string, T>): Record<string, T> {
	return Object.assign(Object.create(null) as Record<string, T>, entries);
}

// Things that travel by post or courier, not with an email: samples, sample boards, prototypes.
const PHYSICAL =
	/(?:^|[\s-])(?:samples?|sample boards?|swatch(?:es)?|prototypes?|\p{L}*muster(?:platten?|teile?|n)?|prototyp(?:en)?|échantillons?|muestras?|campion(?:i|e|ario)|amostras?)(?![\p{L}])/iu;

/** Whether a thing to send is one that cannot come attached to the message ("die Musterplatten"). */
export function isPhysical(thing: string): boolean {
	return PHYSICAL.test(thing);
}

/**
 * Things written in one frame, one sentence for all: "Envio o case de varejo e a estimativa de custo
 * em breve", not the same sentence twice. `frame` gives each thing its sentence, with `{}` where the
 * thing goes, and the thing's words as they stand there; sentences keep the first thing's place.
 */
export function inOneFrame<T>(items: readonly T[], frame: (item: T) => [string, string], and: string): string[] {
	const groups = new Map<string, string[]>();
	for (const item of items) {
		const [sentence, words] = frame(item);
		groups.set(sentence, [...(groups.get(sentence) ?? []), words]);
	}
	return [...groups].map(([sentence, words]) => sentence.replace('{}', joinWords(words, and)));
}
