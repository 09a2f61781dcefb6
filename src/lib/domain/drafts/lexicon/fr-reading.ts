import { REMARK, action, due } from './fr-actions';
import { definite, frenchThing, genreOf, toVous } from './fr-nouns';
import { INFINITIVE } from './fr-verbs';
import { indirect } from './fr-question';
import { FUNCTION_WORDS, LEAD_IN, QUESTION_CUE, topicPhrase } from './fr-topic';
import type { Reading } from './types';

// Remarks that mark a whole fragment as private when they open it (within its first five words);
// later in a long run-on line, the topic is cut where they start instead.
const PRIVATE = new RegExp(
	`(?<=^(?:\\S+\\s+){0,4})(?:${REMARK.source}|(?<![\\p{L}])(?:semble\\p{L}*|a l'air|avait l'air|l'air (?:un peu|très|assez)|franchement|perso|méfiante?|bavarde?|relou|chiante?|arrogante?|froide?|junior|prospect|client potentiel|pas prioritaire|priorité basse|concurrent\\p{L}*|ne pas (?:mentionner|parler|descendre|baisser)|pas en dessous|marges?|nb|n\\.b|ps|memo|mémo|relancer|rappeler|recontacter|petite boîte)(?![\\p{L}])|^(?:il|elle)\\s+(?:est|était|semble|paraît|parait)\\s+(?:très|plutôt|assez|un peu|trop|super|pas|vraiment)(?![\\p{L}]))`,
	'iu'
);

const VERBS_1SG =
	'envoie|envoi|enverrai|transmets|transmettrai|partage|partagerai|mets|mettrai|présente|présenterai|fais|ferai|prépare|préparerai|organise|organiserai|cale|calerai|vérifie|vérifierai|regarde|regarderai|demande|demanderai|rappelle|rappellerai|relance|passe|passerai|file|envoyer|transmettre|partager|présenter|préparer|vérifier|faire|mettre|organiser';

const EVENT_WORD: Record<string, 'm' | 'f' | 'pl'> = {
	meetup: 'm',
	salon: 'm',
	forum: 'm',
	congrès: 'm',
	sommet: 'm',
	colloque: 'm',
	festival: 'm',
	séminaire: 'm',
	webinaire: 'm',
	hackathon: 'm',
	afterwork: 'm',
	summit: 'm',
	conférence: 'f',
	journée: 'f',
	semaine: 'f',
	week: 'f',
	expo: 'f',
	rencontres: 'pl',
	journées: 'pl',
	assises: 'pl',
	days: 'pl'
};

/** "lors de VivaTech 2026", "lors du Forum Convergences", "lors de la Paris Design Week". */
function eventPlace(name: string): string {
	const words = name.split(/\s+/);
	const first = EVENT_WORD[words[0]!.toLowerCase()];
	const last = [...words].reverse().find((w) => EVENT_WORD[w.toLowerCase()]);
	const kind = first ?? (last ? EVENT_WORD[last.toLowerCase()] : undefined);
	// "lors du SIMA 2026", "lors du SIAL Paris": a show named by its acronym is "le salon".
	if (!kind && /^\p{Lu}{3,}$/u.test(words[0]!)) return `lors du ${name}`;
	// "lors d'Art Paris": "de" elides before a vowel.
	if (!kind) return /^[aeiouyàâéèêîôû]/iu.test(name) ? `lors d'${name}` : `lors de ${name}`;
	if (kind === 'pl') return `lors des ${name}`;
	const article = definite(kind === 'f' ? 'f' : genreOf(last ?? words[0]!), false, name);
	return article === 'le ' ? `lors du ${name}` : `lors de ${article}${name}`;
}

const MET =
	/^(?:rencontrée?s?|croisée?s?|vue?s?|connue?s?|discuté|échangé|parlé|on s'est (?:vus|vues|rencontrés|rencontrées|croisés|croisées|parlé))(?:\s+(?:avec\s+(?:lui|elle|eux)|brièvement|rapidement))?\s+((?:au|à la|à l['’]|aux|à|lors d[eu]s?|lors de la|lors de l['’]|pendant|après|avant|sur (?:le|notre) stand|en marge d[eu]s?|durant)(?:\s|(?<=['’])).+)$/iu;
const LOCATION =
	/^((?:au|à la|à l['’]|aux|sur le|lors d[eu]|lors de la|lors de l['’]|pendant|après|avant|durant|en marge d[eu])\s*(?:le |la |l['’]|les )?(?:stand|salon|talk|conf\S*|keynote|table ronde|panel|atelier|workshop|pause|déjeuner|dîner|cocktail|soirée|apéro|meetup|afterwork|petit-déj\S*|buffet|session|démo|village|q&a)(?![\p{L}]).*)$/iu;
const EVENT_START = new RegExp(`^(?:${Object.keys(EVENT_WORD).join('|')})(?![\\p{L}])`, 'iu');

/** French: how a note is read. */
export const frReading: Reading = {
	language: 'fr',
	and: 'et',
	clauseStart: /\s+(?:mais|car|parce qu['’]?e?|puisque|qui|que|dont|et (?:ils|elle|il|nous|je))\s+|[,;:]\s/i,
	functionWords: FUNCTION_WORDS,
	privateCue: PRIVATE,
	promiseCues: [
		// "je lui envoie le deck et lui présente Marc": the second promise is read first, the words before it again.
		new RegExp(
			`\\s+et\\s+(?:que\\s+je\\s+|je\\s+|j['’]|de\\s+|d['’])?(?:(?:lui|leur|la|le|les|vous)\\s+)?((?:${VERBS_1SG})(?![\\p{L}]).+)`,
			'iu'
		),
		/(?<![\p{L}])(?:je|j['’]|j)\s*(?:lui|leur|l['’]|la|le)?\s*(?:ai|avais)\s+(?:promis|proposé)\s+(?:de\s+|d['’]\s*)(.+)/iu,
		// "je lui ai proposé un essai gratuit": what I offered, a thing.
		/(?<![\p{L}])(?:je|j['’]|j)\s*(?:lui|leur|l['’]|la|le)?\s*(?:ai|avais)\s+(?:promis|proposé|offert)\s+(?!de\s|d['’])((?:un|une|des|le|la|les|l['’]|notre|nos|mon|ma|mes)\s*\p{L}.+)/iu,
		/(?<![\p{L}])(?:je|j['’]|j)\s*(?:lui|leur)?\s*(?:ai|avais)\s+(?:dit|assuré|confirmé|répondu)\s+(?:que\s+|qu['’]\s*)(?:je\s+|j['’]\s*|on\s+)(.+)/iu,
		new RegExp(
			`(?<![\\p{L}])(?:je|j['’]|j)\\s*(?:(?:vais|dois|peux|compte|m['’]engage à)\\s+)?(?:(?:lui|leur|la|le|les|l['’]|vous)\\s*)?((?:${VERBS_1SG})(?![\\p{L}]).+)`,
			'iu'
		),
		// "envoyer benchmark rétention": a to-do written as one.
		/^(?:(?:lui|leur)\s+)?((?:envoyer|transmettre|partager|faire suivre|présenter|mettre en (?:relation|contact)|intro(?:duire)?)\s+.+)$/iu,
		/(?:^|\s)(?:→\s*|->\s*)?(?<!m['’]a\s)(?<!m['’]avait\s)(?:promis|engagement|to-?do|à faire|next steps?|prochaines? étapes?)\s*[:→>-]*\s*(?!que(?![\p{L}])|de\s+m['’]|à\s+moi)(.+)/iu
	],
	requestCues: [
		/(?<![\p{L}])(?:veut|voudrait|veulent|voudraient|souhaite|souhaiterait|souhaitent|aimerait|aimeraient|(?:m['’]|nous\s+)?a\s+demandé|(?:m['’]|nous\s+)?demande|(?:a|ont)\s+besoin\s+d(?:e\s+|['’]))\s*(?:(?:aussi|également|bien|vraiment)\s+)?(?!(?:(?:aussi|également|bien|vraiment)\s+)?(?:si(?![\p{L}])|s['’]|savoir|comment|combien|quand|pourquoi|où(?![\p{L}])))(\S.*)/iu
	],
	notRequest: new RegExp(
		`^(?!parler\\s|rencontrer\\s|échanger\\s|discuter\\s|être\\s+(?:mise?s?\\s+en|présentée?s?))${INFINITIVE}`,
		'iu'
	),
	introCue:
		/^(?:(?:une?\s+|l['’])?(?:intro(?:duction)?|mise en (?:relation|contact)|contact)\s*(?:à|a|avec|auprès de|vers|→|->|de|d['’])\s*|(?:parler|échanger|discuter)\s+(?:à|a|avec)\s+|rencontrer\s+|être\s+(?:mise?s?\s+en\s+(?:relation|contact)\s+avec|présentée?s?\s+à)\s+)(.+)/iu,
	eventPlace,
	meetingPlace(fragment) {
		const text = fragment.trim();
		const met = MET.exec(text) ?? LOCATION.exec(text);
		// "au stand Station F. DSI d'une mutuelle": a one-letter name's dot keeps the next sentence on the line.
		if (met?.[1]) return met[1].split(/\.\s+(?=\p{Lu})/u)[0]!.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
		if (/^(?:stand|booth)(?!\p{L})/iu.test(text)) return `au ${text.replace(/^\S+/, 'stand')}`;
		if (/^pause\s+(?:café|déj\S*)$/i.test(text)) return `pendant la ${text.toLowerCase()}`;
		if (EVENT_START.test(text) && text.split(/\s+/).length <= 6) return eventPlace(text);
		return null;
	},
	roleCue:
		/^(?!(?:cherch|recrut|veu|souhait|aimer|embauch|parl|discut)\p{L}*\s)(?:\S+\s+){0,2}?(?:dr\.?|dsi|drh|daf|dg|pdg|ceo|cto|cfo|coo|cmo|cpo|ciso|rssi|vp|head|directeur|directrice|dir\.?|responsable|resp\.?|chef|cheffe|manager|lead|fondateur|fondatrice|co-?fondateur|co-?fondatrice|founder|ingénieure?|développeur|développeuse|dev|sre|devops|pm|po|chargée?|consultante?|analyste|acheteur|acheteuse|commerciale?|pharmacienne?|médecin|docteur|professeure?|prof\.?|chercheur|chercheuse|doctorante?|étudiante?|coordinateur|coordinatrice|associée?|partner|avocate?|architecte|designer|growth|rh|recruteur|recruteuse|infirmière?|présidente?|gérante?|sales|stagiaire|freelance|indépendante?)(?![\p{L}])(?:\s+(?:\S+\s*){0,7})?$|^(?:(?:une?|petite|grosse|jeune)\s+)?(?:atelier|agence|cabinet|startup|start-up|scale-?up|pme|eti|ong|association|studio|boîte|groupe|labo|laboratoire|mutuelle|banque|école|collectivité|mairie|hôpital|clinique|chu|e-commerçant|éditeur|intégrateur)(?![\p{L}])(?:\s+(?:\S+\s*){0,6})?$/iu,
	leadIn: LEAD_IN,
	questionCue: QUESTION_CUE,
	// "notre outil", and "votre outil ?" in their words, quoted: a question about what I offer.
	ownWords: /(?<![\p{L}])(?:notre|nos|nous|on|ns|votre|vos|vous)(?![\p{L}])|^vs\s/iu,
	indirect: (question) => indirect(question),
	topicPhrase,
	toSecondPerson: toVous,
	action,
	due,
	thing: frenchThing
};
