import { bare } from './common';
import { NAME, QUANTITY, linked, lookup, type Linking } from './iberian';
import { due } from './es-due';
import { SPANISH_NOUNS, article, genderOf, isPlural, polish, spell, type Gender } from './es-nouns';
import type { NounPhrase } from './types';

const LINK_WORD =
	/^(?:de|del|a|al|en|con|para|por|sobre|sin|y|e|o|u|entre|desde|hasta|según|incluido|incluida|incl\.?|el|la|los|las|un|una|que|tu|tus|su|sus|nuestro|nuestra|nuestros|nuestras|[(\-–—:])$/i;
const MONTHS =
	/^(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)$/i;
const ADJECTIVE =
	/(?:al|ales|ico|ica|icos|icas|ivo|iva|ivos|ivas|ado|ada|ados|adas|ido|ida|idos|idas|oso|osa|osos|osas|ble|bles|ario|aria|arios|arias|ente|entes|ante|antes|ista|istas)$/i;
const ADJECTIVES = new Set(
	'piloto modelo tipo clave beta premium express final inicial completo completa nuevo nueva gratis anual mensual'.split(
		' '
	)
);
// Things that happen somewhere ("la demo en la tienda piloto"), and the places they happen in.
const EVENTS = new Set('demo demostración visita prueba piloto trial taller workshop poc sesión formación'.split(' '));
const PLACES = new Set(
	'tienda tiendas planta fábrica oficina oficinas sede almacén hospital clínica escuela colegio universidad obra laboratorio centro'.split(
		' '
	)
);
const LINKS: Record<string, string> = bare({
	integración: 'con',
	compatibilidad: 'con',
	conexión: 'con',
	migración: 'a'
});

const LINKING: Linking<Gender> = {
	linkWord: LINK_WORD,
	months: MONTHS,
	adjective: ADJECTIVE,
	adjectives: ADJECTIVES,
	events: EVENTS,
	places: PLACES,
	links: LINKS,
	nouns: SPANISH_NOUNS,
	at: 'en',
	article,
	genderOf,
	isPlural
};

const ARTICLE = /^(el|la|los|las|un|una|unos|unas)\s+/i;
const DETERMINER = /^(?:tu|tus|mi|mis|nuestro|nuestra|nuestros|nuestras|este|esta|estos|estas|ese|esa|esos|esas)\s+/i;
const DEFINITE: Record<string, string> = bare({
	el: 'el',
	un: 'el',
	la: 'la',
	una: 'la',
	los: 'los',
	unos: 'los',
	las: 'las',
	unas: 'las'
});

function one(text: string): NounPhrase {
	const words = text.split(' ');
	const head = words[0] ?? '';
	if (DETERMINER.test(text)) return { text: text, plural: /^\S+s\s/i.test(text) };
	const found = ARTICLE.exec(text);
	if (found) {
		const [noun = '', ...rest] = text.slice(found[0].length).split(' ');
		const definite = DEFINITE[found[1]!.toLowerCase()]!;
		return { text: [definite, noun, ...rest].join(' '), plural: definite.endsWith('s') };
	}
	// "2 casos de uso", "Slack": a count or a name takes no article.
	const lowerHead = head.toLowerCase();
	// A code ("IP67", "SOC2") is a certificate or a standard: "el IP67".
	if (/^\p{Lu}+\d+$/u.test(head)) return { text: `el ${text}`, plural: false };
	const common = !NAME.test(head) || Boolean(lookup(SPANISH_NOUNS, lowerHead));
	if (QUANTITY.test(head) || !common) return { text, plural: isPlural(words[words.length - 1] ?? '') };
	const noun = /^\p{Lu}\p{Ll}/u.test(head) ? lowerHead : head;
	const plural = isPlural(noun);
	return {
		text: [article(genderOf(noun), plural, noun), noun, linked(noun.toLowerCase(), words.slice(1), LINKING)]
			.filter(Boolean)
			.join(' '),
		plural
	};
}

/** A thing as a Spanish message names it, with its definite article: "el caso de Nubank", "la documentación del SDK". */
export function spanishThing(raw: string): NounPhrase {
	// "antes del 15": a day of the month is for the to-do, not for the thing.
	const text = due(spell(raw))
		.rest.replace(
			/\s*\b(?:antes\s+del?|para\s+el|hasta\s+el|el)\s+(?:día\s+)?\d{1,2}(?![%\d.,])(?:\s+de\s+\p{L}+)?(?=\s|$)/iu,
			''
		)
		.replace(/\s*\+\s*/g, ' y ')
		.trim();
	if (!text) return { text: '', plural: false };
	// "la propuesta técnica y económica": an adjective after "y" describes the same thing.
	const parts = text
		.split(/\s+y\s+/)
		.reduce<string[]>((all, part) => {
			if (all.length && /^\p{Ll}+$/u.test(part) && ADJECTIVE.test(part)) all[all.length - 1] += ` y ${part}`;
			else all.push(part);
			return all;
		}, [])
		.map(one);
	return { text: polish(parts.map((p) => p.text).join(' y ')), plural: parts.length > 1 || parts[0]!.plural };
}
