import { wordsOf } from './pieces';
import type { Topic } from './lexicon/types';

/** What a language tells the topic builder. */
export interface TopicRules {
	/** "Talked about", removed from the start. */
	leadIn: RegExp;
	/** A talk verb at the end, for languages that put it last ("über Kafka gesprochen"). */
	leadOut?: RegExp;
	/** Subject + a wanting verb: group 1 is what they want to do. */
	plansCue: RegExp;
	/** "your plans to {vp}", in the language. */
	plans(verbPhrase: string): string;
	/** A subject (and auxiliary), anywhere in the fragment: what follows it is read. */
	subjectCue: RegExp;
	/** What follows a subject, as a noun phrase ("moving to Kafka" → "your move to Kafka"), or null. */
	nominalise(text: string): string | null;
	/** A verb right after a subject, dropped before its object ("use", "have"). */
	dropVerb: RegExp;
	/** A wanting verb a note starts with, its subject left out ("Sucht Retrofit-Lösung"): dropped. */
	leadVerb?: RegExp;
	/** Where a new clause starts: the topic ends there. */
	clauseBreak: RegExp;
	functionWords: ReadonlySet<string>;
	/** Words a topic may start with although they are function words (possessives, articles). */
	keepAtStart: RegExp;
	toSecondPerson(text: string): string;
	and: string;
	/** A capitalised first word that is a common word (a sentence start, not a name): lowercased. */
	lowerFirst: RegExp;
}

/** Longest topic, in words: a subject line and a sentence hold it, and it never pastes the note. */
export const MAX_TOPIC_WORDS = 7;

/** Removes what a message never carries: emoji, "!!", "??", dots of an ellipsis, quotes around it. */
export function tidyPhrase(text: string): string {
	return text
		.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
		.replace(/\.{2,}|…/g, ' ')
		.replace(/\s*[!?¡¿]+/g, ' ')
		.replace(/^[\s"'“”„«»‘’.,:;*_~-]+|[\s"'„«‘.,:;*_~-]+$/g, '')
		.replace(/(„[^“]*)$/, '$1“')
		.replace(/\s+/g, ' ')
		.trim();
}

function isContent(word: string, rules: TopicRules): boolean {
	const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '');
	return bare.length > 0 && !rules.functionWords.has(bare) && /[\p{L}]/u.test(bare);
}

/**
 * How many of the words fit in `max` counted as a reader counts them: "aides-soignantes" and
 * "d'absentéisme" are two each.
 */
function wordsWithin(words: readonly string[], max: number): number {
	let used = 0;
	for (let i = 0; i < words.length; i++) {
		used += Math.max(1, (words[i]!.match(/[\p{L}\p{N}]+/gu) ?? []).length);
		if (used > max) return i;
	}
	return words.length;
}

/** At most `max` words, ending on a word that names something and starting on one (or a possessive). */
export function trimPhrase(text: string, rules: TopicRules, maxTokens = MAX_TOPIC_WORDS, keepLead = false): string {
	let words = text.split(/\s+/).filter(Boolean);
	while (words.length && !keepLead && !isContent(words[0]!, rules) && !rules.keepAtStart.test(words[0]!)) words.shift();
	const max = wordsWithin(words, maxTokens);
	if (words.length > max) {
		// Cut before a function word (a preposition, a conjunction) rather than inside a noun phrase.
		let cut = max;
		for (let i = max; i >= 2; i--) {
			if (!isContent(words[i] ?? '', rules)) {
				cut = i;
				break;
			}
		}
		words = words.slice(0, cut);
	}
	const endsBadly = (w: string) => !isContent(w, rules) || /^[~≈<>±]?\d[\d.,%/:x×-]*\p{L}{0,3}$/u.test(w);
	while (words.length && endsBadly(words[words.length - 1]!)) words.pop();
	if (!words.some((w) => isContent(w, rules))) return '';
	return words.join(' ').replace(/[,:;.]+$/, '');
}

function cutAtClause(text: string, rules: TopicRules): string {
	const found = rules.clauseBreak.exec(` ${text} `);
	return found && found.index > 1 ? text.slice(0, Math.max(0, found.index - 1)) : text;
}

/** A shorter form for a subject line and a second mention: up to the first preposition, at most four words. */
function shortForm(phrase: string, rules: TopicRules): string {
	const words = phrase.split(' ');
	for (let i = 1; i < words.length; i++) {
		const before = words.slice(0, i);
		if (!isContent(words[i]!, rules) && before.some((w) => isContent(w, rules))) return before.slice(0, 4).join(' ');
	}
	return words.slice(0, 4).join(' ');
}

function topic(phrase: string, kind: Topic['kind'], rules: TopicRules): Topic | null {
	let text = phrase.trim();
	if (rules.lowerFirst.test(text.split(' ')[0] ?? '')) text = text.charAt(0).toLocaleLowerCase() + text.slice(1);
	if (!text || !wordsOf(text).length) return null;
	return { phrase: text, short: shortForm(text, rules), kind };
}

/**
 * The topic of one fragment of a note as a short phrase written to the person: lead-ins
 * ("talked about") dropped, what they plan or do turned into a noun phrase ("their move to Kafka"
 * → "your move to Kafka"), cut where a new clause starts and kept to a few words.
 */
export function buildTopic(fragment: string, rules: TopicRules): Topic | null {
	// "Schmerz: Schema Evolution", "Problema: el onboarding KYC": the label names the kind, the rest the topic.
	let text = tidyPhrase(fragment)
		.replace(/^[\p{L}\p{N}'’-]+(?:\s[\p{L}\p{N}'’-]+){0,3}\s?:\s+(?=\S)/u, '')
		.replace(rules.leadIn, '')
		// "Interested in oak veneers", "Intressiert an Eichen-Furnieren": what they are interested in.
		.replace(
			/^(?:(?:very|sehr|très|muy|muito|molto)\s+)?(?:interested in|int?e?ressiert an|intéressée?s? par|interesad[oa]s? en|interessad[oa]s? em|interessat[oi] a)\s+/iu,
			''
		);
	if (rules.leadOut) text = text.replace(rules.leadOut, '');
	// "demo giovedì → mandare link Teams": what follows an arrow is a to-do, not the topic.
	text = text.split(/\s*(?:→|->|=>|⇒)\s*/)[0] ?? text;
	text = tidyPhrase(text.replace(/\s*[+&]\s*/g, ` ${rules.and} `));

	const plans = rules.plansCue.exec(text);
	if (plans?.[1]) {
		const verbPhrase = trimPhrase(cutAtClause(rules.toSecondPerson(plans[1]), rules), rules, MAX_TOPIC_WORDS - 2, true);
		if (verbPhrase) return topic(rules.plans(verbPhrase), 'plans', rules);
	}
	if (rules.leadVerb) text = text.replace(rules.leadVerb, '');
	const subject = rules.subjectCue.exec(text);
	if (subject) {
		const after = text.slice(subject.index + subject[0].length);
		const noun = rules.nominalise(after);
		if (noun) {
			const phrase = trimPhrase(cutAtClause(rules.toSecondPerson(noun), rules), rules);
			if (phrase) return topic(phrase, 'np', rules);
		}
		text = after.replace(rules.dropVerb, '');
	}
	const phrase = trimPhrase(cutAtClause(rules.toSecondPerson(text), rules), rules);
	return phrase ? topic(phrase, 'np', rules) : null;
}

/**
 * A phrase taken from the note, kept to `max` words: cut before a preposition or conjunction
 * ("in the coffee line after the nurse burnout panel" → "in the coffee line"), so no message
 * carries a run of the note's own words long enough to read as pasted.
 */
export function capWords(text: string, functionWords: ReadonlySet<string>, maxTokens = 7, atBreak = true): string {
	const words = text.split(/\s+/).filter(Boolean);
	const max = wordsWithin(words, maxTokens);
	if (words.length <= max) return text.trim();
	let cut = max;
	for (let i = max; atBreak && i >= 2; i--) {
		if (functionWords.has(words[i]!.toLowerCase().replace(/[^\p{L}']/gu, ''))) {
			cut = i;
			break;
		}
	}
	const kept = words.slice(0, cut);
	while (kept.length > 1 && functionWords.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
	return kept.join(' ').replace(/[,:;]+$/, '');
}
