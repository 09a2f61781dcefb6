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
	| 'no doubled words';

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
	'no doubled words'
];

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
	return broken;
}
