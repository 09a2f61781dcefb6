import type { MessageParts, Topic } from './lexicon/types';
import { readerWords as tokens } from './same-thing';

/** A run this long of the note's own words, in the message, reads as the note pasted. */
export const PASTED_RUN = 9;

/**
 * A guard for phrases taken from the notes: it cuts a phrase's end, word by word, until it holds
 * no run of nine of the notes' words as a reader counts them ("aides-soignantes" is two), and
 * never on one of the language's small words.
 */
export function pasteGuard(
	notes: readonly string[],
	functionWords: ReadonlySet<string> = new Set()
): (phrase: string) => string {
	const runs = new Set<string>();
	for (const note of notes) {
		const words = tokens(note);
		for (let i = 0; i + PASTED_RUN <= words.length; i++) runs.add(words.slice(i, i + PASTED_RUN).join(' '));
	}
	const pasted = (text: string) => {
		const words = tokens(text);
		for (let i = 0; i + PASTED_RUN <= words.length; i++)
			if (runs.has(words.slice(i, i + PASTED_RUN).join(' '))) return true;
		return false;
	};
	return (phrase) => {
		if (!runs.size || !pasted(phrase)) return phrase;
		const words = phrase.split(' ');
		while (words.length > 2 && pasted(words.join(' '))) words.pop();
		// "the link to the lab box tank and", "le foto della Colnago per": not ending on a small word.
		while (words.length > 1 && functionWords.has(words[words.length - 1]!.toLowerCase())) words.pop();
		return words.join(' ').replace(/[,;:]+$/, '');
	};
}

/** Every phrase of the message that came from the notes, through the guard. */
export function unpasteParts(parts: MessageParts, guard: (phrase: string) => string): MessageParts {
	const topic = (t: Topic | null | undefined) => t && { ...t, phrase: guard(t.phrase), short: guard(t.short) };
	return {
		...parts,
		topic: topic(parts.topic) ?? null,
		laterTopic: topic(parts.laterTopic) ?? undefined,
		place: guard(parts.place),
		sends: parts.sends.map((s) => ({ ...s, text: guard(s.text) })),
		intros: parts.intros.map(guard),
		actions: parts.actions.map((a) => ({ ...a, object: guard(a.object) })),
		questions: parts.questions.map((q) => ({
			clause: guard(q.clause),
			answer: q.answer && { ...q.answer, object: guard(q.answer.object) }
		})),
		askedIntro: parts.askedIntro.map(guard),
		askedThing: parts.askedThing.map((t) => ({ ...t, text: guard(t.text) }))
	};
}
