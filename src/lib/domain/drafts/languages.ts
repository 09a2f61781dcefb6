/** The languages a follow-up can be drafted in: the conversation's language, as the note shows it. */
export const DRAFT_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it'] as const;

export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

/** Each language's name in itself, for the per-contact choice. */
export const LANGUAGE_NAMES: Record<DraftLanguage, string> = {
	en: 'English',
	de: 'Deutsch',
	fr: 'Français',
	es: 'Español',
	pt: 'Português',
	it: 'Italiano'
};

/** Whether a stored or chosen value is one of the draft languages. */
export function isDraftLanguage(value: unknown): value is DraftLanguage {
	return typeof value === 'string' && (DRAFT_LANGUAGES as readonly string[]).includes(value);
}
