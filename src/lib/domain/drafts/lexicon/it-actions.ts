import { bare, capitalise, findDue } from './common';
import { titled } from './it-phrases';
import type { Action, DueHint } from './types';

/** Opinions and notes to oneself, anywhere in a phrase: a promise or a topic stops there. */
export const REMARK =
	/(?<![\p{L}])(?:boh|mah|secondo me|credo|penso|forse|probabilmente|mi sembra\p{L}*|mi pare|sembra\p{L}*|da verificare|da capire|da vedere|vediamo|poco convint\p{L}*|non convint\p{L}*|scettic\p{L}*|budget|margin[ei]|non scendere|simpatic\p{L}*|tipa|tizio|tizia|sparisce|decision\p{L}*|decide (?:lui|lei)|lol|ahah|haha)(?![\p{L}])/iu;

const DAYS: Record<string, number> = bare({ dom: 0, lun: 1, mar: 2, mer: 3, gio: 4, ven: 5, sab: 6 });
const COUNT: Record<string, number> = bare({
	un: 1,
	una: 1,
	uno: 1,
	due: 2,
	tre: 3,
	quattro: 4,
	dieci: 10,
	quindici: 15
});

const L = '(?<![\\p{L}])';
const R = '(?![\\p{L}])';
const BY = '(?:(?:entro|per|prima di|non oltre|da)\\s+)?';

const PATTERNS: [RegExp, (m: RegExpExecArray) => DueHint][] = [
	[
		new RegExp(
			`${L}${BY}(?:la\\s+)?fine\\s+(?:della\\s+|di\\s+questa\\s+|del\\s+)?(?:(prossima)\\s+)?(settimana|mese)${R}`,
			'iu'
		),
		(m) => (/mese/i.test(m[2]!) ? { kind: 'end-of-month' } : m[1] ? { kind: 'next-week' } : { kind: 'end-of-week' })
	],
	[new RegExp(`${L}${BY}fine\\s+mese${R}`, 'iu'), () => ({ kind: 'end-of-month' })],
	[
		new RegExp(
			`${L}(?:entro\\s+|nella\\s+|per\\s+)?(?:la\\s+)?(?:settimana\\s+prossima|prossima\\s+settimana)${R}`,
			'iu'
		),
		() => ({ kind: 'next-week' })
	],
	[
		new RegExp(`${L}(?:entro\\s+(?:questa\\s+)?|in\\s+|questa\\s+)settimana${R}`, 'iu'),
		() => ({ kind: 'end-of-week' })
	],
	[new RegExp(`${L}${BY}dopodomani${R}`, 'iu'), () => ({ kind: 'days', days: 2 })],
	[new RegExp(`${L}${BY}domani${R}`, 'iu'), () => ({ kind: 'days', days: 1 })],
	[
		new RegExp(`${L}(?:entro\\s+)?(?:oggi|stasera|asap|subito|al più presto|quanto prima)${R}`, 'iu'),
		() => ({ kind: 'days', days: 0 })
	],
	[
		new RegExp(
			`${L}(?:entro|tra|fra)\\s+(\\d+|un|una|uno|due|tre|quattro|dieci|quindici)\\s*(gg|giorni|giorno|ore|h|settimane|settimana)${R}`,
			'iu'
		),
		(m) => {
			const n = Number(m[1]) || COUNT[m[1]!.toLowerCase()] || 1;
			const unit = m[2]!.toLowerCase();
			return { kind: 'days', days: unit.startsWith('sett') ? n * 7 : /^(?:ore|h)$/.test(unit) ? Math.ceil(n / 24) : n };
		}
	],
	[
		new RegExp(
			`${L}${BY}(lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|(?:lun|mar|mer|gio|ven|sab|dom)\\.)(?:\\s+prossimo)?${R}`,
			'iu'
		),
		(m) => ({ kind: 'weekday', day: DAYS[m[1]!.slice(0, 3).toLowerCase()] ?? 5 })
	]
];

/** A due phrase anywhere in a to-do ("entro lunedì", "la settimana prossima", "domani"); the to-do without it. */
export function due(todo: string): { rest: string; due: DueHint | null } {
	return findDue(PATTERNS, todo);
}

/** Shorthand a message spells out: "x" → "per", "xké" → "perché", "cmq" → "comunque". */
export function expand(text: string): string {
	return text
		.replace(/(?<![\p{L}])x(?=\s+\p{L})/gu, 'per')
		.replace(/(?<![\p{L}])(?:xké|xkè|xke|xché|perche)(?![\p{L}])/giu, 'perché')
		.replace(/(?<![\p{L}])cmq(?![\p{L}])/giu, 'comunque')
		.replace(/(?<![\p{L}])doc(?=\s+\p{L})/giu, 'documentazione')
		.replace(/(?<![\p{L}])(?:ca|ca\.|circa)\s+(?=\d)/giu, '')
		.replace(/(?<![\p{L}])ecc\.?/giu, 'ecc.')
		.replace(/\s+/g, ' ')
		.trim();
}

// "mandargli", "inviarle": an infinitive with its pronoun attached.
const ENCLITIC = /^(\p{L}+?[aei])r(?:gli|le|la|lo|li|ne|mi|ci|vi|glielo|gliela|glieli|gliele|gliene)(?![\p{L}])/iu;
const CLITIC = /^(?:(?:gli|le|la|lo|li|ne)\s+)+/i;
const SEND =
	/^(?:mandare|mando|manderò|inviare|invio|invierò|spedire|spedisco|spedirò|girare|giro|girerò|passare|passo|passerò|inoltrare|inoltro|inoltrerò|condividere|condivido|condividerò|fornire|fornisco|fornirò|dare|do|darò|send|share)(?![\p{L}])\s*/iu;
const INTRO =
	/^(?:intro(?:duzione)?|presentazione|contatto|presento|presenterò|presentare|mettere in contatto|metto in contatto|metterò in contatto|(?:giro|girare|girerò|passo|passare|passerò|do|dare|darò)\s+(?:il\s+)?contatto(?:\s+di)?|collegare|collego|connettere)(?![\p{L}])\s*(?:(?:con|a|al|alla|allo|col|di|del|della)\s+|all['’]|→|->|<>|:)?\s*(.+)$/iu;
const MEET =
	/^(?:(?:organizzare|organizzo|organizzerò|fissare|fisso|fisserò|programmare|programmo|pianificare|proporre|propongo|fare|faccio|farò)\s+)?(?:un['’]?\s*|una\s+)?(call|chiamata|videochiamata|riunione|incontro|appuntamento|demo|meeting|visita|sopralluogo)(?![\p{L}])\s*(.*)$/iu;
const CALL = /^(?:chiamare|chiamo|chiamerò|richiamare|richiamo|richiamerò|sentirci|sentire|sento|sentirò)(?![\p{L}])/iu;
const LOOK: [RegExp, string, string][] = [
	[
		/^(?:verificare|verifico|verificherò|controllare|controllo|controllerò|check|confermare|confermo|confermerò)(?![\p{L}])\s*/iu,
		'verifico',
		'verificare'
	],
	[/^(?:chiedere|chiedo|chiederò|domandare|domando|informarmi|mi informo)(?![\p{L}])\s*/iu, 'chiedo', 'chiedere'],
	[
		/^(?:capire|capisco|guardare|guardo|approfondire|approfondisco|valutare|valuto|rispondere|rispondo|cercare|cerco|trovare|trovo|testare|testo)(?![\p{L}])\s*/iu,
		'approfondisco',
		'approfondire'
	]
];

/** A to-do read as an action: "spedire campioni", "intro Ing. Galli", "mandargli la guida". */
export function action(todo: string, first: string): Action {
	let text = expand(todo.trim())
		.replace(/^(?:io\s+)?(?:(?:devo|posso|potrei|vorrei|voglio|dovrei)\s+)/i, '')
		.replace(/^(?:di\s+)/i, '')
		.replace(CLITIC, '')
		.replace(ENCLITIC, '$1re');
	const remark = REMARK.exec(text);
	if (remark && remark.index > 0) text = text.slice(0, remark.index).replace(/[\s,;:-]+$/, '');
	// "… e gli faccio sapere": how I will close the loop, not a second promise.
	text = text
		.replace(
			/\s+e\s+(?:(?:gli|le|la|lo)\s+)?(?:(?:faccio|farò|fare)\s+sapere|aggiorno|aggiornerò|ricontatto|ricontatterò|risento|richiamo)(?!\p{L}).*$/iu,
			''
		)
		.replace(/\s+e$/i, '');
	// "le mando il deck e che le presento l'Ing. Galli": the first promise of two joined by "e che".
	text = text.replace(
		/\s+e\s+(?:che\s+)?(?:(?:gli|le)\s+)?(?:presento|mando|invio|giro|faccio|preparo|organizzo)(?![\p{L}]).*$/iu,
		''
	);
	const todoText = capitalise(text);
	const who = first || 'la persona';
	const intro = INTRO.exec(text);
	if (intro?.[1]) {
		const person = intro[1]
			.replace(/^.*?(?:→|->|<>)\s*/, '')
			.replace(/^(?:l['’]|il\s+|la\s+)(?=\p{Lu})/u, '')
			.trim()
			.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
		return {
			kind: 'intro',
			object: person,
			todo: `Mettere ${who} in contatto con ${titled(person)}`,
			verb: 'presentare'
		};
	}
	const send = SEND.exec(text);
	if (send) {
		const object = text.slice(send[0].length).replace(/^(?:a\s+(?:lui|lei)\s+)/i, '');
		return { kind: 'send', object, todo: capitalise(`inviare ${object}`.trim()), verb: 'inviare' };
	}
	const meet = MEET.exec(text);
	if (meet) return { kind: 'meet', object: `${meet[1]} ${meet[2]}`.trim(), todo: todoText, verb: 'organizzare' };
	if (CALL.test(text)) return { kind: 'meet', object: 'call', todo: todoText, verb: 'chiamare' };
	for (const [pattern, verb, infinitive] of LOOK) {
		const look = pattern.exec(text);
		if (!look) continue;
		const object = text.slice(look[0].length);
		const todo = capitalise(`${infinitive} ${object}`.trim());
		// "verifico con Andrea": who to ask is all it says, so it answers their question.
		const whom =
			/^(?:con|a|ad)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)$/u.exec(object) ??
			/^con\s+((?:il|lo|la|i|gli|le|l['’])\s*[\p{L}'’ -]+)$/iu.exec(object);
		if (whom) return { kind: 'look', object: '', todo, verb: `mi informo con ${titled(whom[1]!)}` };
		return { kind: 'look', object, todo, verb };
	}
	const infinitive = /^(\p{Ll}+(?:are|ere|ire))\s+(.+)$/u.exec(text);
	if (infinitive?.[1]) return { kind: 'do', object: infinitive[2]!, todo: todoText, verb: infinitive[1] };
	// A thing on its own ("preventivo 12 mesi", "deck DPP"): something to send. "send" lets the English reading try it.
	return { kind: 'send', object: text, todo: capitalise(`inviare ${text}`), verb: 'send', guessed: true };
}
