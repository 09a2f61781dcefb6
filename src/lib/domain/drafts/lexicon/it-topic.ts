import { buildTopic, type TopicRules } from '../topic';
import { set } from './common';
import { REMARK, expand } from './it-actions';
import { ENGLISH, definite, genereOf, hasDeterminer, isPlural, toLei } from './it-nouns';
import { prep, uncontract } from './it-phrases';
import type { Topic } from './types';

// Words that end like a verb form but are nouns or names ("piano", "Milano", "piacere", "cantiere").
const NOT_VERB =
	/^(?:piano|milano|italiano|toscano|romano|umano|mano|lontano|buono|suono|trono|patrono|dono|tono|piacere|cantiere|quartiere|carattere|mestiere|potere|dovere|sapere|volere|avere|essere|giornale|fornitore|partner|manager|cluster|container|server|computer|newsletter|designer|leader)$/i;

export const FUNCTION_WORDS = set(
	"il lo la i gli le l un uno una un' di del dello della dell dei degli delle a ad al allo alla all ai agli alle da dal dallo dalla dall dai dagli dalle in nel nello nella nell nei negli nelle su sul sullo sulla sull sui sugli sulle con col per tra fra e ed o od ma però che chi cui non più molto poco anche già ancora sempre mai tutto tutti tutta tutte questo questa questi queste quello quella quelli quelle mio mia miei mie tuo tua suo sua suoi sue nostro nostra nostri nostre vostro vostra loro io tu lui lei noi voi mi ti ci vi si ne è sono era erano ha hanno aveva avevano essere avere fa fanno può possono deve vuole vogliono come se x ns ca ecc tipo dott prof ing sig dott.ssa nb promesso ok sì no"
);

/** "abbiamo parlato di", "tema:", "interessata ai": what the talk was about follows. */
export const LEAD_IN =
	/^(?:(?:abbiamo\s+)?(?:parlato|discusso|chiacchierato)|parla(?:to)?|si è parlato|parlando|discutendo)(?:\s+(?:soprattutto|molto|anche|a lungo|un po['’]|tanto))?\s+(?:di|su|del|dello|della|dell['’]|dei|degli|delle|sul|sullo|sulla|sull['’]|sui|sugli|sulle)(?:\s+|(?<=['’]))|^(?:tema|temi|argomento|argomenti|topic|discussione|obiettivo|obiettivi|esigenza|esigenze|priorità|progetto|bisogno)(?:\s+principale)?\s*:\s*|^interessat[oaie]\s+(?:a|al|allo|alla|all['’]|ai|agli|alle)(?:\s+|(?<=['’]))/iu;

// Their difficulty named by a label ("il problema è che…", "difficoltà con il recruiting"): the rest is the topic.
const PAIN =
	/^(?:il\s+|la\s+)?(?:(?:grosso|vero|principale|grande)\s+)?(?:problema|problemi|difficoltà|sfida|criticità|nodo|pain point|punto dolente)(?:\s+(?:principale|grosso|vero))?\s*(?:(?:è|sono)\s+(?:che\s+)?|con(?:\s+|(?=\s))|su\s+|di\s+|(?:sul|sulla|sullo|sui|sulle|col|del|della|dei|delle)(?=\s))?\s*/iu;

const NOMINAL: [RegExp, string][] = [
	[/^(?:migrano|migra|migrare|migrando)$/, 'migrazione'],
	[/^(?:passano|passa|passare|passando)$/, 'passaggio'],
	[/^(?:lanciano|lancia|lanciare|lanciando)$/, 'lancio'],
	[/^(?:sviluppano|sviluppa|sviluppare|sviluppando)$/, 'sviluppo'],
	[/^(?:sostituiscono|sostituisce|sostituire|sostituendo)$/, 'sostituzione'],
	[/^(?:cercano|cerca|cercare|cercando)$/, 'ricerca'],
	[/^(?:rifanno|rifà|rifare)$/, 'rifacimento'],
	[/^(?:adottano|adotta|adottare|adottando)$/, 'adozione'],
	[/^(?:costruiscono|costruisce|costruire|costruendo)$/, 'costruzione'],
	[/^(?:aprono|apre|aprire|aprendo)$/, 'apertura'],
	[/^(?:espandono|espande|espandere|espandendo)$/, 'espansione'],
	[/^(?:valutano|valuta|valutare|valutando)$/, 'valutazione'],
	[/^(?:consolidano|consolida|consolidare|consolidando)$/, 'consolidamento'],
	[/^(\p{Ll}{3,})(?:izzano|izzare|izzando)$/u, '$1izzazione'],
	[/^(\p{Ll}{3,})(?:entano|entare|entando)$/u, '$1entazione']
];

const DROP = /^(?:usano|utilizzano|usa|utilizza|hanno|ha|fanno|fa|gestiscono|gestisce|lavorano su|lavora su)\s+/iu;

/** "migrano il CRM su Salesforce" → "la migrazione del CRM su Salesforce"; "usano X ma vogliono uscire" → "il Suo progetto di lasciare X". */
function nominalise(text: string): string | null {
	const leave =
		/^(?:.*?(?:^|\s)(?:usano|utilizzano|usa|utilizza|hanno|sono su|è su)\s+)?(.+?)\s+ma\s+(?:vogliono|vuole|vorrebbero|vorrebbe|pensano di|pensa di|devono|deve)\s+(?:uscir\p{L}*|lasciar\p{L}*|abbandonar\p{L}*|cambiar\p{L}*|migrar\p{L}*|sostituir\p{L}*)/iu.exec(
			text
		);
	if (leave?.[1])
		return `il Suo progetto di lasciare ${leave[1].replace(DROP, '').replace(/^(?:il|lo|la|i|gli|le)\s+|^l['’]/i, '')}`;
	const [verb = '', ...rest] = text.split(/\s+/);
	const rule = NOMINAL.find(([pattern]) => pattern.test(verb.toLowerCase()));
	if (!rule) return null;
	const noun = verb.toLowerCase().replace(rule[0], rule[1]);
	// "sviluppano un'app" → "lo sviluppo della Sua app".
	// ("cercano un partner": one they have not found yet.)
	const tail = rest
		.join(' ')
		.replace(
			noun === 'ricerca' ? /(?!)/ : /^(?:un['’]\s*|una\s+|uno\s+|un\s+)(\p{L}+)/iu,
			(_, noun: string) => `${genereOf(noun) === 'f' ? 'la Sua' : 'il Suo'} ${noun}`
		);
	const owned = /^(?:(?:il|la|i|le)\s+)?(?:suo|sua|suoi|sue|loro)\s/i.test(tail);
	const g = genereOf(noun);
	// "la digitalizzazione della raccolta", not "la Sua digitalizzazione": Italian names the process plainly.
	const det = owned || noun !== 'ricerca' ? definite(g, false, noun) : 'la Sua ';
	if (!tail) return `${det}${noun}`;
	if (/^(?:da|a|al|alla|allo|ai|su|sul|sulla|verso|in|nel|nella|con|per|tra|fra)(?:\s|(?<=['’]))/i.test(tail))
		return `${det}${noun} ${tail}`;
	return `${det}${noun} ${prep('di', tail)}`;
}

const TOPIC_RULES: TopicRules = {
	leadIn: /(?!)/,
	plansCue:
		/^(?:(?:loro|lui|lei|il team|l'azienda|il cliente)\s+)?(?:vogliono|vuole|vorrebbero|vorrebbe|pensano di|pensa di|intendono|intende|prevedono di|prevede di|stanno pensando di|sta pensando di|hanno in programma di|ha in programma di|puntano a|punta a|mirano a|mira a|cercano di|cerca di|stanno valutando di|sta valutando di|devono|deve)\s+(?=\p{L}+(?:are|ere|ire|rre|arsi|ersi|irsi)(?![\p{L}]))(.+)/iu,
	plans: (verbPhrase) => `il Suo progetto ${prep('di', verbPhrase)}`,
	subjectCue:
		/(?:^|\s)(?:(?:loro|lui|lei|il team|l'azienda)\s+)?(?:usano|utilizzano|usa|utilizza|chiedono|richiedono|esigono|pretendono|impongono)\s+(?:(?:ancora|già|tuttora|sempre|solo|soltanto)\s+)?|(?:^|\s)(?:loro|lui|lei|il team|l'azienda)\s+(?:stanno\s+|sta\s+)?/iu,
	nominalise,
	dropVerb: DROP,
	clauseBreak:
		/[,:;=]\s|\s(?:perché|poiché|siccome|però|ma|che|cui|dove|quando|mentre|se|quindi|allora|cioè|e (?:loro|lui|lei|noi|io)|loro|lui|lei|io|noi|boh|ecc\.?|tipo|per\s+\p{L}+(?:are|ere|ire))\s/iu,
	functionWords: FUNCTION_WORDS,
	keepAtStart: /^(?:il|lo|la|i|gli|le|un|uno|una|Suo|Sua|Suoi|Sue|nostro|nostra|nostri|nostre)$/i,
	toSecondPerson: toLei,
	and: 'e',
	lowerFirst:
		/^(?:Il|Lo|La|I|Gli|Le|L['’]\p{L}+|Un|Uno|Una|Un['’]\p{L}+)$|^\p{Lu}\p{Ll}+(?:zione|sione|mento|ità|ismo|ura|enza|anza|ico|ica|ici|iche|ale|ali|aggio)$/u
};

/** Marks a question as theirs ("ha chiesto se", "domanda:"): removed. */
export const QUESTION_CUE =
	/^(?:(?:lui|lei)\s+)?(?:mi\s+|ci\s+)?(?:ha\s+chiesto|aveva\s+chiesto|chiede|chiedeva|domanda|domandava|vuole\s+sapere|voleva\s+sapere|si\s+chiede|si\s+chiedeva)\s+(?:(?:anche|pure|inoltre)\s+)?(?=se(?![\p{L}])|come|quanto|quando|dove|perché|quale|quali|chi|cosa)|^(?:sua\s+)?(?:domanda|dubbio|quesito|q)(?:\s+aperta)?\s*:\s*/iu;

// "Topics" that are a figure ("3 SRE in arrivo", "~30 pazienti"), a question or a lone word of the note's own.
const NOT_A_TOPIC = /^[~≈<>±]?\s*\d|^(?:domanda|dubbio|q|promesso|ok|grazie)(?![\p{L}])|\?\s*$/iu;

const FINITE =
	/\s(?:è|sono|era|erano|ha|hanno|aveva|avevano|fa|fanno|può|possono|deve|devono|usa|usano|vuole|vogliono)(?:\s|$)/iu;

function withoutLead(fragment: string): string {
	const text = expand(fragment).trim();
	const lead = LEAD_IN.exec(text);
	if (!lead) return text;
	// "interessata ai nostri sughi" → "i nostri sughi": the article the preposition held comes back.
	const last = lead[0].trim().toLowerCase().split(/\s+/).pop()!.replace(/’$/, "'");
	return `${uncontract(last)?.article ?? ''}${text.slice(lead[0].length)}`;
}

/** A bare noun ("packaging compostabile") with its article; names and acronyms stay bare. */
function withArticle(topic: Topic): Topic {
	const first = topic.phrase.split(' ')[0]!;
	// "ridurre i costi" (after "Obiettivo:"): what they aim to do.
	if (/^\p{Ll}+(?:are|ere|ire|rre)$/u.test(first) && !NOT_VERB.test(first) && !ENGLISH.test(first))
		return {
			...topic,
			phrase: `il Suo obiettivo ${prep('di', topic.phrase)}`,
			short: `il Suo obiettivo ${prep('di', topic.short)}`,
			kind: 'plans'
		};
	// "fax e PEC": a list of bare nouns reads better without one article for the first.
	if (hasDeterminer(topic.phrase) || !/^\p{Ll}/u.test(first) || FUNCTION_WORDS.has(first) || / e /.test(topic.phrase))
		return topic;
	const article = definite(genereOf(first), isPlural(first), topic.phrase);
	return { ...topic, phrase: `${article}${topic.phrase}`, short: `${article}${topic.short}` };
}

/** The topic of one fragment of an Italian note, as a phrase to the person. */
export function topicPhrase(fragment: string): Topic | null {
	if (NOT_A_TOPIC.test(fragment.trim()) || QUESTION_CUE.test(fragment.trim())) return null;
	let text = withoutLead(fragment);
	const pain = PAIN.exec(text);
	if (pain && pain[0].trim() && pain[0].length < text.length) {
		const held = uncontract(pain[0].trim().split(/\s+/).pop() ?? '')?.article ?? '';
		text = `${held}${text.slice(pain[0].length)}`;
	}
	const remark = REMARK.exec(text);
	if (remark) text = text.slice(0, remark.index);
	text = text.replace(/^(?:(?:loro|lui|lei)\s+)?(?:stanno|sta|stavano|stava)\s+(?=\p{L}+(?:ando|endo)(?!\p{L}))/iu, '');
	// "testano il nuovo modulo": a verb that names no project; what they work on is the topic.
	const done = /^(?:(?:loro|lui|lei)\s+)?(\p{Ll}{4,}(?:ano|ono))\s+(.+)$/iu.exec(text);
	if (
		done &&
		!NOT_VERB.test(done[1]!) &&
		!nominalise(`${done[1]} ${done[2]}`) &&
		!TOPIC_RULES.plansCue.test(text) &&
		!DROP.test(`${done[1]} `)
	)
		text = done[2]!;
	// Notes drop the subject ("Cercano un partner…"): the verb itself opens the fragment.
	const nominal = nominalise(text.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()));
	const topic = buildTopic(nominal ?? text, TOPIC_RULES);
	// "il Comune è lento" is a sentence, not a topic to name.
	if (!topic || NOT_A_TOPIC.test(topic.phrase) || FINITE.test(topic.phrase)) return null;
	return withArticle(topic);
}
