import { composeMessage, type ComposeInput } from './compose';
import { detectLanguage } from './detect';
import { hasLexicons } from './lexicon';
import type { DraftLanguage } from './languages';
import type { FoundPromise } from './read-note';

export { promiseDueAt } from './promise-due';
export { loadAllLexicons, loadLexicons } from './lexicon';

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

/** A draft, or the languages whose rules must load before it can be written. */
export type DraftPlan = { draft: Draft; missing?: undefined } | { draft?: undefined; missing: DraftLanguage[] };

/**
 * The draft of a follow-up when the rules of its languages are loaded (the message's, the notes'
 * and English, for typed to-dos); otherwise the languages to load first (loadLexicons).
 */
export function planDraft(input: DraftInput): DraftPlan {
	const detected = detectLanguage([...input.notes, ...input.promises, input.helpOffer ?? ''].join('\n'));
	const language = input.language ?? detected ?? input.fallbackLanguage ?? 'en';
	const needed = [...new Set<DraftLanguage>(['en', language, ...(detected ? [detected] : [])])];
	if (!hasLexicons(needed)) return { missing: needed };
	const { subject, body, notePromises } = composeMessage({ ...input, language, noteLanguage: detected });
	return { draft: { subject, body, language, detected, notePromises } };
}

/**
 * A follow-up message a person would send: written to them, in the conversation's language,
 * naming the topic in a few words, leading with what was promised or asked for, otherwise
 * offering help. Notes are private: the draft never pastes them, nor any remark to oneself.
 * Its languages' rules must be loaded (planDraft says which).
 */
export function draftFollowUp(input: DraftInput): Draft {
	const plan = planDraft(input);
	if (!plan.draft) throw new Error(`Load the draft rules of ${plan.missing.join(', ')} first.`);
	return plan.draft;
}
