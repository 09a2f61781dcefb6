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

/** What a language gives the to-do linker: its words for links, and its articles. */
export interface Linking<Gender extends string = string> {
	/** A word that already links ("de", "para", an article): the rest is kept as written. */
	linkWord: RegExp;
	months: RegExp;
	adjective: RegExp;
	adjectives: ReadonlySet<string>;
	/** Things that happen somewhere ("demo", "trial"), and the places they happen in. */
	events: ReadonlySet<string>;
	places: ReadonlySet<string>;
	/** A head noun's own link ("integración con", "migração para"). */
	links: Record<string, string>;
	/** Nouns whose gender is known, for names that are nouns too. */
	nouns: Record<string, Gender>;
	/** "en" / "em". */
	at: string;
	article(gender: Gender, plural: boolean, noun: string): string;
	genderOf(noun: string): Gender;
	isPlural(noun: string): boolean;
}

export const QUANTITY = /^[~≈]?\d+(?:[.,]\d+)?(?:k|m|mil|%)?$/i;
/** "SAP", "Nubank", "5G", "IP67": a name, not a common noun. */
export const NAME = /^(?:\p{Lu}[\p{L}\d.-]*|\p{L}*\d[\p{L}\d.-]*)$/u;

/**
 * The words a to-do writes after its first noun, linked as a sentence links them: "acceso prueba
 * LMS" → "acceso de prueba del LMS", "demo tienda piloto" → "demo en la tienda piloto",
 * "orçamento 20 contas" → "orçamento para 20 contas".
 */
export function linked<Gender extends string>(
	head: string,
	rest: readonly string[],
	language: Linking<Gender>
): string {
	const out: string[] = [];
	let previous = head;
	let afterName = false;
	for (let i = 0; i < rest.length; i++) {
		const word = rest[i]!;
		const lower = word.toLowerCase();
		const link = i === 0 ? (lookup(language.links, head) ?? (language.events.has(head) ? language.at : 'de')) : 'de';
		if (language.linkWord.test(word)) {
			out.push(...rest.slice(i));
			break;
		}
		if (QUANTITY.test(word)) {
			out.push(language.events.has(head) ? language.at : 'para', ...rest.slice(i));
			break;
		}
		if (language.months.test(word)) {
			out.push(language.at, lower);
		} else if (NAME.test(word)) {
			const known = lookup(language.nouns, lower);
			if (afterName) out.push(word);
			else out.push(link, ...(known ? [language.article(known, false, lower)] : []), word);
		} else if (language.adjectives.has(lower) || (language.adjective.test(lower) && !language.places.has(lower))) {
			out.push(word);
		} else if (language.places.has(lower) && language.events.has(previous)) {
			out.push(language.at, language.article(language.genderOf(lower), language.isPlural(lower), lower), word);
		} else {
			out.push(link, word);
		}
		afterName = NAME.test(word);
		previous = lower;
	}
	return out.join(' ');
}
