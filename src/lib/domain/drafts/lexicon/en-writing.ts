import { capitalise, decapitalise, inOneFrame, isPhysical, joinWords, sentences } from './common';
import type { Action, MessageParts, Writing } from './types';

const VERB_PHRASE_ENDS = /\s+(?:and get back to you)$/;

/** "I'll ask Marcus about offline sync": an action in the first person, to the person. */
function clause(action: Action): string {
	const object = action.object.trim();
	const verb = action.verb.toLowerCase();
	switch (action.kind) {
		case 'intro':
			return `I'd like to introduce you to ${object}`;
		case 'send':
			return `I'll send you ${object}`;
		case 'meet':
			if (/^call\b/.test(verb) && !object) return "I'll give you a call";
			return `I'll ${verb} ${object ? decapitalise(object) : 'a time to talk'}`.trim();
		case 'look':
			return `I'll ${verb}${object ? ` ${object}` : ''} and get back to you`.replace(
				/get back and get back/,
				'get back'
			);
		default:
			return `I'll ${verb} ${object}`.trim();
	}
}

function also(text: string): string {
	return text.replace(/^I'(ll|d) /, "I'$1 also ");
}

function opening(parts: MessageParts): string {
	const where = parts.place ? ` ${parts.place}` : '';
	const topic = parts.topic?.phrase ?? '';
	if (parts.checkIn) {
		return topic
			? `It has been a while since we talked about ${topic}: how is it going?`
			: `It has been a while since we spoke${where}: how are things going?`;
	}
	const later = parts.laterTopic ? `, and later about ${parts.laterTopic.phrase}` : '';
	if (topic && where) return `It was great to meet you${where} and talk about ${topic}${later}.`;
	if (topic) return `It was great talking with you about ${topic}${later}.`;
	return `It was great to meet you${where}.`;
}

function promised(parts: MessageParts): string[] {
	const lines: string[] = [];
	// A document comes with the message ("Here is …"); samples travel separately.
	const attached = parts.sends.filter((s) => !isPhysical(s.text));
	const posted = parts.sends.filter((s) => isPhysical(s.text));
	if (attached.length) {
		const plural = attached.length > 1 || attached[0]!.plural;
		lines.push(
			`Here ${plural ? 'are' : 'is'} ${joinWords(
				attached.map((s) => s.text),
				'and'
			)}, as promised.`
		);
	}
	if (posted.length)
		lines.push(
			`${attached.length ? "I'll also send you" : "As promised, I'll send you"} ${joinWords(
				posted.map((s) => s.text),
				'and'
			)}.`
		);
	const others = [...parts.intros.map((who) => `I'd like to introduce you to ${who}`), ...parts.actions.map(clause)];
	others.forEach((text, i) => {
		if (i === 0 && !lines.length) lines.push(`As promised, ${text}.`);
		else lines.push(`${also(text)}.`);
	});
	return lines;
}

function asked(parts: MessageParts): string[] {
	const lines = parts.questions.map(({ clause: question, answer }) =>
		answer
			? `You asked ${question}: ${clause(answer).replace(VERB_PHRASE_ENDS, '')} and get back to you.`
			: `You asked ${question}: I'll look into it and let you know.`
	);
	for (const who of parts.askedIntro)
		lines.push(
			who
				? `You mentioned an intro to ${who} would help: I'm happy to make it.`
				: "I'm also happy to put you in touch with someone who has done this before."
		);
	lines.push(
		...inOneFrame(parts.askedThing, (thing) => ["You asked about {}: I'm happy to help with that.", thing.text], 'and')
	);
	return lines;
}

function help(parts: MessageParts): string {
	const offer = parts.help;
	if (!offer) return '';
	if (offer.kind === 'action') {
		const text =
			offer.action.kind === 'send'
				? `share ${offer.action.object}`
				: clause(offer.action).replace(/^I'll |^I'd like to /, '');
		return `If it helps, I'd be happy to ${text.replace(/ and get back to you$/, '')}.`;
	}
	if (offer.kind === 'skill') return `If it helps, I'm happy to share what I know about ${offer.text}.`;
	return parts.topic
		? `If I can help with ${parts.topic.short}, just let me know.`
		: 'If I can help with anything, just let me know.';
}

/** English: the message's wording. */
export const enWriting: Writing = {
	subject(parts) {
		const topic = parts.topic;
		if (parts.checkIn)
			return [
				topic && `Checking in on ${topic.phrase}`,
				topic && `Checking in on ${topic.short}`,
				'Checking in'
			].filter(Boolean) as string[];
		const options: string[] = [];
		if (parts.sends[0]) options.push(`${capitalise(parts.sends[0].text)}, as promised`);
		if (parts.intros[0]) options.push(`Introducing you to ${parts.intros[0]}`);
		if (topic) options.push(`Following up on ${topic.phrase}`, `Following up on ${topic.short}`);
		if (parts.place) options.push(`Great to meet you ${parts.place}`);
		options.push('Great to meet you');
		return options;
	},
	body(parts) {
		const middle = sentences(...promised(parts), ...asked(parts), help(parts));
		// "Dear Dr. Adeyemi," when the note names them by title; otherwise their first name.
		const greeting = parts.address
			? `Dear ${parts.address.title} ${parts.address.surname},`
			: `Hi ${parts.firstName},`.replace('Hi ,', 'Hi,');
		return [greeting, '', opening(parts), middle, '', 'Best,', parts.myName]
			.filter((line, i, all) => !(line === '' && all[i - 1] === ''))
			.join('\n')
			.trim();
	}
};
