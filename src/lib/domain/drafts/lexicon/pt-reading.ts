import { bare, capitalise } from './common';
import { lookup, words } from './iberian';
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
} from './pt-cues';
import { polish, spell } from './pt-nouns';
import { due } from './pt-due';
import { eventPlace, meetingPlace } from './pt-place';
import { portugueseThing } from './pt-thing';
import { ptTopic, toSecondPerson } from './pt-topic';
import { LOOK, MEET, SEND, infinitiveOf, looksInfinitive } from './pt-verbs';
import type { Action, Reading } from './types';

const LEADING = words(
	String.raw`^(?:(?:e|que|q|eu|também|tambem)\s+|(?:prometi|prometemos)(?:-lhe)?\s+(?:que\s+)?|(?:fiquei|ficamos)\s+de\s+|(?:combinei|combinamos|combinámos)\s+(?:de|que|em)\s+|(?:disse|falei)(?:-lhe)?\s+que\s+|me comprometi a\s+|(?:lhe|lhes|te)\s+|(?:o|a|os|as)\s+(?=\p{L}+[aei]r\b)|(?:posso|poderia|podemos|vou|vamos|tenho que|tenho de|temos que|fico de|quero)\s+)+`
);
const MEET_THING = words(
	String.raw`^(?:(?:uma?|o|a)\s+)?(?:demo|demonstração|chamada|call|reunião|reuniao|visita|workshop|sessão|trial|teste|piloto|poc)\b`
);

/** Who an intro is to, without what the note says about them ("a Joana Pires, que fez…" → "a Joana Pires"). */
function person(text: string): string {
	return (text.split(/\s+(?:que|quem|para que|porque)\s+|\s*[,;(]/)[0] ?? text)
		.replace(/^.*(?:→|->|<>)\s*/, '')
		.replace(/^(?:com|a|para)\s+(?=\p{Lu})/u, '')
		.replace(
			/^(à|ao|às|aos|da|do|pro|pra)\s+/i,
			(_, p: string) => ({ à: 'a ', às: 'as ', aos: 'os ', da: 'a ' })[p.toLowerCase()] ?? 'o '
		)
		.trim();
}

function intro(who: string, first: string): Action {
	const object = person(who);
	return { kind: 'intro', object, todo: polish(`Apresentar ${first || 'a pessoa'} a ${object}`), verb: 'apresentar' };
}

/** A to-do read as an action: "enviar-lhe o estudo", "fiquei de responder", "apresentá-la à Joana", "orçamento 20 contas". */
function action(todo: string, first: string): Action {
	const text = spell(todo).replace(LEADING, '').trim();
	const arrow = words(
		String.raw`(?:^|\s)intro(?:dução|duzir)?s?\b\s*(?:a|ao|à|com|para o|para a|para|de|→|->|<>|:)?\s*(.+)$`
	).exec(text);
	if (arrow?.[1]) return intro(arrow[1], first);
	const [word = '', ...restWords] = text.split(' ');
	const rest = restWords.join(' ').replace(new RegExp(`\\s+(?:a|ao|à|para)\\s+${first}$`, 'i'), '');
	const known = infinitiveOf(word);
	const verb = known ?? (looksInfinitive(word) ? word.toLowerCase() : null);
	const todoText = capitalise(text);
	if (verb) {
		if (/^(?:apresentar|conectar)$/.test(verb) && /^(?:(?:a|ao|à|aos|às|com)\s|[OoAa]\s+\p{Lu})/u.test(rest))
			return intro(rest, first);
		// "apresentar ela ao Gustavo", "apresentar o Amadou à Helena": who they meet is after "a/ao/à".
		const toWhom = /^(?:ele|ela|você|o\s+\S+|a\s+\S+|\p{Lu}\S*)\s+(?:a|ao|à|com)\s+(.+)$/u.exec(rest);
		if (/^(?:apresentar|conectar)$/.test(verb) && toWhom) return intro(toWhom[1]!, first);
		const touch = /^em\s+conta[ck]?to\s+com\s+(.+)$/i.exec(rest);
		if (/^(?:pôr|colocar)$/.test(verb) && touch) return intro(touch[1]!, first);
		const contact = /^(?:o\s+)?conta[ck]?to\s+(?:de|do|da|com)\s+(.+)$/i.exec(rest);
		if (SEND.has(verb) && contact) return intro(contact[1]!, first);
		const tryMeet =
			/^se\s+(?:conseguimos|podemos|dá para|da pra|é possível)\s+(?:fazer\s+|marcar\s+|organizar\s+)?(.+)/i.exec(rest);
		if (verb === 'ver' && tryMeet && MEET_THING.test(tryMeet[1]!))
			return { kind: 'meet', object: tryMeet[1]!, todo: todoText, verb: 'tentar marcar' };
		if (SEND.has(verb))
			return {
				kind: 'send',
				object: rest,
				todo: `Enviar ${portugueseThing(rest).text} a ${first || 'quem conheci'}`,
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
	const contact = /^(?:o\s+|um\s+)?conta[ck]?to\s+((?:de|do|da|com)\s+.+)$/i.exec(text);
	if (contact) return intro(contact[1]!.replace(/^(?:de|com)\s+/i, ''), first);
	if (MEET_THING.test(text)) return { kind: 'meet', object: text, todo: todoText, verb: '' };
	// A thing on its own ("orçamento 20 contas", "estudo piloto Braga"): something to send.
	return { kind: 'send', object: text, todo: capitalise(`enviar ${text}`), verb: 'enviar', guessed: true };
}

// "vocês integram com SAP?": asked of us, said by us ("se integramos com SAP").
const OURS: Record<string, string> = bare({
	têm: 'temos',
	tem: 'temos',
	são: 'somos',
	estão: 'estamos',
	vão: 'vamos',
	fazem: 'fazemos',
	podem: 'podemos',
	permitem: 'permitimos',
	incluem: 'incluímos',
	admitem: 'admitimos',
	cobrem: 'cobrimos',
	exigem: 'exigimos'
});

function ours(text: string): string {
	const found = /^(?:vocês|vcs)\s+((?:já|também|ainda)\s+)?(\p{L}+)\b/iu.exec(text);
	if (!found) return text;
	const [all, adverb = '', verb = ''] = found;
	const lower = verb.toLowerCase();
	const own = lookup(OURS, lower) ?? lower.replace(/am$/, 'amos').replace(/em$/, 'emos');
	return `${adverb}${own}${text.slice(all.length)}`;
}

const INTERROGATIVE = /^(?:que|o que|qual|quais|quanto|quanta|quantos|quantas|como|quando|onde|quem|porque|por que)$/i;
const CUT_BEFORE = new Set('de do da dos das com para por em no na a ao sobre sem ou e mas desde até entre'.split(' '));

/** At most nine words ("se" and eight of the note's), cut before a preposition where it can. */
function trimClause(clause: string): string {
	const list = clause.split(' ');
	if (list.length <= 9) return clause;
	let cut = 9;
	while (cut > 3 && !CUT_BEFORE.has(list[cut]!.toLowerCase())) cut--;
	return list.slice(0, cut > 3 ? cut : 9).join(' ');
}

/** "nosso conector aguenta MySQL 5.7?" → "se o nosso conector aguenta MySQL 5.7"; "quanto custa?" → "quanto custa". */
function indirect(question: string, reported: boolean): string | null {
	const text = spell(question)
		.replace(/[¿?!]+/g, ' ')
		.replace(/\s+ou\s+(?:não|nao)\s*$/i, '')
		.replace(/^(?:e|também|além disso|outra(?: pergunta)?)\s*[:,]?\s+/i, '')
		.replace(/^se\s+/i, '')
		.replace(/\s+/g, ' ')
		.trim();
	const [first = '', ...rest] = text.split(' ');
	if (!text || (!rest.length && !reported)) return null;
	let clause: string;
	if (/^(?:sobre|por)$/i.test(first)) clause = text;
	else if (INTERROGATIVE.test(first) && rest.length) clause = text.charAt(0).toLowerCase() + text.slice(1);
	else
		clause = `se ${ours(text).replace(/^(nosso|nossa|nossos|nossas)\b/i, (w) => `${/^nossas?$/i.test(w) ? 'a' : 'o'}${/s$/i.test(w) ? 's' : ''} ${w.toLowerCase()}`)}`;
	return trimClause(toSecondPerson(clause));
}

/** Portuguese: how a note is read. */
export const ptReading: Reading = {
	language: 'pt',
	and: 'e',
	clauseStart: /\s+(?:mas|porque|embora|que|quem|onde|e (?:eles|elas|ele|ela|nós|eu))\s+|[,;:]\s/i,
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
	topicPhrase: ptTopic,
	toSecondPerson,
	action,
	due,
	thing: portugueseThing
};
