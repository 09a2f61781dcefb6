import { capitalise, inOneFrame, joinWords, sentences } from './common';
import { hasDeterminer, italianThing } from './it-nouns';
import { ACCESS, askWhom, meeting, prep, sent, thingOf, titled } from './it-phrases';
import type { Action, MessageParts, Topic, Writing } from './types';

// Written with the formal "Lei" (capitalised Lei, La, Le, Suo, Sua), the safe choice with someone met once.

/** "sul Suo progetto di…", "sulla tracciabilità…"; a name or an acronym: "sul tema DORA". */
function about(topic: Topic, short = false): string {
	const phrase = short ? topic.short : topic.phrase;
	return hasDeterminer(phrase) ? prep('su', phrase) : `sul tema ${phrase}`;
}

/** The topic as "parlare di" takes it: "del Suo progetto", "del tema DORA". */
function aboutPhrase(topic: Topic): string {
	return hasDeterminer(topic.phrase) ? topic.phrase : `il tema ${topic.phrase}`;
}

/** "mi informo con Karim sulla compatibilità HL7": a look-into, in the first person. */
function lookInto(action: Action, closing: string): string {
	const ask = askWhom(action.object);
	if (ask) return `mi informo con ${titled(ask.who)}${ask.what ? ` ${prep('su', thingOf(ask.what))}` : ''} ${closing}`;
	const object =
		action.object &&
		!/^(?:se|come|quanto|quando|dove|con|su|per|a|al|alla|ai|da|di|del|della|in|nel|nella|che)(?:\s|(?<=['’]))/i.test(
			action.object
		)
			? thingOf(action.object)
			: action.object;
	return `${action.verb}${object ? ` ${object}` : ''} ${closing}`;
}

function clause(action: Action): string {
	switch (action.kind) {
		case 'intro':
			return `La metto in contatto con ${titled(action.object)}`;
		case 'send':
			return `Le invio ${sent(italianThing(action.object))}`;
		case 'meet':
			return action.verb === 'chiamare' ? 'La chiamo per parlarne' : `Le propongo ${meeting(action.object)}`;
		case 'look':
			return lookInto(action, 'e Le faccio sapere');
		default:
			return `provvedo a ${action.verb}${action.object ? ` ${action.object}` : ''}`;
	}
}

function opening(parts: MessageParts): string {
	const place = parts.place ? ` ${parts.place}` : '';
	const topic = parts.topic;
	if (parts.checkIn) {
		return topic
			? `Le scrivo per sapere come procede ${topic.kind === 'plans' ? topic.phrase : `il lavoro ${about(topic)}`}.`
			: `Le scrivo per sapere come vanno le cose dopo la nostra conversazione${place}.`;
	}
	// "al Q&A del talk su observability sul Suo progetto": two "su" in a row read badly; a second verb carries the topic.
	if (topic && place) return `È stato un piacere conoscerLa${place} e parlare ${prep('di', aboutPhrase(topic))}.`;
	return `La ringrazio per la piacevole conversazione${place}${topic ? ` ${about(topic)}` : ''}.`;
}

function promised(parts: MessageParts): string[] {
	const lines: string[] = [];
	const sends = parts.sends.filter((s) => s.text);
	if (sends.length) lines.push(`Come promesso, Le invio ${joinWords(sends.map(sent), 'e')}.`);
	const rest = [...parts.intros.map((who) => `La metto in contatto con ${titled(who)}`), ...parts.actions.map(clause)];
	rest.forEach((text, i) => lines.push(i === 0 && !lines.length ? `Come promesso, ${text}.` : `Inoltre ${text}.`));
	return lines;
}

function asked(parts: MessageParts): string[] {
	const lines = parts.questions.map(({ clause: question, answer }) => {
		const ask = answer?.kind === 'look' ? askWhom(answer.object) : null;
		if (ask) return `Mi aveva chiesto ${question}: mi informo con ${titled(ask.who)} e Le faccio sapere.`;
		if (answer?.kind === 'look' && /^mi informo con /.test(answer.verb))
			return `Mi aveva chiesto ${question}: ${answer.verb} e Le faccio sapere.`;
		return `Mi aveva chiesto ${question}: verifico e Le faccio sapere al più presto.`;
	});
	for (const who of parts.askedIntro)
		lines.push(
			who
				? `La metto volentieri in contatto con ${titled(who)}.`
				: 'La posso anche mettere in contatto con qualcuno che ha già seguito un progetto simile.'
		);
	lines.push(
		...inOneFrame(
			parts.askedThing,
			(thing): [string, string] =>
				/^(?:la|il|l['’])\s*(?:demo|call|riunione|incontro|appuntamento|videochiamata)(?![\p{L}])/iu.test(thing.text)
					? ['Le propongo volentieri {}.', meeting(thing.text)]
					: ACCESS.test(thing.text)
						? ['Le attivo volentieri {}.', sent(thing)]
						: ['Per quanto riguarda {}, me ne occupo volentieri.', thing.text],
			'e'
		)
	);
	return lines;
}

function help(parts: MessageParts): string {
	const offer = parts.help;
	if (!offer) return '';
	if (offer.kind === 'action') {
		const { action } = offer;
		// After a promise, the offer says "anche" and uses another verb than the promise did.
		const more = promised(parts).length > 0;
		if (action.kind === 'send')
			return `Se Le può essere utile, ${more ? 'posso anche condividere con Lei' : 'Le invio volentieri'} ${sent(italianThing(action.object))}.`;
		if (action.kind === 'intro')
			return `Se Le può essere utile, ${more ? 'Le posso anche presentare' : 'La metto volentieri in contatto con'} ${titled(action.object)}.`;
		return `Se Le può essere utile, ${clause(action)}.`;
	}
	if (offer.kind === 'skill') {
		const fields = offer.text
			.split(/\s*,\s*|\s+e\s+/)
			.filter(Boolean)
			.map((f) => f.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()));
		return `Se Le posso essere d'aiuto in tema di ${joinWords(fields, 'e')}, non esiti a contattarmi.`;
	}
	return parts.topic
		? "Se Le posso essere d'aiuto su questo tema, non esiti a contattarmi."
		: "Se Le posso essere d'aiuto, non esiti a contattarmi.";
}

/** "Matteo per supabase self hosted" → "Matteo": the person, for a subject line. */
function nameOnly(intro: string): string {
	return intro.split(/\s+(?:per|di|da|che|su|della|del)\s+|\s*[,(]/)[0]!;
}

const TITLE = /^(Prof\.ssa|Dott\.ssa|Prof\.|Dott\.|Dr\.|Ing\.|Avv\.|Arch\.|Sig\.ra|Sig\.)\s+\S+\s+(.+)$/u;

/** "Buongiorno Lorenzo,"; a title in their name or the note: "Gentile Prof. Lo Russo,". */
function greeting(parts: MessageParts): string {
	const title = TITLE.exec(parts.fullName);
	if (title) return `Gentile ${title[1]} ${title[2]},`;
	if (parts.address) return `Gentile ${parts.address.title} ${parts.address.surname},`;
	return parts.firstName ? `Buongiorno ${parts.firstName},` : 'Buongiorno,';
}

/** Italian: the message's wording. */
export const itWriting: Writing = {
	subject(parts) {
		const topic = parts.topic;
		if (parts.checkIn)
			return [
				topic && `Aggiornamenti ${about(topic)}`,
				topic && `Aggiornamenti ${about(topic, true)}`,
				'Un breve aggiornamento'
			].filter(Boolean) as string[];
		const options: string[] = [];
		const sends = parts.sends.filter((s) => s.text);
		if (sends.length > 1) options.push(`${capitalise(joinWords(sends.map(sent), 'e'))}, come promesso`);
		if (sends[0]) options.push(`${capitalise(sent(sends[0]))}, come promesso`);
		if (parts.intros[0]) options.push(`Contatto con ${titled(nameOnly(parts.intros[0]))}`);
		if (topic) options.push(`La nostra conversazione ${about(topic)}`, `La nostra conversazione ${about(topic, true)}`);
		if (parts.place) options.push(`Grazie per la conversazione ${parts.place}`);
		options.push('Grazie per la conversazione');
		return options;
	},
	body(parts) {
		const middle = sentences(...promised(parts), ...asked(parts), help(parts));
		return [greeting(parts), '', opening(parts), middle, '', 'Cordiali saluti,', parts.myName]
			.filter((line, i, all) => !(line === '' && all[i - 1] === ''))
			.join('\n')
			.trim();
	}
};
