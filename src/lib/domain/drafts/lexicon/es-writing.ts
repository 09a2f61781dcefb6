import { capitalise, inOneFrame, joinWords, sentences } from './common';
import { FUNCTION_WORDS } from './es-cues';
import { polish } from './es-nouns';
import { spanishThing } from './es-thing';
import { PERSONAL, future, present } from './es-verbs';
import { sameThing } from '../same-thing';
import { answerLeftovers, leadingName } from './iberian';
import type { Action, MessageParts, Writing } from './types';

// Written with "tú", the usual choice among professionals who met at an event in Spain and Latin America.

const CLAUSE_START =
	/^(?:si|qué|que|cómo|cuándo|dónde|cuál|cuánto|por qué|sobre|por|con|el|la|los|las|tu|tus|nuestro|nuestra)\s/i;

/** What a look or a do is about, as the sentence needs it: a clause as written, a bare thing with its article. */
function objectOf(object: string): string {
	if (!object || CLAUSE_START.test(object) || /^\d/.test(object)) return object;
	return spanishThing(object).text;
}

/** "te envío el informe", "revisaré la configuración de pgbouncer y te cuento": a promise, in the first person. */
function clause(action: Action): string {
	const object = action.object.trim();
	const verb = action.verb;
	switch (action.kind) {
		case 'intro':
			return `te pongo en contacto con ${object}`;
		case 'send':
			return `te envío ${spanishThing(object).text}`;
		case 'meet':
			if (verb === 'llamar') return `te llamaré ${object}`.trim();
			return `${future(verb || 'organizar')} ${object ? spanishThing(object).text : 'una llamada'} y te confirmo los detalles`;
		case 'look':
			if (/^(?:responder|contestar)$/.test(verb))
				return `te responderé ${objectOf(object)} en cuanto pueda`.replace(/\s+/g, ' ');
			return `${future(verb)} ${objectOf(object)} y te cuento`.replace(/\s+/g, ' ');
		default:
			return `${PERSONAL.has(verb) ? 'te ' : ''}${future(verb)} ${objectOf(object)}`.trim();
	}
}

function opening(parts: MessageParts): string {
	const place = parts.place ? ` ${parts.place}` : '';
	const topic = parts.topic?.phrase;
	if (parts.checkIn)
		return topic
			? `Ha pasado un tiempo desde que hablamos sobre ${topic}: ¿cómo va todo?`
			: `Ha pasado un tiempo desde que hablamos${place}: ¿cómo va todo?`;
	if (topic && place) return `Fue un placer conocerte${place} y hablar sobre ${topic}.`;
	if (topic) return `Fue un placer hablar contigo sobre ${topic}.`;
	return `Fue un placer conocerte${place}.`;
}

function promised(parts: MessageParts): string[] {
	const lines: string[] = [];
	const sends = parts.sends.filter((s) => s.text);
	if (sends.length)
		lines.push(
			`Como te prometí, te envío ${joinWords(
				sends.map((s) => s.text),
				'y'
			)}.`
		);
	const rest = [...parts.intros.map((who) => `te pongo en contacto con ${who}`), ...parts.actions.map(clause)];
	// "y te cuento" once, after the last thing to look into.
	const last = rest.findLastIndex((text) => text.endsWith(' y te cuento'));
	rest.forEach((text, i) => {
		const said = i < last ? text.replace(/ y te cuento$/, '') : text;
		const lead = i === 0 && !lines.length ? 'Como quedamos,' : lines.length > 1 ? 'Además,' : 'También';
		lines.push(`${lead} ${said}.`);
	});
	return lines;
}

function answer(question: string, action: Action | null): string {
	if (!action) return `Me preguntaste ${question}: lo miro y te cuento.`;
	if (action.kind !== 'look') return `Me preguntaste ${question}: ${clause(action)}.`;
	const verb = /^(?:responder|contestar|ver)$/.test(action.verb) ? 'mirar' : action.verb;
	if (action.object && !sameThing(action.object, question, FUNCTION_WORDS))
		return `Me preguntaste ${question}: ${future(verb)} ${objectOf(action.object)} y te cuento.`;
	return `Me preguntaste ${question}: lo ${present(verb)} y te cuento.`;
}

function asked(parts: MessageParts): string[] {
	const lines = parts.questions.map((q) => answer(q.clause, q.answer));
	for (const who of parts.askedIntro) {
		const { name, rest } = leadingName(unnamed(who));
		lines.push(
			who
				? `Con gusto te pongo en contacto con ${name}${rest ? `, ${rest}` : ''}, como me pediste.`
				: 'Si te sirve, también puedo ponerte en contacto con alguien que ya haya pasado por esto.'
		);
	}
	// A demo is organised, a price prepared, what exists (a study) sent.
	lines.push(
		...inOneFrame(
			parts.askedThing,
			(thing) => [
				`Con gusto te ${HAPPENS.test(thing.text) ? 'organizo' : MADE.test(thing.text) ? 'preparo' : 'envío'} {}.`,
				thing.text
			],
			'y'
		)
	);
	return lines;
}

/** "Nuestra Recruiter" (a request read as a name) → "nuestra recruiter": someone of ours, not a name. */
function unnamed(who: string): string {
	return /^(?:Nuestr[oa]s?|Mi|Mis|Tu|Tus|Su|Sus|El|La|Los|Las)\s/.test(who) ? who.toLowerCase() : who;
}

const HAPPENS = /^\S+\s+(?:demo|demostración|trial|prueba|piloto|poc|reunión|llamada|visita|taller)\b/i;
const MADE =
	/^\S+\s+(?:precio|precios|presupuesto|propuesta|cotización|oferta|acceso|muestra|muestras|descuento|licencia)\b/i;

function help(parts: MessageParts, after: boolean): string {
	const offer = parts.help;
	if (!offer) return '';
	const can = `Si te sirve, ${after ? 'también ' : ''}puedo`;
	if (offer.kind === 'action') {
		const action = offer.action;
		const object = action.object.trim();
		if (action.kind === 'send')
			return `${can} pasarte ${/^\p{Ll}+s\b/u.test(object) ? object : spanishThing(object).text}.`;
		if (action.kind === 'intro') return `${can} ponerte en contacto con ${object}.`;
		if (action.kind === 'meet') return `${can} organizar ${object ? spanishThing(object).text : 'una llamada'}.`;
		return `${can} ${action.verb}${PERSONAL.has(action.verb) ? 'te' : ''} ${objectOf(object)}.`.replace(/\s+\./, '.');
	}
	if (offer.kind === 'skill') return `Si te sirve, con gusto te cuento lo que sé sobre ${offer.text}.`;
	const topic = parts.topic;
	return topic?.kind === 'np' && topic.phrase.split(' ').length <= 5 && !/^cómo\s/.test(topic.phrase)
		? `Si te puedo ayudar con ${topic.phrase}, escríbeme sin problema.`
		: 'Si te puedo ayudar en algo, escríbeme sin problema.';
}

/** Spanish: the message's wording. */
export const esWriting: Writing = {
	subject(parts) {
		const topic = parts.topic;
		if (parts.checkIn)
			return [
				topic && `Retomando nuestra conversación sobre ${topic.phrase}`,
				topic && `Retomando nuestra conversación sobre ${topic.short}`,
				'Retomando nuestra conversación'
			]
				.filter((s): s is string => Boolean(s))
				.map(polish);
		const options: string[] = [];
		const sends = parts.sends.filter((s) => s.text);
		if (sends[0])
			options.push(
				`${capitalise(
					joinWords(
						sends.map((s) => s.text),
						'y'
					)
				)}, como te prometí`,
				`${capitalise(sends[0].text)}, como te prometí`
			);
		if (parts.intros[0]) options.push(`Te pongo en contacto con ${parts.intros[0]}`);
		if (topic) options.push(`Nuestra conversación sobre ${topic.phrase}`);
		if (topic?.kind === 'np') options.push(`Nuestra conversación sobre ${topic.short}`);
		if (parts.place) options.push(`Un placer conocerte ${parts.place}`);
		options.push('Un placer conocerte');
		return options.map(polish);
	},
	body(input) {
		const parts = answerLeftovers(input);
		const open = opening(parts);
		const said = [...promised(parts), ...asked(parts)];
		const middle = sentences(...said, help(parts, said.length > 0));
		// Every message speaks to the person; one made only of "Fue un placer conocerte" ends by offering help.
		const addressed = /(?:^|[\s¿¡(])(?:te|ti|tu|tus|contigo)\b/i.test(`${open} ${middle}`);
		const close = addressed ? '' : 'Quedo a tu disposición para lo que necesites.';
		return polish(
			[
				`Hola ${parts.firstName},`.replace('Hola ,', 'Hola,'),
				'',
				open,
				sentences(middle, close),
				'',
				'Un saludo,',
				parts.myName
			]
				.filter((line, i, all) => !(line === '' && all[i - 1] === ''))
				.join('\n')
				.trim()
		);
	}
};
