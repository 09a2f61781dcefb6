import { bare, capitalise } from './common';
import {
	FUNCTION_WORDS,
	INTRO_CUE,
	LEAD_IN,
	OWN_WORDS,
	PRIVATE_CUE,
	PROMISE_CUES,
	QUESTION_CUE,
	REQUEST_CUES,
	ROLE_CUE
} from './es-cues';
import { polish, spell } from './es-nouns';
import { due } from './es-due';
import { eventPlace, meetingPlace } from './es-place';
import { spanishThing } from './es-thing';
import { esTopic, toSecondPerson } from './es-topic';
import { LOOK, MEET, SEND, infinitiveOf, looksInfinitive } from './es-verbs';
import { readerWords } from '../same-thing';
import { lookup, words } from './iberian';
import type { Action, Reading } from './types';

const LEADING = words(
	String.raw`^(?:(?:y|e|que|q|yo|también|tambien)\s+|(?:dije|dijimos|comenté|prometí|prometi|ofrecí|ofreci)\s+(?:que\s+|q\s+)?|(?:quedamos|quedé|quede)\s+en\s+(?:que\s+|q\s+)?|me comprometí a\s+|(?:se|le|les|te|lo|la|los|las)\s+|(?:puedo|podría|podria|podemos|voy a|vamos a|tengo que|tenemos que|debo|quiero|me encargo de)\s+)+`
);
const MEET_THING = words(
	String.raw`^(?:(?:una?|el|la)\s+)?(?:demo|demostración|llamada|reunión|reunion|call|visita|taller|workshop|sesión|trial|prueba|piloto|poc)\b`
);

/** Who an intro is to, without what the note says about them ("la Dra. Lobo que hizo un piloto…" → "la Dra. Lobo"). */
function person(text: string): string {
	const who = (text.split(/\s+(?:que|quien|para que|por si|porque)\s+|\s*[,;(]/)[0] ?? text)
		.replace(/^.*(?:→|->|<>)\s*/, '')
		.replace(/^(?:a|con)\s+/i, '')
		.replace(/^(de|del)\s+/i, (_, d: string) => (d.toLowerCase() === 'del' ? 'el ' : ''))
		.trim();
	return who;
}

function intro(who: string, first: string): Action {
	const object = person(who);
	return { kind: 'intro', object, todo: polish(`Presentar a ${first || 'la persona'} a ${object}`), verb: 'presentar' };
}

/** A to-do read as an action: "enviarle el caso de Nubank", "le reviso la config", "intro → Patricia Lobo", "informe piloto". */
function action(todo: string, first: string): Action {
	const text = spell(todo).replace(LEADING, '').trim();
	const arrow = words(String.raw`(?:^|\s)intro(?:ducción|ducir)?s?\b\s*(?:a|al|con|de|→|->|<>|:)?\s*(.+)$`).exec(text);
	if (arrow?.[1]) return intro(arrow[1], first);
	const [word = '', ...restWords] = text.split(' ');
	const rest = restWords.join(' ').replace(new RegExp(`\\s+a\\s+${first}$`, 'i'), '');
	const known = infinitiveOf(word);
	const verb = known ?? (looksInfinitive(word) ? word.toLowerCase() : null);
	const todoText = capitalise(text);
	if (verb) {
		if (/^(?:presentar|conectar)$/.test(verb) && /^(?:a|al|con)\s/i.test(rest)) return intro(rest, first);
		if (verb === 'poner' && /^en contacto con\s/i.test(rest)) return intro(rest.slice(16), first);
		const contact = /^(?:el\s+|su\s+|tu\s+)?contacto\s+(de|del|con)\s+(.+)$/i.exec(rest);
		if (SEND.has(verb) && contact) return intro(`${/^del$/i.test(contact[1]!) ? 'el ' : ''}${contact[2]}`, first);
		const tryMeet =
			/^si\s+(?:conseguimos|podemos|se puede|hay forma de)\s+(?:hacer\s+|organizar\s+|montar\s+)?(.+)/i.exec(rest);
		if (verb === 'ver' && tryMeet && MEET_THING.test(tryMeet[1]!))
			return { kind: 'meet', object: tryMeet[1]!, todo: todoText, verb: 'intentar organizar' };
		if (SEND.has(verb))
			return {
				kind: 'send',
				object: rest,
				todo: `Enviar a ${first || 'quien conocí'} ${spanishThing(rest).text}`,
				verb: 'enviar'
			};
		// The to-do in the infinitive, as a list writes it ("Revisar la configuración", not "Reviso…").
		const listed = capitalise(`${verb} ${rest}`.trim());
		if (LOOK.has(verb)) return { kind: 'look', object: rest, todo: listed, verb };
		if (MEET.has(verb)) return { kind: 'meet', object: rest, todo: listed, verb };
		// A verb this language does not list may be another language's ("envoyer"): a guess.
		return { kind: 'do', object: rest, todo: listed, verb, guessed: !known };
	}
	// "demo tienda piloto": no verb, so none that another language's message would have to write.
	const contact = /^(?:el\s+|un\s+)?contacto\s+(de|del|con)\s+(.+)$/i.exec(text);
	if (contact) return intro(`${/^del$/i.test(contact[1]!) ? 'el ' : ''}${contact[2]}`, first);
	if (MEET_THING.test(text)) return { kind: 'meet', object: text, todo: todoText, verb: '' };
	// A thing on its own ("informe piloto", "acceso prueba LMS"): something to send.
	return { kind: 'send', object: text, todo: capitalise(`enviar ${text}`), verb: 'enviar', guessed: true };
}

const INTERROGATIVE: Record<string, string> = bare({
	que: 'qué',
	qué: 'qué',
	cual: 'cuál',
	cuál: 'cuál',
	cuales: 'cuáles',
	cuáles: 'cuáles',
	cuanto: 'cuánto',
	cuánto: 'cuánto',
	cuanta: 'cuánta',
	cuánta: 'cuánta',
	cuantos: 'cuántos',
	cuántos: 'cuántos',
	como: 'cómo',
	cómo: 'cómo',
	cuando: 'cuándo',
	cuándo: 'cuándo',
	donde: 'dónde',
	dónde: 'dónde',
	quien: 'quién',
	quién: 'quién'
});
// "¿ustedes tienen API?", "¿tenéis API?": asked of us, said by us ("si tenemos API").
const OURS: Record<string, string> = bare({
	tienen: 'tenemos',
	tenéis: 'tenemos',
	pueden: 'podemos',
	podéis: 'podemos',
	hacen: 'hacemos',
	son: 'somos',
	sois: 'somos',
	están: 'estamos',
	estáis: 'estamos',
	van: 'vamos',
	vais: 'vamos',
	permiten: 'permitimos',
	incluyen: 'incluimos',
	admiten: 'admitimos',
	cubren: 'cubrimos'
});

function ours(text: string): string {
	const found = /^((?:ustedes|uds\.?|vosotros|vosotras)\s+)?((?:ya|también|todavía)\s+)?(\p{L}+)\b/iu.exec(text);
	if (!found) return text;
	const [all, pronoun, adverb = '', verb = ''] = found;
	const lower = verb.toLowerCase();
	// Without "ustedes", only a "vosotros" form ("tenéis") is surely asked of us.
	const vosotros = /(?:áis|éis|ís)$/.test(lower)
		? lower.replace(/áis$/, 'amos').replace(/éis$/, 'emos').replace(/ís$/, 'imos')
		: null;
	const own =
		(pronoun ? (lookup(OURS, lower) ?? lower.replace(/an$/, 'amos').replace(/en$/, 'emos')) : null) ?? vosotros;
	return own ? `${adverb}${lookup(OURS, lower) ?? own}${text.slice(all.length)}` : text;
}

const PRONOMINAL = /^(?:integr|conect|sincroniz|adapt|comunic)(?:amos|emos|imos)$/i;
const CUT_BEFORE = new Set('de del con para por en a al sobre sin o y pero desde hasta entre'.split(' '));

/** At most nine words ("si" and eight of the note's), cut before a preposition where it can. */
function trimClause(clause: string): string {
	const list = clause.split(' ');
	if (readerWords(clause).length <= 9) return clause;
	let cut = 8;
	while (cut > 3 && !CUT_BEFORE.has(list[cut]!.toLowerCase())) cut--;
	return list.slice(0, cut > 3 ? cut : 8).join(' ');
}

/** "¿integramos con SAP Retail?" → "si nos integramos con SAP Retail"; "¿cuanto cuesta?" → "cuánto cuesta". */
function indirect(question: string, reported: boolean): string | null {
	const text = spell(question)
		.replace(/[¿?¡!]+/g, ' ')
		.replace(/\s+o\s+(?:no|qué|que)\s*$/i, '')
		.replace(/^(?:y|e|también|además|otra(?: pregunta)?)\s*[:,]?\s+/i, '')
		.replace(/^(?:si|sí)\s+/i, '')
		.replace(/\s+/g, ' ')
		.trim();
	const [first = '', ...rest] = text.split(' ');
	if (!text || (!rest.length && !reported)) return null;
	let clause: string;
	const interrogative = lookup(INTERROGATIVE, first.toLowerCase());
	if (/^(?:por|sobre|acerca)$/i.test(first)) clause = text;
	else if (interrogative && rest.length) clause = `${interrogative} ${rest.join(' ')}`;
	else clause = `si ${PRONOMINAL.test(first) ? 'nos ' : ''}${ours(text)}`;
	return trimClause(toSecondPerson(clause));
}

/** Spanish: how a note is read. */
export const esReading: Reading = {
	language: 'es',
	and: 'y',
	clauseStart: /\s+(?:pero|porque|aunque|que|quien|donde|y (?:ellos|ellas|él|ella|nosotros|yo))\s+|[,;:]\s/i,
	functionWords: FUNCTION_WORDS,
	privateCue: PRIVATE_CUE,
	promiseCues: PROMISE_CUES,
	requestCues: REQUEST_CUES,
	introCue: INTRO_CUE,
	questionCue: QUESTION_CUE,
	ownWords: OWN_WORDS,
	roleCue: ROLE_CUE,
	leadIn: LEAD_IN,
	eventPlace,
	meetingPlace,
	indirect,
	topicPhrase: esTopic,
	toSecondPerson,
	action,
	due,
	thing: spanishThing
};
