import { wordsOf } from './pieces';

/** The words of a text as a reader counts them: letters and digits, lowercased ("aides-soignantes" is two). */
export function readerWords(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const unaccented = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * Whether two phrases are about the same thing ("price" and "the pricing for 60 tablets", "démo"
 * and "demo", "mi CV" and "CV"): a content word (or a two-letter acronym) in common, or two longer
 * words with the same first four letters.
 */
export function sameThing(a: string, b: string, functionWords: ReadonlySet<string>): boolean {
	// Short words count when written as an acronym: "CV", "QA".
	const acronyms = (text: string) =>
		(unaccented(text).match(/(?<![\p{L}])\p{Lu}{2}(?![\p{L}])/gu) ?? []).map((w) => w.toLowerCase());
	const content = (text: string) => [
		...wordsOf(unaccented(text)).filter((w) => w.length >= 3 && !functionWords.has(w) && !/^\d+$/.test(w)),
		...acronyms(text)
	];
	const right = content(b);
	// "Migrations-Playbook" and "Playbook": a compound written with a hyphen names its parts.
	const same = (x: string, y: string) => x === y || (x.length >= 5 && y.length >= 5 && x.slice(0, 4) === y.slice(0, 4));
	const parts = (words: string[]) => words.flatMap((w) => [w, ...(w.includes('-') ? w.split('-') : [])]);
	const left = parts(content(a));
	const rightParts = parts(right);
	return left.some((x) => rightParts.some((y) => same(x, y)));
}
