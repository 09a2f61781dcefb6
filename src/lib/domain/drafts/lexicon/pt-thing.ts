import { bare } from './common';
import { NAME, QUANTITY, linked, lookup, type Linking } from './iberian';
import { due } from './pt-due';
import { PORTUGUESE_NOUNS, article, genderOf, isPlural, polish, spell, type Gender } from './pt-nouns';
import type { NounPhrase } from './types';

const LINK_WORD =
	/^(?:de|do|da|dos|das|a|ao|à|em|no|na|nos|nas|com|para|por|pelo|pela|sobre|sem|e|ou|entre|desde|até|incluindo|incl\.?|o|os|as|um|uma|que|seu|sua|seus|suas|nosso|nossa|nossos|nossas|[(\-–—:])$/i;
const MONTHS = /^(?:janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)$/i;
const ADJECTIVE =
	/(?:al|ais|ico|ica|icos|icas|ivo|iva|ivos|ivas|ado|ada|ados|adas|ido|ida|idos|idas|oso|osa|osos|osas|vel|veis|ário|ária|ários|árias|ente|entes|ante|antes|ista|istas)$/i;
const ADJECTIVES = new Set(
	'piloto modelo tipo chave beta premium express final inicial completo completa novo nova grátis anual mensal'.split(
		' '
	)
);
// Things that happen somewhere ("o trial em 2 prensas", "a demo na loja piloto"), and the places they happen in.
const EVENTS = new Set(
	'demo demonstração visita prova teste piloto trial workshop poc sessão formação treinamento'.split(' ')
);
const PLACES = new Set(
	'loja lojas fábrica planta escritório sede armazém hospital clínica escola universidade obra laboratório centro usf'.split(
		' '
	)
);
const LINKS: Record<string, string> = bare({
	integração: 'com',
	compatibilidade: 'com',
	ligação: 'com',
	conexão: 'com',
	migração: 'para',
	exportação: 'para',
	expansão: 'para'
});

const LINKING: Linking<Gender> = {
	linkWord: LINK_WORD,
	months: MONTHS,
	adjective: ADJECTIVE,
	adjectives: ADJECTIVES,
	events: EVENTS,
	places: PLACES,
	links: LINKS,
	nouns: PORTUGUESE_NOUNS,
	at: 'em',
	article: (gender, plural) => article(gender, plural),
	genderOf,
	isPlural
};

const ARTICLE = /^(o|a|os|as|um|uma|uns|umas)\s+/i;
const POSSESSIVE = /^(?:(?:o|a|os|as)\s+)?(seu|sua|seus|suas|nosso|nossa|nossos|nossas|meu|minha|meus|minhas)\s+/i;
const DEFINITE: Record<string, string> = bare({
	o: 'o',
	um: 'o',
	a: 'a',
	uma: 'a',
	os: 'os',
	uns: 'os',
	as: 'as',
	umas: 'as'
});

function one(text: string): NounPhrase {
	const words = text.split(' ');
	const head = words[0] ?? '';
	// "nosso whitepaper" → "o nosso whitepaper": the article before a possessive reads right in Portugal and Brazil.
	const owned = POSSESSIVE.exec(text);
	if (owned) {
		const word = owned[1]!.toLowerCase();
		const plural = word.endsWith('s');
		const feminine = /^(?:sua|suas|nossa|nossas|minha|minhas)$/.test(word);
		return { text: `${article(feminine ? 'f' : 'm', plural)} ${owned[1]} ${text.slice(owned[0].length)}`, plural };
	}
	const found = ARTICLE.exec(text);
	if (found) {
		const definite = DEFINITE[found[1]!.toLowerCase()]!;
		return { text: `${definite} ${text.slice(found[0].length)}`, plural: definite.endsWith('s') };
	}
	// "2 casos de uso", "Slack": a count or a name takes no article.
	const lowerHead = head.toLowerCase();
	// A code ("IP67", "SOC2") is a certificate or a standard: "o IP67".
	if (/^\p{Lu}+\d+$/u.test(head)) return { text: `o ${text}`, plural: false };
	const common = !NAME.test(head) || Boolean(lookup(PORTUGUESE_NOUNS, lowerHead));
	if (QUANTITY.test(head) || !common) return { text, plural: isPlural(words[words.length - 1] ?? '') };
	const noun = /^\p{Lu}\p{Ll}/u.test(head) ? lowerHead : head;
	const plural = isPlural(noun);
	return {
		text: [article(genderOf(noun), plural), noun, linked(noun.toLowerCase(), words.slice(1), LINKING)]
			.filter(Boolean)
			.join(' '),
		plural
	};
}

/** A thing as a Portuguese message names it, with its definite article: "o orçamento para 20 contas", "o nosso whitepaper". */
export function portugueseThing(raw: string): NounPhrase {
	// "até dia 15": a day of the month is for the to-do, not for the thing.
	const text = due(spell(raw))
		.rest.replace(
			/\s*\b(?:até\s+(?:o\s+)?(?:dia\s+)?|antes\s+do\s+dia\s+|no\s+dia\s+|dia\s+)\d{1,2}(?![%\d.,])(?:\s+de\s+\p{L}+)?(?=\s|$)/iu,
			''
		)
		.replace(/\s*\+\s*/g, ' e ')
		.trim();
	if (!text) return { text: '', plural: false };
	// "a proposta técnica e comercial": an adjective after "e" describes the same thing.
	const parts = text
		.split(/\s+e\s+/)
		.reduce<string[]>((all, part) => {
			if (all.length && /^\p{Ll}+$/u.test(part) && ADJECTIVE.test(part)) all[all.length - 1] += ` e ${part}`;
			else all.push(part);
			return all;
		}, [])
		.map(one);
	return { text: polish(parts.map((p) => p.text).join(' e ')), plural: parts.length > 1 || parts[0]!.plural };
}
