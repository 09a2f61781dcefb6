import { words } from './iberian';
import { article, genderOf, polish, spell } from './pt-nouns';

const MET = words(
	String.raw`^(?:(?:eu\s+)?(?:o|a)\s+)?(?:conheci|conhecemo-nos|nos conhecemos|encontrei|encontrámos|encontramos|vi|conversei|conversamos|conversámos|falei|estive|cruzei-me|cruzei|cruzamos|cruzámo-nos|nos cruzamos)(?:-(?:o|a))?(?:\s+com)?\s+`
);
const NAME_FIRST = /^(?:(?:o|a)\s+)?(?:(?:Dr|Dra|Sr|Sra|Eng|Prof|Profa)\.?\s+)?(?:\p{Lu}[\p{L}'-]*\s+)+/u;
const AT = words(String.raw`^(?:no|na|nos|nas|em|durante|depois\s+d[oa]|após|ao\s+fim\s+d[oa]|à\s+saída\s+d[oa])\s+\S`);
const EVENT = words(
	String.raw`^(?:(?:no|na|durante\s+[oa])\s+)?(stand|estande|booth|painel|palestra|jantar|almoço|almoco|coffee break|happy hour|workshop|keynote|conferência|conferencia|congresso|feira|evento|meetup|fórum|forum|encontro|mesa redonda|simpósio|cimeira)\b`
);

/** "Conheci no painel de IA generativa" → "no painel de IA generativa"; "Jantar do congresso" → "no jantar do congresso". */
export function meetingPlace(fragment: string): string | null {
	const met = MET.exec(fragment);
	if (met) {
		const rest = fragment.slice(met[0].length).replace(NAME_FIRST, '');
		return AT.test(rest) ? spell(rest.charAt(0).toLowerCase() + rest.slice(1)) : null;
	}
	const talk = /^(?:conversa|papo|café|chat|reunião|reuniao|encontro)\s+((?:no|na|nos|nas|em|durante)\s+.+)/iu.exec(
		fragment
	);
	if (talk) return spell(talk[1]!);
	const event = EVENT.exec(fragment);
	if (!event || fragment.split(' ').length > 8) return null;
	const text = spell(fragment.charAt(0).toLowerCase() + fragment.slice(1));
	if (/^(?:no|na|durante)\s/i.test(fragment)) return text;
	const noun = event[1]!.toLowerCase().split(' ')[0]!;
	return polish(`em ${article(genderOf(noun), false)} ${text}`);
}

// Events are named after what they are: "a Feira …", "o Web Summit", "a Lisbon Design Week".
const EVENT_FIRST = words(
	String.raw`^(congresso|fórum|forum|encontro|simpósio|festival|seminário|conferência|feira|jornadas?|semana|cimeira|exposição|expo|mostra|bienal|salão)\b`
);
const EVENT_LAST = /\b(Summit|Week|Conference|Fair|Expo|Forum|Festival|Days?|Meetup|Camp|Con|Show)\b/;

/** The event as the place we met: "no Web Summit Rio", "na Lisbon Design Week", "no TDC São Paulo". */
export function eventPlace(name: string): string {
	const first = EVENT_FIRST.exec(name)?.[1]?.toLowerCase();
	const last = EVENT_LAST.exec(name)?.[1];
	// "na Agrishow", "na Hospitalar": a fair named by a brand alone is "a feira"; "o TDC" is "o evento".
	// One coined word, perhaps with its year: "Angola Oil & Gas" or "Portugal Exporta" are named events.
	const brand = !first && !last && /^\p{Lu}\p{Ll}[\p{L}]*(?:\s+\d{4})?$/u.test(name);
	const feminine = first
		? genderOf(first) === 'f'
		: brand || /^(?:Week|Conference|Fair|Expo|Show)$/.test(last ?? '') || /Days$/.test(last ?? '');
	return polish(`em ${feminine ? 'a' : 'o'}${/^(?:Days|jornadas)$/i.test(last ?? first ?? '') ? 's' : ''} ${name}`);
}
