import { buildTopic, type TopicRules } from '../topic';
import { bare, set } from './common';
import { REMARK, expand } from './fr-actions';
import { de, definite, genreOf, hasDeterminer, headOf, isPlural, toVous } from './fr-nouns';
import { INFINITIVE } from './fr-verbs';
import type { Topic } from './types';

// Nouns that end like an infinitive, so a bare topic starting with one still takes an article.
const KNOWN_NOUN =
	/^(?:loisir|plaisir|avenir|pouvoir|savoir|devoir|espoir|dîner|déjeuner|manager|leader|cluster|container|conteneur|partner|newsletter|player|designer|developer|computer|router|server|power|poster|flyer|banner)$/i;

export const FUNCTION_WORDS = set(
	"le la les l un une des du de d au aux à a en d'ici jusqu'à dès et ou mais donc or ni car pour par sur sous avec sans chez dans entre vers depuis pendant avant après contre selon via comme que qu qui quoi dont où si ce cet cette ces ça cela ceci c mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je j tu il elle on nous vous ils elles me m te t se s lui eux y ne n pas plus très trop bien aussi encore déjà tout tous toute toutes est sont était étaient a ont avait été être avoir fait faire peut peuvent doit veut veulent va vont suis sommes êtes env environ ex dr pr mme m. mlle etc vs d'un d'une l'on qu'il qu'elle qu'on s'il c'est n'est j'ai m'a l'a gros grosse vrai vraie promis ok oui non"
);

/** "on a parlé de", "sujet :", "intéressés par": what the talk was about follows. */
export const LEAD_IN =
	/^(?:(?:on|nous)\s+(?:a|avons)\s+)?(?:surtout\s+|beaucoup\s+|longuement\s+|aussi\s+|rapidement\s+)?(?:parlé|discuté|échangé|causé|parle|discute|échange)(?:\s+(?:surtout|beaucoup|aussi|longuement|un peu|ensemble))?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|sur\s+|autour\s+d[eu]s?\s*|à\s+propos\s+d[eu]s?\s*)|^(?:(?:gros|grand|principal|vrai)\s+)?(?:sujets?|thèmes?|discussion|échange|conversation|topic|enjeux?|priorités?|besoins?|objectifs?|projets?|problématiques?)(?:\s+principale?)?\s*:\s*|^intéressée?s?\s+par\s+/iu;

// Their difficulty named by a label ("galère sur la reprise", "soucis de coûts cloud"): the rest is the topic.
const PAIN =
	/^(?:(?:gros|grosse|vraie?|grande?|principal|principale)\s+)?(?:galère|galères|souci|soucis|problème|problèmes|difficultés?|enjeu|enjeux|défi|challenge|pain point|blocage)s?\s+(?:sur|avec|de|d['’]|du|des|au niveau d[eu]s?|côté)\s*/iu;

const NOMINAL: [RegExp, string][] = [
	[/^(?:migrent|migre|migrer|migration)$/, 'migration'],
	[/^(?:passent|passe|passer)$/, 'passage'],
	[/^(?:déploient|déploie|déployer)$/, 'déploiement'],
	[/^(?:lancent|lance|lancer)$/, 'lancement'],
	[/^(?:recrutent|recrute|recruter)$/, 'recrutement'],
	[/^(?:refont|refait|refaire)$/, 'refonte'],
	[/^(?:remplacent|remplace|remplacer)$/, 'remplacement'],
	[/^(?:développent|développe|développer)$/, 'développement'],
	[/^(?:cherchent|cherche|chercher)$/, 'recherche'],
	[/^(?:construisent|construit|construire)$/, 'construction'],
	[/^(?:choisissent|choisit|choisir)$/, 'choix'],
	[/^(?:ouvrent|ouvre|ouvrir)$/, 'ouverture'],
	[/^(?:étendent|étend|étendre)$/, 'extension'],
	[/^(?:préparent|prépare|préparer)$/, 'préparation'],
	[/^(?:organisent|organise|organiser)$/, 'organisation'],
	[/^(?:réécrivent|réécrit|réécrire)$/, 'réécriture'],
	[/^(?:renouvellent|renouvelle|renouveler)$/, 'renouvellement'],
	[/^(?:réduisent|réduit|réduire)$/, 'réduction'],
	[/^(?:automatisent|automatise)$/, 'automatisation'],
	[/^(?:digitalisent|digitalise)$/, 'digitalisation'],
	[/^(?:internalisent|internalise)$/, 'internalisation'],
	[/^(?:modernisent|modernise)$/, 'modernisation'],
	[/^(?:industrialisent|industrialise)$/, 'industrialisation'],
	[/^(\p{Ll}{3,})(?:isent|iser)$/u, '$1isation'],
	[/^(\p{Ll}{3,})(?:ifient|ifier)$/u, '$1ification'],
	[/^(\p{Ll}{3,})(?:uent|uer)$/u, '$1uation']
];

/** "migrent leur SIRH vers Workday" → "la migration de votre SIRH vers Workday". */
function nominalise(text: string): string | null {
	const leave =
		/^(?:.*?(?:^|\s)(?:utilisent|utilise|ont|sont sur|est sur)\s+)?(.+?)\s+mais\s+(?:veulent|veut|voudraient|souhaitent|aimeraient)\s+(?:en\s+)?(?:sortir|changer|partir|quitter|migrer|sortir)(?![\p{L}])/iu.exec(
			text
		);
	if (leave?.[1])
		return `votre projet de quitter ${leave[1].replace(TOPIC_DROP, '').replace(/^(?:le|la|les|l['’])\s*/i, '')}`;
	const [verb = '', ...rest] = text.split(/\s+/);
	const rule = NOMINAL.find(([pattern]) => pattern.test(verb.toLowerCase()));
	if (!rule) return null;
	const noun = verb.toLowerCase().replace(rule[0], rule[1]);
	// "développent une appli" → "le développement de votre appli".
	// ("cherchent un CTO": one they have not found yet.)
	const tail = noun === 'recherche' ? rest.join(' ') : rest.join(' ').replace(/^(?:une?)\s+/i, 'votre ');
	// "migrent leur SIRH", "réduire les accidents": the process of a thing named, "la migration de…".
	const owned = /^(?:leur|leurs|son|sa|ses|votre|vos|le|la|les|l['’])(?:\s|(?<=['’]))/i.test(tail);
	const genre = genreOf(noun);
	const det = owned ? definite(genre, false, noun) : 'votre ';
	if (!tail) return `${det}${noun}`;
	// "des" after the verb is an article ("cherchent des bénévoles"), not "de les".
	if (/^(?:vers|à|au|aux|de|d['’]|depuis|sur|en|dans|chez|avec|pour)(?:\s|(?<=['’]))/i.test(tail))
		return `${det}${noun} ${tail}`;
	return `${det}${noun} ${de(tail)}`;
}

const TOPIC_DROP =
	/^(?:utilisent|utilise|ont|a|font|fait|gèrent|gère|travaillent sur|travaille sur|bossent sur|bosse sur|sont sur|est sur|ont besoin d[e']|a besoin d[e'])\s*/iu;

const TOPIC_RULES: TopicRules = {
	leadIn: /(?!)/,
	plansCue:
		/^(?:(?:ils|elles|il|elle|on|l'équipe|leur équipe|la boîte|l'entreprise)\s+)?(?:veulent|veut|voudraient|voudrait|souhaitent|souhaite|envisagent|envisage|prévoient|prévoit|comptent|compte|aimeraient|aimerait|projettent|projette|pensent|pense|vont|va|cherchent à|cherche à|sont en train de|est en train de|ont le projet de|a le projet de)\s+(?:de\s+|d['’]|à\s+)?(?=(?:s['’]|se\s+)?\p{L}+(?:er|ir|re|oir)(?![\p{L}]))(?!(?:notre|votre|leur|autre|entre|contre|offre)\s)(.+)/iu,
	plans: (verbPhrase) => `votre projet ${de(verbPhrase)}`,
	subjectCue:
		/(?:^|\s)(?:ils|elles|il|elle|on|l'équipe|leur équipe|la boîte|l'entreprise)\s+(?:(?:sont|est)\s+en\s+train\s+de\s+|(?:ont|a)\s+(?:déjà\s+)?commencé\s+à\s+)?/iu,
	nominalise,
	dropVerb: TOPIC_DROP,
	clauseBreak:
		/[,:;=]\s|\s(?:parce|car|mais|puisque|bien|qui|que|dont|où|quand|lorsque|si|donc|alors|sauf|et (?:ils|elles|il|elle|on|nous|je)|ils|elles|il|elle|on|je|nous|bof|genre|environ|~|=|>)\s|\s(?:qu|lorsqu|puisqu|parce qu|j)['’]/iu,
	functionWords: FUNCTION_WORDS,
	keepAtStart: /^(?:le|la|les|votre|vos|notre|nos|un|une|du|des)$/i,
	toSecondPerson: toVous,
	and: 'et',
	lowerFirst:
		/^(?:Le|La|Les|L['’]\p{L}+|Un|Une|Des|Du|Votre|Vos|Notre|Nos|Leur|Leurs|Son|Sa|Ses)$|^\p{Lu}\p{Ll}+(?:tion|sion|ment|ité|té|age|ure|ance|ence|isme|eur|euse|ique|aire|ie|és?|ées?|er|ir)$/u
};

/** Marks a question as theirs ("m'a demandé si", "question :"): removed. */
export const QUESTION_CUE =
	/^(?:(?:il|elle)\s+)?(?:m['’]|nous\s+)?(?:a|avait)\s+demandé\s+(?=si(?![\p{L}])|s['’]|comment|combien|quand|pourquoi|où|quel)|^(?:(?:il|elle)\s+)?(?:(?:me\s+)?demande|voulait savoir|veut savoir|se demande|se demandait)\s+(?=si(?![\p{L}])|s['’]|comment|combien|quand|pourquoi|où|quel)|^(?:sa\s+|leur\s+)?(?:questions?(?:\s+ouverte)?|q)\s*:\s*/iu;

// "Topics" that are a figure ("~30 m3/an", "3 SRE en arrivée"), a question or a lone word of the note's own.
const NOT_A_TOPIC = /^[~≈<>±]?\s*\d|^(?:question|q|est-ce|promis|ok|merci)(?![\p{L}])|\?\s*$/iu;

const FINITE = /\s(?:est|sont|était|étaient|a|ont|avait|avaient|fait|font|va|vont|peut|peuvent|doit|doivent)(?:\s|$)/iu;

function withoutLead(fragment: string): string {
	const text = expand(fragment).trim();
	const lead = LEAD_IN.exec(text);
	const rest = lead ? text.slice(lead[0].length) : text;
	// "parlé du recrutement" → "le recrutement": the article the lead-in swallowed comes back.
	const swallowed =
		/(?:du|des|de la|de l['’])\s*$/i
			.exec(lead?.[0] ?? '')?.[0]
			.trim()
			.toLowerCase() ?? '';
	const article: Record<string, string> = bare({
		du: 'le ',
		des: 'les ',
		'de la': 'la ',
		"de l'": "l'",
		'de l’': "l'"
	});
	return `${article[swallowed] ?? ''}${rest}`;
}

/** A bare noun ("coûts cloud") with its article, as a sentence names it; names and acronyms stay bare. */
function withArticle(topic: Topic): Topic {
	const first = topic.phrase.split(' ')[0]!;
	// "réduire les accidents" (after "Gros enjeu :"): what they aim to do.
	if (new RegExp(`^${INFINITIVE}`, 'u').test(first) && !KNOWN_NOUN.test(first))
		return {
			...topic,
			phrase: `votre objectif ${de(topic.phrase)}`,
			short: `votre objectif ${de(topic.short)}`,
			kind: 'plans'
		};
	// "fax e PEC": a list of bare nouns reads better without one article for the first.
	if (hasDeterminer(topic.phrase) || !/^\p{Ll}/u.test(first) || FUNCTION_WORDS.has(first) || / et /.test(topic.phrase))
		return topic;
	const head = headOf(topic.phrase.split(' '));
	const article = definite(genreOf(head), isPlural(head), topic.phrase);
	return { ...topic, phrase: `${article}${topic.phrase}`, short: `${article}${topic.short}` };
}

/** The topic of one fragment of a French note, as a phrase to the person. */
export function topicPhrase(fragment: string): Topic | null {
	if (NOT_A_TOPIC.test(fragment.trim()) || QUESTION_CUE.test(fragment.trim())) return null;
	let text = withoutLead(fragment);
	const pain = PAIN.exec(text);
	if (pain && pain[0].length < text.length) {
		const joined = pain[0].trim().toLowerCase().split(/\s+/).pop() ?? '';
		text = (joined === 'du' ? 'le ' : joined === 'des' ? 'les ' : '') + text.slice(pain[0].length);
	}
	const remark = REMARK.exec(text);
	if (remark) text = text.slice(0, remark.index);
	text = text.replace(/(?<=^|\s)(?:(?:ils|elles|il|elle|on)\s+)?(?:sont|est)\s+en\s+train\s+d(?:e\s+|['’])/iu, '');
	// "ils réécrivent leur moteur": a verb that names no project; what they work on is the topic.
	const done = /^(?:ils|elles|on)\s+(\p{Ll}+(?:ent|ont))\s+(.+)$/iu.exec(text);
	if (
		done &&
		!nominalise(`${done[1]} ${done[2]}`) &&
		!TOPIC_RULES.plansCue.test(text) &&
		!TOPIC_DROP.test(`${done[1]} `)
	)
		text = done[2]!;
	// Notes drop the subject ("Cherchent des bénévoles…"): the verb itself opens the fragment.
	const nominal = nominalise(text.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()));
	const topic = buildTopic(nominal ?? text, TOPIC_RULES);
	// "votre équipe est sur Salesforce" is a sentence, not a topic to name.
	if (!topic || NOT_A_TOPIC.test(topic.phrase) || FINITE.test(topic.phrase)) return null;
	return withArticle(topic);
}
