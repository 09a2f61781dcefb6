import { composeMessage, type ComposeInput } from './compose';
import { detectLanguage } from './detect';
import { hasLexicons, loadLexicons } from './lexicon';
import type { DraftLanguage } from './languages';
import type { FoundPromise } from './read-note';

export { promiseDueAt } from './promise-due';
export { loadAllLexicons } from './lexicon';

export interface DraftInput extends Omit<ComposeInput, 'language'> {
	/** The language chosen for this person; null lets the notes decide. */
	language?: DraftLanguage | null;
	/** When the notes do not tell (a list of product names): the device's language, if a draft language. */
	fallbackLanguage?: DraftLanguage | null;
}

export interface Draft {
	subject: string;
	body: string;
	language: DraftLanguage;
	/** The language the notes are written in, if they tell. */
	detected: DraftLanguage | null;
	/** Promises written in the note, as to-dos. */
	notePromises: FoundPromise[];
}

/** The language a draft is written in, and the one its notes are in (if they tell). */
export function draftLanguages(input: DraftInput): { language: DraftLanguage; detected: DraftLanguage | null } {
	const detected = detectLanguage([...input.notes, ...input.promises, input.helpOffer ?? ''].join('\n'));
	return { detected, language: input.language ?? detected ?? input.fallbackLanguage ?? 'en' };
}

/** Loads the rules of the languages a draft needs; draftFollowUp can run once it resolves. */
export async function prepareDraft(input: DraftInput): Promise<void> {
	const { detected, language } = draftLanguages(input);
	await loadLexicons(detected ? [language, detected] : [language]);
}

/** Whether the rules a draft needs are loaded. */
export function draftReady(input: DraftInput): boolean {
	const { detected, language } = draftLanguages(input);
	return hasLexicons(detected ? ['en', language, detected] : ['en', language]);
}

/**
 * A follow-up message a person would send: written to them, in the conversation's language,
 * naming the topic in a few words, leading with what was promised or asked for, otherwise
 * offering help. Notes are private: the draft never pastes them, nor any remark to oneself.
 */
export function draftFollowUp(input: DraftInput): Draft {
	const { detected, language } = draftLanguages(input);
	const { subject, body, notePromises } = composeMessage({ ...input, language, noteLanguage: detected });
	return { subject, body, language, detected, notePromises };
}
