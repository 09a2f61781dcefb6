import { bare } from './common';
import { ARTICLE, hasDeterminer, italianThing } from './it-nouns';
import type { NounPhrase } from './types';

/** Phrases an Italian message is made of: what is sent, what is proposed, who is asked, and people's titles. */

const CONTRACTED: Record<string, Record<string, string>> = {
	di: {
		'il ': 'del ',
		'lo ': 'dello ',
		'la ': 'della ',
		"l'": "dell'",
		'i ': 'dei ',
		'gli ': 'degli ',
		'le ': 'delle '
	},
	a: { 'il ': 'al ', 'lo ': 'allo ', 'la ': 'alla ', "l'": "all'", 'i ': 'ai ', 'gli ': 'agli ', 'le ': 'alle ' },
	da: {
		'il ': 'dal ',
		'lo ': 'dallo ',
		'la ': 'dalla ',
		"l'": "dall'",
		'i ': 'dai ',
		'gli ': 'dagli ',
		'le ': 'dalle '
	},
	in: {
		'il ': 'nel ',
		'lo ': 'nello ',
		'la ': 'nella ',
		"l'": "nell'",
		'i ': 'nei ',
		'gli ': 'negli ',
		'le ': 'nelle '
	},
	su: {
		'il ': 'sul ',
		'lo ': 'sullo ',
		'la ': 'sulla ',
		"l'": "sull'",
		'i ': 'sui ',
		'gli ': 'sugli ',
		'le ': 'sulle '
	}
};

/** A preposition before a noun phrase, joined to its article: "su" + "il Suo progetto" → "sul Suo progetto". */
export function prep(preposition: 'di' | 'a' | 'da' | 'in' | 'su', phrase: string): string {
	const article = ARTICLE.exec(phrase)?.[0];
	if (article) {
		const key = article.toLowerCase().replace('’', "'");
		return `${CONTRACTED[preposition]![key]}${phrase.slice(article.length)}`;
	}
	return `${preposition} ${phrase}`;
}

/** "del", "sulla", "agli" → the preposition and the article it holds. */
export function uncontract(word: string): { preposition: string; article: string } | null {
	for (const [preposition, forms] of Object.entries(CONTRACTED)) {
		for (const [article, form] of Object.entries(forms)) {
			if (form.trim() === word.toLowerCase().replace('’', "'")) return { preposition, article };
		}
	}
	return null;
}

// What is reached rather than attached: "l'accesso alla trial gratuita".
export const ACCESS =
	/^(?:(?:il|la|lo|l['’])\s*)?(?:demo|trial|prova|sandbox|poc|pilota|versione di prova)(?![\p{L}])/iu;

export function sent(thing: NounPhrase): string {
	return ACCESS.test(thing.text) ? `l'accesso ${prep('a', thing.text)}` : thing.text;
}

/** "Karim" in "a Karim la compatibilità HL7": who to ask, and about what. */
export function askWhom(object: string): { who: string; what: string } | null {
	const found =
		/^(.*?)\s*(?:^|\s)(?:a|ad|con)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s*(?:(?:per|su|riguardo a|circa)\s+)?(.*)$/u.exec(
			object
		);
	if (found) return { who: found[2]!, what: `${found[1]} ${found[3]}`.trim() };
	// "con il team mobile": a team, written with its article.
	const team = /^(.*?)\s*(?:^|\s)con\s+((?:il|lo|la|i|gli|le|l['’]|il nostro|la nostra)\s*.+)$/iu.exec(object);
	return team ? { who: team[2]!, what: team[1]!.trim() } : null;
}

/** A noun phrase with its article, unless it has one. */
export function thingOf(text: string): string {
	return hasDeterminer(text) ? text : italianThing(text).text;
}

const MEETINGS: Record<string, string> = bare({
	call: 'una call',
	chiamata: 'una chiamata',
	videochiamata: 'una videochiamata',
	riunione: 'una riunione',
	incontro: 'un incontro',
	appuntamento: 'un appuntamento',
	meeting: 'un meeting',
	visita: 'una visita',
	sopralluogo: 'un sopralluogo',
	demo: 'una demo'
});

const PREPOSITION = /^(?:con|per|su|sul|sulla|a|al|alla|di|del|della|in|nel|nella|presso|da)(?:\s|(?<=['’]))/i;

/** "call con il nostro CTO" → "una call con il nostro CTO"; "demo protocollo" → "una demo del protocollo". */
export function meeting(object: string): string {
	const [noun = '', ...words] = object.replace(/^(?:un['’]?|una|uno|il|la|l['’])\s*/i, '').split(' ');
	const rest = words.join(' ');
	const what = MEETINGS[noun.toLowerCase()] ?? 'un appuntamento';
	if (!rest) return /demo/.test(what) ? what : `${what} per parlarne`;
	if (PREPOSITION.test(rest)) return `${what} ${rest}`;
	// "incontro team tecnico": the people to meet; "demo protocollo": what is shown.
	const people =
		/^(?:(?:il|la|i|le|l['’]|il nostro|la nostra)\s*)?(?:team|squadra|cto|ceo|responsabil\p{L}*|espert\p{L}*|ingegner\p{L}*|commercial\p{L}*|ufficio|reparto|diret\p{L}*|\p{Lu}\p{Ll}+$)/iu;
	return `${what} ${people.test(rest) ? `con ${thingOf(rest)}` : prep('di', thingOf(rest))}`;
}

/** "l'Ing. Galli", "la Dott.ssa Ferraris": a title takes its article when someone is named to a third. */
export function titled(name: string): string {
	const title =
		/^(ing|avv|arch|dott\.ssa|prof\.ssa|sig\.ra|dottoressa|professoressa|signora|ingegnere|avvocato|architetto|dott|dr|prof|sig|geom|rag|signor)\.?\s/i.exec(
			name
		)?.[1];
	if (/^(?:ing|avv|arch|dott|dott\.ssa|prof|prof\.ssa|dr|sig|sig\.ra|geom|rag)\.?$/i.test(name.trim()))
		return 'la persona di cui Le ho parlato';
	if (!title) return name;
	// "l'Arch." with the name cut off by a sentence break: the person, as the message can name them.
	if (/^\S+\.?$/.test(name)) return 'la persona di cui Le ho parlato';
	const lower = title.toLowerCase();
	if (/^(?:ing|avv|arch|ingegnere|avvocato|architetto)$/.test(lower)) return `l'${name}`;
	if (/(?:ssa|ra|essa|ora)$/.test(lower) || lower === 'signora') return `la ${name}`;
	return `il ${name}`;
}
