import { words } from './iberian';
import { article, genderOf, polish, spell } from './es-nouns';

const MET = words(
	String.raw`^(?:(?:lo|la|le|los|las|nos)\s+)?(?:conocí|conoci|conocimos|vi|vimos|encontré|encontre|coincidí|coincidi|coincidimos|hablamos|charlamos|hablé|hable|charlé|charle|cruzamos|crucé|cruce)(?:\s+con)?\s+`
);
const NAME_FIRST = /^(?:(?:el|la|a)\s+)?(?:(?:Dr|Dra|Sr|Sra|Ing|Prof)\.?\s+)?(?:\p{Lu}[\p{L}'-]*\s+)+/u;
const AT = words(String.raw`^(?:en|durante|tras|después de|despues de|al final de|a la salida de)\s+\S`);
const EVENT = words(
	String.raw`^(?:(?:en|durante)\s+(?:el|la)\s+)?(stand|booth|mesa redonda|panel|charla|cena|comida|almuerzo|cóctel|coctel|networking|taller|workshop|keynote|conferencia|congreso|feria|jornadas?|evento|meetup|foro|encuentro|simposio|salón|salon|cumbre)\b`
);

/** "Lo conocí en la mesa redonda de fintech" → "en la mesa redonda de fintech"; "Conferencia de X" → "en la conferencia de X". */
export function meetingPlace(fragment: string): string | null {
	const met = MET.exec(fragment);
	if (met) {
		const rest = fragment.slice(met[0].length).replace(NAME_FIRST, '');
		return AT.test(rest) ? spell(rest.charAt(0).toLowerCase() + rest.slice(1)) : null;
	}
	const talk = /^(?:charla|conversación|plática|café|chat|reunión|reunion|encuentro)\s+((?:en|durante)\s+.+)/iu.exec(
		fragment
	);
	if (talk) return spell(talk[1]!);
	const event = EVENT.exec(fragment);
	if (!event || fragment.split(' ').length > 8) return null;
	if (/^(?:en|durante)\s/i.test(fragment)) return spell(fragment.charAt(0).toLowerCase() + fragment.slice(1));
	const noun = event[1]!.toLowerCase().split(' ')[0]!;
	return `en ${article(genderOf(noun), /s$/.test(noun), noun)} ${spell(fragment.charAt(0).toLowerCase() + fragment.slice(1))}`;
}

const EVENT_NOUNS = words(
	String.raw`^(congreso|salón|salon|foro|encuentro|simposio|festival|seminario|conferencia|feria|jornadas?|semana|cumbre|exposición|expo)\b`
);

/** The event as the place we met: "en el Congreso AgroTech", "en South Summit". */
export function eventPlace(name: string): string {
	const head = EVENT_NOUNS.exec(name)?.[1]?.toLowerCase();
	return head ? polish(`en ${article(genderOf(head), /s$/.test(head), head)} ${name}`) : `en ${name}`;
}
