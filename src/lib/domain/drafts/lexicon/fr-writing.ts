import { capitalise, inOneFrame, joinWords, sentences } from './common';
import { de, elides, frenchThing, hasDeterminer } from './fr-nouns';
import { ACCESS, askWhom, aupres, meeting, sent } from './fr-phrases';
import type { Action, MessageParts, Topic, Writing } from './types';

// Written with "vous", the safe choice with someone met once; the greeting uses the first name.

/** "sur la migration de votre SIRH"; a name or an acronym as it is ("sur Kubernetes"). */
function about(topic: Topic, short = false): string {
	return `sur ${short ? topic.short : topic.phrase}`;
}

/** "je me renseigne auprès de Karim sur la compatibilité HL7": a look-into, in the first person. */
function lookInto(action: Action, closing: string): string {
	const ask = askWhom(action.object);
	if (ask) {
		const what = ask.what ? ` sur ${hasDeterminer(ask.what) ? ask.what : frenchThing(ask.what).text}` : '';
		return `je me renseigne ${aupres(ask.who)}${what} ${closing}`;
	}
	const object =
		action.object &&
		!/^(?:si|s['’]|comment|combien|quand|où|avec|auprès|sur|pour|à|au|aux|de|du|des|d['’]|en|dans|chez|que|qu['’])(?:\s|(?<=['’]))/i.test(
			action.object
		) &&
		!hasDeterminer(action.object)
			? frenchThing(action.object).text
			: action.object;
	return `je ${action.verb}${object ? ` ${object}` : ''} ${closing}`;
}

/** Whom I introduce: "Marc"; a title left without its name ("Mme.") is the person I spoke of. */
function person(who: string): string {
	return /^(?:m|mme|mlle|dr|pr|me)\.?$/i.test(who.trim()) ? 'la personne dont je vous ai parlé' : who;
}

function clause(action: Action): string {
	switch (action.kind) {
		case 'intro':
			return `je vous mets en relation avec ${person(action.object)}`;
		case 'send':
			return `je vous transmets ${sent(frenchThing(action.object))}`;
		case 'meet':
			return action.verb === 'appeler' ? 'je vous appelle pour en parler' : `je vous propose ${meeting(action.object)}`;
		case 'look':
			return lookInto(action, 'et je vous tiens au courant');
		default:
			return `je vais ${action.verb}${action.object ? ` ${action.object}` : ''}`;
	}
}

/** "je vous mets en relation" → "je vous mets également en relation": a second promise. */
function also(text: string): string {
	return capitalise(text.replace(/^(je (?:vous |me )?\S+)/, '$1 également'));
}

function opening(parts: MessageParts): string {
	const place = parts.place ? ` ${parts.place}` : '';
	const topic = parts.topic;
	if (parts.checkIn) {
		// No "?" nor ":": the last pass removes the space French puts before them.
		return `Je me permets de revenir vers vous suite à notre échange${topic ? ` ${about(topic)}` : place}, pour savoir où vous en êtes.`;
	}
	// "au stand X sur Y" can read as a stand about Y: with a place, the topic comes after "au sujet de".
	if (topic && place) return `C'était un plaisir d'échanger avec vous${place} au sujet ${de(topic.phrase)}.`;
	return `Merci pour notre échange${place}${topic ? ` ${about(topic)}` : ''}.`;
}

function promised(parts: MessageParts): string[] {
	const lines: string[] = [];
	const sends = parts.sends.filter((s) => s.text);
	if (sends.length)
		lines.push(
			`Comme promis, je vous transmets ${joinWords(
				sends.map((s) => sent(s)),
				'et'
			)}.`
		);
	const rest = [
		...parts.intros.map((who) => `je vous mets en relation avec ${person(who)}`),
		...parts.actions.map(clause)
	];
	rest.forEach((text, i) => lines.push(i === 0 && !lines.length ? `Comme promis, ${text}.` : `${also(text)}.`));
	return lines;
}

function asked(parts: MessageParts): string[] {
	// "Vous m'avez demandé si … :" would need a space before the colon that the last pass removes.
	const lines = parts.questions.map(({ clause: question, answer }) => {
		const ask = answer?.kind === 'look' ? askWhom(answer.object) : null;
		const whom = ask ? aupres(ask.who) : answer?.kind === 'look' ? /auprès d.+$/.exec(answer.verb)?.[0] : undefined;
		if (whom)
			return `Pour répondre à votre question, je me renseigne ${whom} pour savoir ${question} et je reviens vers vous.`;
		return `Pour répondre à votre question, je vérifie ${question} et je reviens vers vous rapidement.`;
	});
	for (const who of parts.askedIntro)
		lines.push(
			who
				? `Je vous mets volontiers en relation avec ${who}.`
				: "Je peux aussi vous mettre en relation avec quelqu'un qui a déjà mené ce type de projet."
		);
	lines.push(
		...inOneFrame(
			parts.askedThing,
			(thing): [string, string] =>
				/^(?:la|le|l['’])\s*(?:démo|demo|rdv|rendez-vous|call|appel|visio|réunion)(?![\p{L}])/iu.test(thing.text)
					? ['Je vous propose volontiers {}.', meeting(thing.text)]
					: ACCESS.test(thing.text)
						? ['Je vous ouvre volontiers {}.', sent(thing)]
						: ["Concernant {}, je m'en occupe volontiers.", thing.text],
			'et'
		)
	);
	return lines;
}

function help(parts: MessageParts): string {
	const offer = parts.help;
	if (!offer) return '';
	if (offer.kind === 'action') {
		const { action } = offer;
		// After a promise, the offer says "également" and uses another verb than the promise did.
		const more = promised(parts).length > 0;
		if (action.kind === 'send')
			return `Si cela peut vous être utile, ${more ? 'je peux également vous envoyer' : 'je vous envoie volontiers'} ${sent(frenchThing(action.object))}.`;
		if (action.kind === 'intro')
			return `Si cela peut vous être utile, ${more ? 'je peux également vous présenter' : 'je vous mets volontiers en relation avec'} ${action.object}.`;
		// "relecture de dossiers de financement": a noun (-ure, -ion, -ment, -age), not a verb to conjugate.
		if (action.kind === 'do' && /(?:ure|ion|ment|age|ing)$/i.test(action.verb))
			return `Si cela peut vous être utile, je peux vous aider pour ${sent(frenchThing(`${action.verb} ${action.object}`.trim()))}.`;
		return `Si cela peut vous être utile, ${clause(action)}.`;
	}
	if (offer.kind === 'skill') {
		const fields = offer.text
			.split(/\s*,\s*|\s+et\s+/)
			.filter(Boolean)
			.map((f) => f.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()));
		const matters = fields.map((f) => (elides(f) ? `d'${f}` : `de ${f}`));
		return `Si je peux vous aider en matière ${joinWords(matters, 'ou')}, n'hésitez pas à me contacter.`;
	}
	return parts.topic
		? "N'hésitez pas à me contacter si je peux vous aider sur ce sujet."
		: "N'hésitez pas à me contacter si je peux vous être utile.";
}

/** French: the message's wording. */
export const frWriting: Writing = {
	subject(parts) {
		const topic = parts.topic;
		if (parts.checkIn)
			return [
				topic && `Des nouvelles ${de(topic.phrase)}`,
				topic && `Des nouvelles ${de(topic.short)}`,
				'Des nouvelles'
			].filter(Boolean) as string[];
		const options: string[] = [];
		const sends = parts.sends.filter((s) => s.text);
		if (sends.length > 1) options.push(`${capitalise(joinWords(sends.map(sent), 'et'))}, comme promis`);
		if (sends[0]) options.push(`${capitalise(sent(sends[0]))}, comme promis`);
		if (parts.intros[0])
			options.push(`Mise en relation avec ${parts.intros[0].split(/\s+(?:pour|sur|qui|concernant)\s+|\s*[,(]/)[0]}`);
		if (topic) options.push(`Suite à notre échange ${about(topic)}`, `Suite à notre échange ${about(topic, true)}`);
		if (parts.place) options.push(`Suite à notre échange ${parts.place}`);
		options.push('Suite à notre échange');
		return options;
	},
	body(parts) {
		const middle = sentences(...promised(parts), ...asked(parts), help(parts));
		return [
			(parts.address
				? `Bonjour ${parts.address.title} ${parts.address.surname},`
				: `Bonjour ${parts.firstName},`
			).replace('Bonjour ,', 'Bonjour,'),
			'',
			opening(parts),
			middle,
			'',
			'Bien cordialement,',
			parts.myName
		]
			.filter((line, i, all) => !(line === '' && all[i - 1] === ''))
			.join('\n')
			.trim();
	}
};
