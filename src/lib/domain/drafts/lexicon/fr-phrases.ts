import { bare } from './common';
import { a, de, frenchThing, hasDeterminer } from './fr-nouns';

/** "auprès de Karim", "auprès du service client". */
export function aupres(who: string): string {
	return `auprès ${de(who)}`;
}
import type { NounPhrase } from './types';

/** Phrases a French message is made of: what is sent, what is proposed, who is asked. */

// What is reached rather than attached: "l'accès à la démo".
export const ACCESS =
	/^(?:(?:le|la|l['’]|les|un|une)\s*)?(?:démo|demo|trial|essai|sandbox|poc|pilote|version d'essai)(?![\p{L}])/iu;

export function sent(thing: NounPhrase): string {
	if (/^(?:l['’]|le\s+)accès\s+/i.test(thing.text)) {
		const rest = thing.text.replace(/^(?:l['’]|le\s+)accès\s+(?:à\s+|au\s+|aux\s+)?/i, '');
		return `l'accès ${a(hasDeterminer(rest) ? rest : frenchThing(rest).text)}`;
	}
	return ACCESS.test(thing.text) ? `l'accès ${a(thing.text)}` : thing.text;
}

/** "Karim" in "à Karim compat HL7": who to ask, and about what. */
export function askWhom(object: string): { who: string; what: string } | null {
	const found =
		/^(.*?)\s*(?:^|\s)(?:à|a|avec|auprès de)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s*(?:(?:pour|sur|concernant|au sujet de)\s+)?(.*)$/u.exec(
			object
		);
	if (found) return { who: found[2]!, what: `${found[1]} ${found[3]}`.trim() };
	// "avec l'équipe mobile": a team, written with its article.
	const team = /^(.*?)\s*(?:^|\s)(?:avec|auprès de|auprès d['’])\s*((?:le|la|les|l['’]|notre|nos)\s*.+)$/iu.exec(
		object
	);
	return team ? { who: team[2]!, what: team[1]!.trim() } : null;
}

const MEETINGS: Record<string, string> = bare({
	rdv: 'un rendez-vous',
	'rendez-vous': 'un rendez-vous',
	call: 'un appel',
	appel: 'un appel',
	visio: 'une visio',
	réunion: 'une réunion',
	point: 'un point',
	atelier: 'un atelier',
	workshop: 'un atelier',
	créneau: 'un créneau',
	démo: 'une démo',
	demo: 'une démo'
});

const PREPOSITION = /^(?:avec|pour|sur|à|au|aux|de|du|des|d['’]|en|dans|chez|lors)(?:\s|(?<=['’]))/i;

/** "call avec notre DSI" → "un appel avec notre DSI"; "démo configurateur" → "une démo du configurateur". */
export function meeting(object: string): string {
	const [noun = '', ...words] = object.replace(/^(?:une?|la|le|l['’])\s*/i, '').split(' ');
	const rest = words.join(' ');
	const what = MEETINGS[noun.toLowerCase()] ?? 'un rendez-vous';
	if (!rest) return /démo/.test(what) ? what : `${what} pour en parler`;
	if (PREPOSITION.test(rest)) return `${what} ${rest}`;
	// "call DSI", "rdv équipe technique": the people to meet; "démo configurateur": what is shown.
	const people =
		/^(?:(?:notre|nos|votre|vos|le|la|les|l['’])\s*)?(?:équipe|team|cto|ceo|dsi|direct\p{L}*|responsable|expert\p{L}*|ingénieur\p{L}*|commercia\p{L}*|service|département|\p{Lu}\p{Ll}+$)/iu;
	return `${what} ${people.test(rest) ? `avec ${frenchThing(rest).text}` : de(frenchThing(rest).text)}`;
}
