import { capitalise, inOneFrame, joinWords, sentences } from './common';
import { sameThing } from '../same-thing';
import { answerLeftovers, leadingName } from './iberian';
import { FUNCTION_WORDS } from './pt-cues';
import { polish } from './pt-nouns';
import { toPerson, unnamed } from './pt-people';
import { portugueseThing } from './pt-thing';
import type { Action, MessageParts, Writing } from './types';

// Written with "você", in constructions that read the same in Brazil and in Portugal: "vou" and an
// infinitive, no clitic pronouns ("te envio" / "envio-lhe"), no words the two spell apart (contato, equipe).

const CLAUSE_START =
	/^(?:se|que|o que|como|quando|onde|qual|quanto|sobre|por|com|o|a|os|as|seu|sua|seus|suas|nosso|nossa)\s/i;

/** What a look or a do is about, as the sentence needs it: a clause as written, a bare thing with its article. */
function objectOf(object: string): string {
	if (!object || CLAUSE_START.test(object) || /^\d/.test(object)) return object;
	return portugueseThing(object).text;
}

/** "vou revisar o seu RFC e depois dou notícias": a promise, in the first person. */
function clause(action: Action): string {
	const object = action.object.trim();
	switch (action.kind) {
		case 'intro':
			return `vou apresentar você ${toPerson(object)}`;
		case 'send':
			return `vou enviar ${portugueseThing(object).text}`;
		case 'meet':
			return `vou ${action.verb || 'organizar'} ${object ? portugueseThing(object).text : 'uma conversa'}`;
		case 'look':
			if (action.verb === 'responder') return `vou responder ${objectOf(object)} em breve`.replace(/\s+/g, ' ');
			return `vou ${action.verb} ${objectOf(object)} e depois dou notícias`.replace(/\s+/g, ' ');
		default:
			return `vou ${action.verb} ${objectOf(object)}`.trim();
	}
}

function opening(parts: MessageParts): string {
	const place = parts.place ? ` ${parts.place}` : '';
	const topic = parts.topic ? ` sobre ${parts.topic.phrase}` : '';
	if (parts.checkIn) return `Já faz algum tempo desde a nossa conversa${topic || place}. Como estão as coisas?`;
	return `Gostei muito da nossa conversa${place}${topic}.`;
}

function promised(parts: MessageParts): string[] {
	const lines: string[] = [];
	const sends = parts.sends.filter((s) => s.text);
	if (sends.length) {
		const plural = sends.length > 1 || sends[0]!.plural;
		lines.push(
			`Como prometido, ${plural ? 'seguem' : 'segue'} ${joinWords(
				sends.map((s) => s.text),
				'e'
			)}.`
		);
	}
	const rest = [...parts.intros.map((who) => `vou apresentar você ${toPerson(who)}`), ...parts.actions.map(clause)];
	// "e depois dou notícias" once, after the last thing to look into.
	const last = rest.findLastIndex((text) => text.endsWith(' e depois dou notícias'));
	rest.forEach((text, i) => {
		const said = i < last ? text.replace(/ e depois dou notícias$/, '') : text;
		const lead = i === 0 && !lines.length ? 'Como combinado,' : lines.length > 1 ? 'Além disso,' : 'Também';
		lines.push(`${lead} ${said}.`);
	});
	return lines;
}

function answer(question: string, action: Action | null): string {
	if (!action) return `Você perguntou ${question}: vou verificar e respondo em breve.`;
	if (action.kind !== 'look') return `Você perguntou ${question}: ${clause(action)}.`;
	const verb = /^(?:responder|ver)$/.test(action.verb) ? 'verificar' : action.verb;
	const object =
		action.object && !sameThing(action.object, question, FUNCTION_WORDS) ? ` ${objectOf(action.object)}` : '';
	return `Você perguntou ${question}: vou ${verb}${object} e respondo em breve.`;
}

function asked(parts: MessageParts): string[] {
	const lines = parts.questions.map((q) => answer(q.clause, q.answer));
	for (const who of parts.askedIntro) {
		const { name, rest } = leadingName(unnamed(who));
		lines.push(
			who
				? `Vou apresentar você ${toPerson(name)}${rest ? `, ${rest}` : ''}, como pediu.`
				: 'Se ajudar, também posso apresentar você a alguém que já passou por isso.'
		);
	}
	// A trial is organised, a quote prepared, what exists (a study) sent.
	lines.push(
		...inOneFrame(
			parts.askedThing,
			(thing) => [
				HAPPENS.test(thing.text)
					? 'Vou organizar {}.'
					: MADE.test(thing.text)
						? 'Vou preparar {} e envio em breve.'
						: 'Envio {} em breve.',
				thing.text
			],
			'e'
		)
	);
	return lines;
}

const HAPPENS = /^\S+\s+(?:demo|demonstração|trial|teste|piloto|poc|reunião|chamada|call|visita|workshop)\b/i;
const MADE = /^\S+\s+(?:preço|preços|orçamento|proposta|cotação|oferta|acesso|amostra|amostras|desconto|licença)\b/i;

function help(parts: MessageParts, after: boolean): string {
	const offer = parts.help;
	if (!offer) return '';
	const can = `Se for útil, ${after ? 'também ' : ''}posso`;
	if (offer.kind === 'action') {
		const action = offer.action;
		const object = action.object.trim();
		if (action.kind === 'send')
			return `${can} enviar ${/^\p{Ll}+s\b/u.test(object) ? object : portugueseThing(object).text}.`;
		if (action.kind === 'intro') return `${can} apresentar você ${toPerson(object)}.`;
		if (action.kind === 'meet') return `${can} organizar ${object ? portugueseThing(object).text : 'uma conversa'}.`;
		return `${can} ${action.verb} ${objectOf(object)}.`.replace(/\s+\./, '.');
	}
	if (offer.kind === 'skill') return `Se precisar de ajuda com ${offer.text}, fico à sua disposição.`;
	const topic = parts.topic;
	return topic?.kind === 'np' && topic.phrase.split(' ').length <= 5 && !/^como\s/.test(topic.phrase)
		? `Se eu puder ajudar com ${topic.phrase}, fico à sua disposição.`
		: 'Se eu puder ajudar em alguma coisa, fico à sua disposição.';
}

/** Portuguese: the message's wording. */
export const ptWriting: Writing = {
	subject(parts) {
		const topic = parts.topic;
		if (parts.checkIn)
			return [
				topic && `Retomando a nossa conversa sobre ${topic.phrase}`,
				topic && `Retomando a nossa conversa sobre ${topic.short}`,
				'Retomando a nossa conversa'
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
						'e'
					)
				)}, como prometido`,
				`${capitalise(sends[0].text)}, como prometido`
			);
		if (parts.intros[0]) options.push(`Apresentação ${toPerson(parts.intros[0])}`);
		if (topic) options.push(`A nossa conversa sobre ${topic.phrase}`);
		if (topic?.kind === 'np') options.push(`A nossa conversa sobre ${topic.short}`);
		if (parts.place) options.push(`A nossa conversa ${parts.place}`);
		options.push('A nossa conversa');
		return options.map(polish);
	},
	body(input) {
		const parts = answerLeftovers(input);
		const open = opening(parts);
		const said = [...promised(parts), ...asked(parts)];
		const middle = sentences(...said, help(parts, said.length > 0));
		// "você" alone can read as either country's; a possessive ("à sua disposição") speaks to the person in both.
		const addressed = /\b(?:seu|sua|seus|suas|lhe|vocês|contigo)\b/i.test(`${open} ${middle}`);
		const close = addressed ? '' : 'Fico à sua disposição para o que precisar.';
		// The note's title: "Caro Prof. Lopes," and a formal close; "Olá, Dona Aparecida,".
		const title = parts.address;
		const greeting = !title
			? `Olá ${parts.firstName},`.replace('Olá ,', 'Olá,')
			: title.title === 'Dona'
				? `Olá, Dona ${title.surname},`
				: `${/^(?:Dra|Prof\.ª|Sra)/u.test(title.title) ? 'Cara' : 'Caro'} ${title.title} ${title.surname},`;
		const formal = Boolean(title && title.title !== 'Dona');
		return polish(
			[
				greeting,
				'',
				open,
				sentences(middle, close),
				'',
				formal ? 'Com os melhores cumprimentos,' : 'Um abraço,',
				parts.myName
			]
				.filter((line, i, all) => !(line === '' && all[i - 1] === ''))
				.join('\n')
				.trim()
		);
	}
};
