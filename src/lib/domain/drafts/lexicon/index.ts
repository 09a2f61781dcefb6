import type { DraftLanguage } from '../languages';
import type { Reading, Writing } from './types';

/** One language's way of reading a note and writing the message. */
export interface Lexicon {
	reading: Reading;
	writing: Writing;
}

// Each language's rules are a chunk of their own: the follow-up page loads the languages its
// draft is in (the notes' and the message's), not all six.
const LOADERS: Record<DraftLanguage, () => Promise<Lexicon>> = {
	en: () => import('./en').then((m) => m.lexicon),
	de: () => import('./de').then((m) => m.lexicon),
	fr: () => import('./fr').then((m) => m.lexicon),
	es: () => import('./es').then((m) => m.lexicon),
	pt: () => import('./pt').then((m) => m.lexicon),
	it: () => import('./it').then((m) => m.lexicon)
};

const loaded = new Map<DraftLanguage, Lexicon>();

/** Loads the languages' rules (once each). English always comes: typed to-dos are often English. */
export async function loadLexicons(languages: readonly DraftLanguage[]): Promise<void> {
	const wanted = [...new Set<DraftLanguage>(['en', ...languages])].filter((language) => !loaded.has(language));
	const lexicons = await Promise.all(wanted.map((language) => LOADERS[language]()));
	wanted.forEach((language, i) => loaded.set(language, lexicons[i]!));
}

/** Every language's rules (tests and the bench). */
export function loadAllLexicons(): Promise<void> {
	return loadLexicons(Object.keys(LOADERS) as DraftLanguage[]);
}

/** Whether the languages' rules are loaded. */
export function hasLexicons(languages: readonly DraftLanguage[]): boolean {
	return languages.every((language) => loaded.has(language));
}

/** A loaded language's rules; throws when it was not loaded (a programming error: load it first). */
export function lexiconOf(language: DraftLanguage): Lexicon {
	const lexicon = loaded.get(language);
	if (!lexicon) throw new Error(`The ${language} draft rules are not loaded.`);
	return lexicon;
}

/** The loaded languages' rules, for reading a to-do in whichever language knows its verb. */
export function loadedLexicons(): Lexicon[] {
	return [...loaded.values()];
}
