import type { DraftLanguage } from './languages';
import type { MessageParts, NounPhrase, Topic } from './lexicon/types';

/**
 * The last gate before a phrase of the note goes into a frame of the message: a note's shorthand
 * is written out where it has one meaning ("creds" → "credentials", "Fa." → "der Firma", "a gnt" →
 * "a gente"), an approximation mark is dropped with its small word ("de aprox."), and what follows
 * an arrow, a "+", a "re", a "z.B." or a unit abbreviation ("8.000 Stk.", "500 pz") is cut, with
 * the figures and small words the cut leaves at the end. A word the note writes with a capital is
 * written so ("depots" → "Depots"). A slot with nothing clean left is left out, and the frame
 * that does without it is still true. These are classes of note writing, not words of one note.
 */

// Shorthand with one meaning, written out in the message's language.
const EXPAND: Record<DraftLanguage, [RegExp, string][]> = {
	en: [
		[/(?<![\p{L}])creds(?![\p{L}])/gu, 'credentials'],
		[/(?<![\p{L}])incl\.(?=\s|$)/gu, 'including'],
		[/(?<![\p{L}])w\/(?=\s)/gu, 'with']
	],
	de: [
		[/(?<![\p{L}])Fa\.(?=\s+\p{Lu})/gu, 'der Firma'],
		[/(?<![\p{L}])inkl\.(?=\s|$)/gu, 'inklusive'],
		[/(?<![\p{L}])v\.\s?a\.(?=\s|$)/gu, 'vor allem'],
		[/(?<![\p{L}])jmdn?(?![\p{L}])/gu, 'jemanden']
	],
	fr: [[/(?<![\p{L}])env\.(?=\s|$)/gu, 'environ']],
	es: [],
	pt: [
		[/(?<![\p{L}])gnt(?![\p{L}])/gu, 'gente'],
		[/(?<![\p{L}])mt(?![\p{L}])/gu, 'muito'],
		[/(?<![\p{L}])vc(?![\p{L}])/gu, 'você'],
		[/(?<![\p{L}])tb(?![\p{L}])/gu, 'também'],
		[/(?<![\p{L}])hj(?![\p{L}])/gu, 'hoje'],
		[/(?<![\p{L}])mín\.?(?=\s|$)/gu, 'mínimo']
	],
	it: []
};

// "presupuesto de aprox. para 18 meses", "approx. 60 devices": an approximation, and the "de"/"of" before it.
const APPROX = /(?:\s+(?:de|of|di|von|da))?\s*(?<![\p{L}])(?:ca\.|approx\.?|aprox\.?|env\.|circa|~|≈)(?=\s|\d|$)/giu;

// "+" joins two things of a note, "re" says what about: written in words.
const JOIN = /\s+\+\s+/gu;
const RE = /(?<![\p{L}])re:?(?=\s+\p{L})/gu;
const ABOUT: Record<DraftLanguage, string> = { en: 'about', de: 'zu', fr: 'sur', es: 'sobre', pt: 'sobre', it: 'su' };

// A deadline glued on at the end ("le devis avant le 20", "o vídeo até 15/7"): the mail is the sending.
const DEADLINE =
	/\s+(?:by|until|before|bis(?: zum)?|avant(?: le)?|até|ate|antes del?|hasta el|entro il|entro)\s+[\d./-]+$/iu;

// Where the phrase stops being a phrase: an arrow (who does it next), "w/"/"c/" routing, "z.B."/"e.g." examples, "etc.", a unit abbreviation after a
// figure, an open bracket, a university or company abbreviation before a name.
const CUT =
	/\s*(?:→|->|=>|⇒|(?<=\s)\+(?=\s)|(?<![\p{L}])(?:w\/|c\/|p\/|z\.\s?B\.|e\.g\.|u\.a\.|etc\.?|ecc\.?|tbh|lol|btw)(?=\s|$|[,.;])|\s\d[\d.,]*\s*(?:Stk\.?|pz|pzs|pç|pçs|pcs)(?![\p{L}])|(?<![\p{L}])(?:Stk\.?|pz|pçs?|pcs|Univ\.|Fa\.)(?![\p{L}]))/u;

const ABOUT_SOMEONE =
	/^(?:jemanden|jmdn?|someone|somebody|quelqu['’]un|alguien|alguém|qualcuno)\s+(?:für|for|pour|para|per)\s+/iu;

// German nouns by their ending: "datenmigration" is "Datenmigration".
const GERMAN_NOUN = /^\p{Ll}[\p{L}-]*(?:ung|heit|keit|schaft|tion|tät|ment|ismus|nis|ur|ik)$/u;

/** Words the notes write with a capital and never in lower case ("Depots", "Slack", "Pilot-Angebot"). */
export function noteCapitals(notes: readonly string[]): Map<string, string> {
	const text = notes.join('\n');
	const out = new Map<string, string>();
	const lower = new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu) ?? []);
	// Not a word that starts a sentence or a line: that capital is the sentence's.
	for (const m of text.matchAll(/(?<=[\p{L}\p{N},;]\s+|\p{L}-)(\p{Lu}\p{Ll}{2,})(?![\p{L}])/gu)) {
		const word = m[1]!;
		if (!lower.has(word.toLowerCase())) out.set(word.toLowerCase(), word);
	}
	// "Pilot-Angebot": a compound the note hyphenates, for "pilot angebot".
	for (const m of text.matchAll(/(?<![\p{L}])(\p{L}{3,})-(\p{L}{3,})(?![\p{L}])/gu))
		out.set(`${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}`, m[0]);
	return out;
}

export interface SlotContext {
	language: DraftLanguage;
	functionWords: ReadonlySet<string>;
	capitals: Map<string, string>;
	/** The language's "and". */
	and: string;
}

function hasContent(text: string, context: SlotContext): boolean {
	return (text.match(/[\p{L}][\p{L}'’-]*/gu) ?? []).some(
		(w) => w.length >= 2 && !context.functionWords.has(w.toLowerCase())
	);
}

/** The phrase, cleaned as the message takes it; '' when nothing clean is left. */
export function cleanSlot(phrase: string, context: SlotContext, topic = false): string {
	let text = phrase;
	if (topic) text = text.replace(ABOUT_SOMEONE, '');
	for (const [pattern, full] of EXPAND[context.language]) text = text.replace(pattern, full);
	text = text.replace(APPROX, '').replace(JOIN, ` ${context.and} `).replace(RE, ABOUT[context.language]);
	const undated = text.replace(DEADLINE, '');
	const cut = CUT.exec(undated);
	const cutAt = cut ? cut.index : undated.length < text.length ? undated.length : -1;
	if (cutAt >= 0) text = undated.slice(0, cutAt);
	const words = text.split(/\s+/).filter(Boolean);
	// What a cut leaves at the end: a figure, a comma, a small word ("das Angebot 8.000", "avant le").
	const trailing = (w: string) =>
		/^[\d.,:;/%-]+$/u.test(w) || context.functionWords.has(w.toLowerCase().replace(/[,;:]+$/u, ''));
	while (cutAt >= 0 && words.length > 1 && trailing(words[words.length - 1]!)) words.pop();
	text = words.join(' ').replace(/[\s,;:]+$/u, '');
	// The note's capitals: a compound it hyphenates, a name it capitalises.
	text = text.replace(
		/(?<![\p{L}])(\p{L}+) (\p{L}+)(?![\p{L}])/gu,
		(pair) => context.capitals.get(pair.toLowerCase()) ?? pair
	);
	text = text.replace(/(?<![\p{L}-])\p{Ll}[\p{L}]*(?![\p{L}-])/gu, (w) => {
		const capital = context.capitals.get(w);
		if (capital && !context.functionWords.has(w)) return capital;
		return context.language === 'de' && topic && GERMAN_NOUN.test(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w;
	});
	return hasContent(text, context) ? text : '';
}

/** Every slot of the message that came from the notes, through the gate. */
export function gateParts(parts: MessageParts, context: SlotContext): MessageParts {
	const clean = (text: string) => (text ? cleanSlot(text, context) : text);
	const topic = (t: Topic | null | undefined): Topic | null => {
		if (!t) return null;
		const phrase = cleanSlot(t.phrase, context, true);
		if (!phrase) return null;
		const short = cleanSlot(t.short, context, true);
		return { ...t, phrase, short: short || phrase };
	};
	const things = (list: NounPhrase[]) => list.map((s) => ({ ...s, text: clean(s.text) })).filter((s) => s.text);
	const gated: MessageParts = {
		...parts,
		topic: topic(parts.topic),
		laterTopic: topic(parts.laterTopic) ?? undefined,
		sends: things(parts.sends),
		intros: parts.intros.map(clean).filter(Boolean),
		actions: parts.actions.map((a) => ({ ...a, object: clean(a.object) })),
		questions: parts.questions
			.map((q) => ({ clause: clean(q.clause), answer: q.answer && { ...q.answer, object: clean(q.answer.object) } }))
			.filter((q) => q.clause),
		// "asks for an importer → I'll introduce Ahmed": what follows the arrow answers it, and the intro is made.
		askedIntro: parts.askedIntro
			.filter((who) => !(parts.intros.length && /→|->|=>|⇒/u.test(who)))
			.map((who) => (who ? clean(who) : who)),
		askedThing: things(parts.askedThing)
	};
	if (gated.help?.kind === 'skill') {
		const text = clean(gated.help.text);
		gated.help = text ? { kind: 'skill', text } : { kind: 'topic' };
	}
	return gated;
}
