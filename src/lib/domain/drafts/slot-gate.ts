import type { DraftLanguage } from './languages';
import type { Action, MessageParts, NounPhrase, Topic } from './lexicon/types';

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

// A topic that speaks of the reader in the third person ("Mentor:innen für ihr Bootcamp"): the
// note's words about them, not a phrase to them. German and Italian lower case only (Ihr, Lei).
const THIRD_PERSON: Record<DraftLanguage, RegExp> = {
	en: /(?<![\p{L}])(?:he|she|him|his|hers|they|them|their)(?![\p{L}])/iu,
	de: /(?<![\p{L}])(?:er|ihm|ihn|sein|seine|seinem|seinen|seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres)(?![\p{L}])/u,
	fr: /(?<![\p{L}])(?:il|elle|lui|ils|elles)(?![\p{L}])/iu,
	es: /(?<![\p{L}])(?:él|ella|ellos|ellas)(?![\p{L}])/iu,
	pt: /(?<![\p{L}])(?:ele|ela|dele|dela|eles|elas|deles|delas)(?![\p{L}])/iu,
	it: /(?<![\p{L}])(?:lui|egli|lei|loro)(?![\p{L}])/u
};

// A bare infinitive at a topic's start ("rastrear emissões", "rispondere breve"): a clause, not a thing.
const INFINITIVE: Partial<Record<DraftLanguage, RegExp>> = {
	es: /^\p{Ll}{3,}(?:ar|er|ir)$/u,
	pt: /^\p{Ll}{3,}(?:ar|er|ir)$/u,
	it: /^\p{Ll}{3,}(?:are|ere|ire)$/u
};

// What they intend, in the frame each language has for it ("os seus planos de rastrear emissões").
const PLANS: Partial<Record<DraftLanguage, (verbPhrase: string) => string>> = {
	es: (vp) => `tu plan de ${vp}`,
	pt: (vp) => `os seus planos de ${vp}`,
	it: (vp) => `il Suo progetto di ${vp}`
};

/** Whether a topic starts with a bare infinitive (a plan, not a thing). */
export function startsWithInfinitive(text: string, context: SlotContext): boolean {
	const first = text.split(/\s+/)[0] ?? '';
	return Boolean(INFINITIVE[context.language]?.test(first)) && !context.functionWords.has(first);
}

/** Whether a cleaned topic reads as a noun phrase a message can be about. */
function isCleanTopic(text: string, context: SlotContext): boolean {
	if (THIRD_PERSON[context.language].test(text)) return false;
	if (startsWithInfinitive(text, context)) return false;
	// "freelance illustr.": a word the note cut short.
	return !/^\p{Ll}{3,}\.$/u.test(text.split(/\s+/).pop() ?? '');
}

/** A topic as a clean phrase: as it is, as their plan when it starts with an infinitive, or ''. */
function cleanTopic(phrase: string, context: SlotContext): { text: string; plans: boolean } {
	const plain = cleanSlot(phrase, context, true);
	if (plain) return { text: plain, plans: false };
	const plans = PLANS[context.language];
	const bare = cleanSlot(phrase, { ...context }, false);
	if (!plans || !bare || !startsWithInfinitive(bare, context)) return { text: '', plans: false };
	const wrapped = cleanSlot(plans(bare), context, true);
	return { text: wrapped, plans: Boolean(wrapped) };
}

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
	// "as datas de set.": a word the note cut short at the end goes, with what it leaves.
	const short = topic ? null : /\s\p{Ll}{2,5}\.$/u.exec(undated);
	const cutAt = cut ? cut.index : short ? short.index : undated.length < text.length ? undated.length : -1;
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
	if (topic && !isCleanTopic(text, context)) return '';
	return hasContent(text, context) ? text : '';
}

// An English to-do verb in a message in another language ("check ich capacity with Jan", "Inoltre
// review l'RFC"): the language's own verb, in the form its frame takes.
const ENGLISH_VERB = /^(?:check|ask|verify|confirm|clarify|find|look|review)$/iu;
const CHECK: Record<DraftLanguage, string> = {
	en: 'check',
	de: 'kläre',
	fr: 'vérifie',
	es: 'consultar',
	pt: 'verificar',
	it: 'verifico'
};
const REVIEW: Record<DraftLanguage, string> = {
	en: 'review',
	de: 'prüfe',
	fr: 'relis',
	es: 'revisar',
	pt: 'rever',
	it: 'rivedo'
};
// What it is about, when the to-do says so ("re Lizenzmodell"): "das Thema Lizenzmodell".
const MATTER: Record<DraftLanguage, (what: string) => string> = {
	en: (what) => what,
	de: (what) => `das Thema ${what}`,
	fr: (what) => `la question de ${what}`,
	es: (what) => `el tema de ${what}`,
	pt: (what) => `a questão de ${what}`,
	it: (what) => `la questione di ${what}`
};
const ENGLISH_WORDS = /(?<![\p{L}])(?:with|w\/|about|for|to|the|and|of|re)(?![\p{L}])/iu;

function ownVerb(action: Action, context: SlotContext): Action {
	const verb = action.verb.split(' ')[0] ?? '';
	if (context.language === 'en' || (action.kind !== 'look' && action.kind !== 'do') || !ENGLISH_VERB.test(verb))
		return action;
	const review = /^review$/i.test(verb);
	// "w/ Tobias re Lizenzmodell" (read as "… zu Lizenzmodell"): only what it is about.
	const about = new RegExp(`(?:^|\\s)(?:re|${ABOUT[context.language]}|about)\\s+(.+)$`, 'iu').exec(action.object);
	const object = about
		? MATTER[context.language](about[1]!)
		: ENGLISH_WORDS.test(action.object) || /^\p{Lu}\p{Ll}+$/u.test(action.object)
			? ''
			: action.object;
	return { ...action, kind: 'look', verb: review ? REVIEW[context.language] : CHECK[context.language], object };
}

// The words a noun phrase starts with: a second thing after "and" starts with one of them.
const DETERMINER: Record<DraftLanguage, string> = {
	en: 'the|a|an|our|my',
	de: 'der|die|das|den|ein|eine|einen|unser|unsere|unseren|mein|meine|meinen',
	fr: "le|la|les|l['’]|un|une|des|notre|nos|mon|ma|mes",
	es: 'el|la|los|las|un|una|nuestro|nuestra|nuestros|nuestras|mi|mis',
	pt: 'o|a|os|as|um|uma|nosso|nossa|nossos|nossas|meu|minha',
	it: "il|lo|la|i|gli|le|l['’]|un|una|il nostro|la nostra"
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Things sent as one list: an item that is itself two things ("la cotización … y el gateway") is
 * two items, so the list puts its "and" only before the last; a thing named twice ("el vídeo",
 * "el video") is named once.
 */
function listOf(items: NounPhrase[], context: SlotContext): NounPhrase[] {
	const split = new RegExp(`\\s+${context.and}\\s+(?=(?:${DETERMINER[context.language]})(?:\\s|(?<=['’])))`, 'iu');
	const out: NounPhrase[] = [];
	for (const item of items)
		for (const [i, part] of item.text.split(split).entries()) {
			const text = part.trim();
			if (text && !out.some((o) => fold(o.text) === fold(text)))
				out.push(i === 0 ? { ...item, text } : { text, plural: false });
		}
	return out;
}

/** Every slot of the message that came from the notes, through the gate. */
export function gateParts(parts: MessageParts, context: SlotContext): MessageParts {
	const clean = (text: string) => (text ? cleanSlot(text, context) : text);
	const topic = (t: Topic | null | undefined): Topic | null => {
		if (!t) return null;
		const phrase = cleanTopic(t.phrase, context);
		if (!phrase.text) return null;
		const short = cleanTopic(t.short, context).text;
		return { ...t, kind: phrase.plans ? 'plans' : t.kind, phrase: phrase.text, short: short || phrase.text };
	};
	const things = (list: NounPhrase[]) => list.map((s) => ({ ...s, text: clean(s.text) })).filter((s) => s.text);
	const gated: MessageParts = {
		...parts,
		topic: topic(parts.topic),
		laterTopic: topic(parts.laterTopic) ?? undefined,
		sends: listOf(things(parts.sends), context),
		intros: parts.intros.map(clean).filter(Boolean),
		actions: parts.actions.map((a) => ownVerb({ ...a, object: clean(a.object) }, context)),
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
