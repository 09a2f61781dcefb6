// The rules bench:drafts holds every drafted follow-up to. Written apart from the draft code and
// sharing none of it: its own word lists, its own tokenizer, so a draft cannot pass by agreeing
// with itself.

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'it';

export interface NoteCase {
	id: string;
	language: Lang;
	myName: string;
	theirName: string;
	event: string;
	note: string;
	promises: string[];
	helpOffer: string;
	myHelpWith: string;
	expect: { promised: string[][]; requested: string[][]; topic: string[]; private: string[] };
}

export interface DraftOut {
	subject: string;
	body: string;
	language: string;
}

// Frequent function words of each language (a text's language is the one whose words it uses most).
const STOPWORDS: Record<Lang, string[]> = {
	en: 'the a an and to of for you your i it is was with on at about we our in that this as be will have can if here so just me my would like'.split(
		' '
	),
	de: 'der die das und zu den dem des ich sie ihnen ihr ihre ist mit auf für von über wie wir uns ein eine einen einem gern gerne bei nicht auch noch zum zur dass mich mir hier anbei vielen dank herzliche grüße schön'.split(
		' '
	),
	fr: 'le la les et à de des du un une je vous votre vos pour sur avec est au aux nous notre ce cette ici voici comme merci bien si en qui que ravi plaisir cordialement'.split(
		' '
	),
	es: 'el la los las y de del a un una que te tu tus con para por sobre es en como aquí gracias me mi nuestro nuestra al lo le si saludos gusto'.split(
		' '
	),
	pt: 'o a os as e de do da dos das um uma que você seu sua com para por sobre é em no na como aqui obrigado obrigada me meu nosso nossa ao se abraço prazer segue'.split(
		' '
	),
	it: 'il lo la i gli le e di del della un una che con per su sul sulla è in come ecco grazie mi mio nostro nostra al alla se cordiali saluti piacere lei suo sua'.split(
		' '
	)
};

// A word that speaks to the reader, in each language.
const SECOND_PERSON: Record<Lang, RegExp> = {
	en: /\b(?:you|your|yours)\b/i,
	de: /\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|du|dich|dir|dein|deine)\b/,
	fr: /\b(?:vous|votre|vos|tu|toi|ton|ta|tes)\b/i,
	es: /(?:^|[\s¿¡(])(?:tú|te|ti|tu|tus|contigo|usted|ustedes|le|su|sus)\b/i,
	pt: /\b(?:você|vocês|seu|sua|seus|suas|te|lhe|contigo|o senhor|a senhora)\b/i,
	it: /\b(?:Lei|La|Le|Suo|Sua|Suoi|Sue|tu|ti|te|tuo|tua|voi|vi|vostro|vostra)\b/
};

// Words that would speak of the reader in the third person ("Thanks for their move…").
const THIRD_PERSON: Record<Lang, RegExp> = {
	en: /\b(?:he|she|him|his|hers|himself|herself|their|they|them)\b/i,
	de: /\b(?:er|ihm|ihn|seine|seinen|seinem|seiner)\b/,
	fr: /\b(?:il|elle|lui|leur|leurs|ils|elles)\b/i,
	es: /\b(?:él|ella|ellos|ellas)\b/i,
	pt: /\b(?:ele|ela|dele|dela|eles|elas|deles|delas)\b/i,
	it: /\b(?:lui|egli|ella|loro)\b/
};

/** Lowercased words, accents kept. */
export function tokens(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function contains(haystack: string, needle: string): boolean {
	return fold(haystack).includes(fold(needle));
}

/** The language whose function words a text uses most (ties: none). */
export function stopwordLanguage(text: string): Lang | null {
	const words = tokens(text);
	const scores = (Object.keys(STOPWORDS) as Lang[]).map((lang) => {
		const list = new Set(STOPWORDS[lang]);
		return [lang, words.filter((w) => list.has(w)).length] as const;
	});
	scores.sort((a, b) => b[1] - a[1]);
	const [best, second] = scores;
	return best && best[1] > 0 && best[1] > (second?.[1] ?? 0) ? best[0] : null;
}

/** The body's own sentences: no greeting, no sign-off, no name lines. */
function messageSentences(body: string): string[] {
	const lines = body.split('\n').filter((l) => l.trim());
	return lines
		.slice(1, -2)
		.flatMap((l) => l.split(/(?<=[.!?:])\s+/))
		.filter((s) => tokens(s).length >= 3);
}

function ngrams(words: string[], n: number): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
	return out;
}

export type RuleName =
	| 'language'
	| 'promise mentioned'
	| 'request answered'
	| 'topic named'
	| 'no private remark'
	| 'no pasted run of 9+ words'
	| 'no ellipsis'
	| 'second person'
	| 'subject ≤ 78 characters'
	| 'no doubled words'
	| 'no note shorthand or symbols'
	| 'no pasted run of 6+ words'
	| 'no cut phrase'
	| 'no lower-case copy of a name';

export const RULES: RuleName[] = [
	'language',
	'promise mentioned',
	'request answered',
	'topic named',
	'no private remark',
	'no pasted run of 9+ words',
	'no ellipsis',
	'second person',
	'subject ≤ 78 characters',
	'no doubled words',
	'no note shorthand or symbols',
	'no pasted run of 6+ words',
	'no cut phrase',
	'no lower-case copy of a name'
];

/** The rules of issue 18, before the stricter ones were added: their figure is printed too. */
export const FIRST_RULES: RuleName[] = RULES.slice(0, 10);

/**
 * Printed per set, not held: a run of six note words also copies what a draft may well repeat —
 * the place ("at the SRE panel Q&A"), the question they asked, reported ("whether our connector
 * supports …"), a topic that is a clean noun phrase. It shows how much of a note a draft repeats.
 */
export const WATCHED: RuleName[] = ['no pasted run of 6+ words'];

// What a note jots and a letter never writes: arrows, a lone "+", "~", "w/", "re" for "about",
// abbreviations of measure and approximation, chat shorthand. "Q&A", "C++" and "re:publica" are names.
const SHORTHAND =
	/(?:^|\s)(?:\+|→|->|=>|⇒|~|≈|w\/|c\/|p\/|re|tbh|lol|btw|asap|imo|fyi|z\.\s?B\.|u\.a\.|v\.a\.|bzgl\.|ggf\.|evtl\.|ca\.|approx\.?|aprox\.?|env\.|incl\.|inkl\.|Stk\.?|pz|pç|pçs|jmd|jmdn|gnt|nem|ner|mt|hj|vc|tb|q|Fa\.|Univ\.|creds|ecc\.|etc\.?|mín\.?|dir\.|prov\.)(?=$|[\s,.;!?)]|:(?!\p{L}))/imu;

// The small words a phrase cannot end on: articles, prepositions, conjunctions, possessives.
// A sentence that ends on one was cut mid-phrase ("… für ihr Women" is caught by its "ihr" only
// when it ends there; "la tirada por la Pedriza algun." ends on a determiner).
const DANGLING: Record<Lang, string[]> = {
	en: 'the a an and or of for to with at in on by from about our your my their its whether'.split(' '),
	de: 'der die das den dem des ein eine einen einem einer und oder von vom für zum zur bei beim am im in über unser unsere ihr ihre mein meine ob'.split(
		' '
	),
	fr: 'le la les un une des du de et ou à au aux pour avec sur dans par notre votre mon ma mes vos nos si'.split(' '),
	es: 'el la los las un una unos unas y o de del a al para con por sobre en mi tu su nuestro nuestra algun algún si'.split(
		' '
	),
	pt: 'o a os as um uma e ou de do da dos das ao à para com por sobre em no na meu minha seu sua nosso nossa se'.split(
		' '
	),
	it: 'il lo la i gli le un una uno e o di del della dei a al alla per con su sul nel in da mio mia suo sua nostro nostra se'.split(
		' '
	)
};

/** A word the note writes with a capital inside a sentence (a name, a brand, a German noun). */
function capitalisedInNote(note: string): Set<string> {
	const out = new Set<string>();
	for (const m of note.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)(\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}])/gu)) out.add(m[1]!);
	// A word the note also writes in lower case is a common word (a sentence start, a heading).
	for (const word of [...out])
		if (new RegExp(`(?<![\\p{L}])${word.toLowerCase()}(?![\\p{L}])`, 'u').test(note)) out.delete(word);
	return out;
}

/** Each rule the draft breaks, with why. */
export function checkDraft(note: NoteCase, draft: DraftOut): Partial<Record<RuleName, string>> {
	const broken: Partial<Record<RuleName, string>> = {};
	const text = `${draft.subject}\n${draft.body}`;
	const names = new Set(tokens(`${note.theirName} ${note.myName} ${note.event}`));
	const sentences = messageSentences(draft.body);

	const wrongSentences = sentences.filter((s) => {
		const lang = stopwordLanguage(
			s
				.split(/\s+/)
				.filter((w) => !names.has(w.toLowerCase()))
				.join(' ')
		);
		return lang !== null && lang !== note.language;
	});
	if (draft.language !== note.language) broken.language = `drafted in ${draft.language}`;
	else if (wrongSentences.length) broken.language = `in another language: ${wrongSentences.join(' | ')}`;

	const missing = (groups: string[][]) => groups.filter((group) => !group.some((k) => contains(text, k)));
	const lostPromises = missing(note.expect.promised);
	if (lostPromises.length) broken['promise mentioned'] = lostPromises.map((g) => g.join('/')).join(', ');
	const lostRequests = missing(note.expect.requested);
	if (lostRequests.length) broken['request answered'] = lostRequests.map((g) => g.join('/')).join(', ');
	const opening = `${draft.subject}\n${draft.body.split('\n').slice(0, 4).join('\n')}`;
	if (note.expect.topic.length && !note.expect.topic.some((k) => contains(opening, k)))
		broken['topic named'] = note.expect.topic.join('/');

	const draftWords = tokens(text);
	for (const remark of note.expect.private) {
		const words = tokens(remark);
		const n = Math.min(4, words.length);
		const shared = [...ngrams(words, n)].filter((g) => ngrams(draftWords, n).has(g));
		if (shared.length) broken['no private remark'] = `“${remark}”`;
	}
	const pasted = [...ngrams(tokens(note.note), 9)].filter((g) => ngrams(draftWords, 9).has(g));
	if (pasted.length) broken['no pasted run of 9+ words'] = pasted[0];
	if (/…|\.\.\./.test(text)) broken['no ellipsis'] = 'ellipsis';
	const speech = sentences.join(' ');
	if (!SECOND_PERSON[note.language].test(speech)) broken['second person'] = 'never addresses the reader';
	else if (THIRD_PERSON[note.language].test(speech))
		broken['second person'] = `third person: ${THIRD_PERSON[note.language].exec(speech)?.[0]}`;
	if (!draft.subject.trim() || draft.subject.length > 78) broken['subject ≤ 78 characters'] = `${draft.subject.length}`;
	const doubled = /\b(\p{L}+)\s+\1\b/iu.exec(text);
	if (doubled) broken['no doubled words'] = doubled[0];

	// Subject and the message's sentences, not the greeting or the names.
	const written = [draft.subject, ...sentences];
	const jotted = written.map((s) => SHORTHAND.exec(s)?.[0]?.trim()).find(Boolean);
	if (jotted) broken['no note shorthand or symbols'] = `“${jotted}”`;
	// A run of six of the note's words is a pasted fragment, unless the person typed it as a promise.
	const typed = ngrams(tokens(note.promises.join(' \n ')), 6);
	const six = [...ngrams(tokens(note.note), 6)].filter((g) => !typed.has(g) && ngrams(draftWords, 6).has(g));
	if (six.length) broken['no pasted run of 6+ words'] = six[0];
	const small = new Set(DANGLING[note.language]);
	const cut = written
		.flatMap((s) =>
			s.split(
				/[.:;!?](?:\s|$)|,\s+(?=as promised|wie versprochen|comme promis|como te prometí|como prometido|come promesso)/u
			)
		)
		.map((s) => tokens(s).at(-1))
		.find((w) => w && small.has(w));
	if (cut) broken['no cut phrase'] = `ends on “${cut}”`;
	const capitals = capitalisedInNote(note.note);
	const lowered = tokens(written.join(' ')).find(
		(w) =>
			capitals.has(w.charAt(0).toUpperCase() + w.slice(1)) &&
			!new RegExp(`(?<![\\p{L}])${w.charAt(0).toUpperCase() + w.slice(1)}`, 'u').test(written.join(' '))
	);
	if (lowered) broken['no lower-case copy of a name'] = lowered;
	return broken;
}
