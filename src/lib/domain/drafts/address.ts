import type { DraftLanguage } from './languages';

/** How the note names the person formally: a form of address and their surname ("Frau", "von Bergen"). */
export interface FormalAddress {
	title: string;
	surname: string;
}

// A form of address as notes write it, and as a letter writes it out. German adds an academic
// title after it ("Frau Dr. Lang"); Italian titles stand alone ("Dott.ssa Santoro").
const TITLES: Partial<Record<DraftLanguage, [RegExp, string][]>> = {
	// English greets a doctor or professor by title ("Dear Dr. Adeyemi"), anyone else by first name.
	en: [
		[/^(?:dr\.?|doctor)$/iu, 'Dr.'],
		[/^(?:prof\.?|professor)$/iu, 'Prof.']
	],
	de: [
		[/^(?:frau|fr\.?)$/iu, 'Frau'],
		[/^(?:herr|herrn|hr\.?|hrn\.?)$/iu, 'Herr']
	],
	fr: [
		[/^(?:madame|mme\.?)$/iu, 'Madame'],
		[/^(?:[Mm]onsieur|M\.)$/u, 'Monsieur']
	],
	// Portuguese: "Caro Prof. Lopes", "Cara Dra. Vasconcelos"; "Dona" goes with the first name.
	pt: [
		[/^(?:dra\.?|doutora)$/iu, 'Dra.'],
		[/^(?:dr\.?|doutor)$/iu, 'Dr.'],
		[/^(?:prof\.?ª|profa\.?|professora)$/iu, 'Prof.ª'],
		[/^(?:prof\.?|professor)$/iu, 'Prof.'],
		[/^(?:sra\.?|senhora)$/iu, 'Sra.'],
		[/^(?:sr\.?|senhor)$/iu, 'Sr.'],
		[/^(?:dona|d\.)$/iu, 'Dona']
	],
	it: [
		[/^(?:dott\.?ssa|dottoressa)$/iu, 'Dott.ssa'],
		[/^(?:dott\.|dottore|dr\.)$/iu, 'Dott.'],
		[/^(?:prof\.?ssa|professoressa)$/iu, 'Prof.ssa'],
		[/^(?:prof\.|professore?)$/iu, 'Prof.'],
		[/^(?:sig\.?ra|signora)$/iu, 'Sig.ra'],
		[/^(?:sig\.|signor|signore)$/iu, 'Sig.'],
		[/^ing\.$/iu, 'Ing.'],
		[/^avv\.$/iu, 'Avv.']
	]
};
const ACADEMIC = /^(?:dr\.|prof\.|dr\.-ing\.)$/iu;

const fold = (word: string) =>
	word
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		// Letters with no accent to take off: "Yılmaz" is "Yilmaz", "Łukasz" "Lukasz", "Sørensen" "Sorensen".
		.replace(/ı/g, 'i')
		.replace(/[łŁ]/g, 'l')
		.replace(/[øØ]/g, 'o')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^\p{L}'’-]/gu, '');

/**
 * The form of address the note itself uses for them — "Fr. von Bergen", "Dott.ssa Santoro",
 * "Mme Lan" — when the words after it are their own name: the message then greets them so
 * ("Guten Tag Frau von Bergen", "Gentile Dott.ssa Santoro"), not by a first name the note never
 * used. Null when the note uses none, or in a language whose greeting does not take one.
 */
export function formalAddress(
	notes: readonly string[],
	theirName: string,
	language: DraftLanguage
): FormalAddress | null {
	const titles = TITLES[language];
	if (!titles) return null;
	const nameWords = theirName.split(/\s+/).filter(Boolean);
	const folded = nameWords.map(fold);
	for (const note of notes) {
		const words = note.split(/[\s,;:()]+/).filter(Boolean);
		for (let i = 0; i < words.length - 1; i++) {
			const title = titles.find(([pattern]) => pattern.test(words[i]!))?.[1];
			if (!title) continue;
			let at = i + 1;
			let academic = '';
			if (language === 'de' && ACADEMIC.test(words[at] ?? ''))
				academic = ` ${words[at++]!.replace(/^dr\./i, 'Dr.').replace(/^prof\./i, 'Prof.')}`;
			// Their name's words as the note goes on ("von Bergen"), spelled as their name spells them.
			const start = folded.indexOf(fold(words[at] ?? ''));
			if (start < 0) continue;
			let end = start;
			while (end + 1 < folded.length && folded[end + 1] === fold(words[at + end + 1 - start] ?? '')) end++;
			// "Dona Aparecida": this title goes with the first name.
			if (title === 'Dona') {
				if (start !== 0) continue;
				return { title, surname: nameWords[0]! };
			}
			// A first name alone after "Frau" is no surname: the note's "Frau Sabine" is not a form of address.
			if (start === 0 && end === 0 && folded.length > 1) continue;
			// "Prof. Amara Nwosu", "Frau Elif Demir": the title goes with the surname, not the first name.
			const from = start === 0 && folded.length > 1 ? 1 : start;
			return { title: `${title}${academic}`, surname: nameWords.slice(from, end + 1).join(' ') };
		}
	}
	return null;
}
