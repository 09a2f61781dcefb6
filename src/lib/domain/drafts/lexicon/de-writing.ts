import { capitalise, inOneFrame, isPhysical, joinWords, sentences } from './common';
import { germanThing } from './de-nouns';
import type { Action, MessageParts, NounPhrase, Topic, Writing } from './types';

// Written formally ("Sie"), the safe choice with someone met once; the greeting uses the whole name.

function about(topic: Topic): string {
	return topic.kind === 'plans' ? `über ${topic.phrase}` : `zum Thema ${topic.phrase}`;
}

/** "frage ich Thomas R. wegen der Intro": an action in the first person, after "Wie versprochen". */
function clause(action: Action): string {
	const object = action.object.trim();
	switch (action.kind) {
		case 'intro':
			return `stelle ich Ihnen gern ${object} vor`;
		case 'send':
			return `sende ich Ihnen ${germanThing(object, 'acc').text}`;
		case 'meet':
			return /demo/i.test(object) ? 'zeige ich Ihnen gern die Demo' : 'vereinbare ich gern einen Termin mit Ihnen';
		case 'look': {
			const [verb = '', particle = ''] = action.verb.split(' ');
			return `${verb} ich ${object ? `${object} ` : 'das '}${particle ? `${particle} ` : ''}und melde mich dann bei Ihnen`.replace(
				/\s+/g,
				' '
			);
		}
		default:
			return `werde ich ${object} ${action.verb}`.trim();
	}
}

function opening(parts: MessageParts): string {
	const place = parts.place ? ` ${parts.place}` : '';
	const topic = parts.topic ? ` ${about(parts.topic)}` : '';
	if (parts.checkIn) {
		return parts.topic
			? `es ist schon eine Weile her, dass wir${place}${topic} gesprochen haben. Wie läuft es bei Ihnen?`
			: `es ist schon eine Weile her, dass wir${place} gesprochen haben. Wie läuft es bei Ihnen?`;
	}
	const later = parts.laterTopic ? ` und später ${about(parts.laterTopic)}` : '';
	return `vielen Dank für das Gespräch${place}${topic}${later}.`;
}

function promised(parts: MessageParts): string[] {
	const lines: string[] = [];
	// A document comes attached ("anbei"); samples are sent separately ("schicke … zu").
	const thing = (s: NounPhrase) => germanThing(s.text.replace(/^(?:der|die|das|den)\s+/i, ''), 'acc').text;
	const attached = parts.sends.filter((s) => !isPhysical(s.text));
	const posted = parts.sends.filter((s) => isPhysical(s.text));
	if (attached.length) lines.push(`Wie versprochen sende ich Ihnen anbei ${joinWords(attached.map(thing), 'und')}.`);
	if (posted.length)
		lines.push(
			`${attached.length ? 'Außerdem schicke ich Ihnen' : 'Wie versprochen schicke ich Ihnen'} ${joinWords(posted.map(thing), 'und')} zu.`
		);
	const rest = [
		...(parts.intros.length ? [`stelle ich Ihnen gern ${joinWords(parts.intros, 'und')} vor`] : []),
		...parts.actions.map(clause)
	];
	rest.forEach((text, i) => {
		if (i === 0 && !lines.length) lines.push(`Wie versprochen ${text}.`);
		else
			lines.push(
				`${capitalise(text.replace(/^(\S+ ich)/, '$1 außerdem'))}.`.replace(
					/^(\S+) ich außerdem/,
					(_, v: string) => `Außerdem ${v.toLowerCase()} ich`
				)
			);
	});
	return lines;
}

function asked(parts: MessageParts): string[] {
	const lines = parts.questions.map(({ clause: question, answer }) =>
		answer
			? `Sie hatten gefragt, ${question}: Das ${answer.kind === 'look' ? `${answer.verb.split(' ')[0]} ich${answer.verb.split(' ')[1] ? ` ${answer.verb.split(' ')[1]}` : ''}` : 'kläre ich'} und melde mich bei Ihnen.`
			: `Sie hatten gefragt, ${question}: Das kläre ich gern und melde mich bei Ihnen.`
	);
	for (const who of parts.askedIntro)
		lines.push(
			who ? `Gern stelle ich Ihnen auch ${who} vor.` : 'Gern vermittle ich Ihnen auch den gewünschten Kontakt.'
		);
	lines.push(
		...inOneFrame(
			parts.askedThing,
			(thing) => ['Sie hatten {} angesprochen: Dabei helfe ich gern.', `„${thing.text}“`],
			'und'
		)
	);
	return lines;
}

function help(parts: MessageParts): string {
	const offer = parts.help;
	if (!offer) return '';
	if (offer.kind === 'action') {
		const action = offer.action;
		if (action.kind === 'intro') return `Falls es hilft, stelle ich Ihnen gern ${action.object} vor.`;
		if (action.kind === 'do') return `Falls es hilft, ${action.verb.replace(/en$/, 'e')} ich gern ${action.object}.`;
		return `Falls es hilft, biete ich Ihnen gern ${action.object} an.`;
	}
	if (offer.kind === 'skill') return `Falls Sie Unterstützung bei ${offer.text} brauchen, melden Sie sich gern.`;
	return parts.topic && parts.topic.kind === 'np'
		? `Wenn ich Ihnen beim Thema ${parts.topic.short} helfen kann, melden Sie sich gern.`
		: 'Wenn ich Ihnen irgendwie helfen kann, melden Sie sich gern.';
}

/** German: the message's wording. */
export const deWriting: Writing = {
	subject(parts) {
		const topic = parts.topic;
		if (parts.checkIn)
			return [topic && `Kurze Nachfrage ${about(topic)}`, 'Kurze Nachfrage'].filter(Boolean) as string[];
		const options: string[] = [];
		if (parts.sends[0])
			options.push(
				`${capitalise(germanThing(parts.sends[0].text.replace(/^(?:der|die|das|den)\s+/i, ''), 'nom').text)}, wie versprochen`
			);
		if (parts.intros[0]) options.push(`Kontakt zu ${parts.intros[0]}`);
		if (topic)
			options.push(`Unser Gespräch ${about(topic)}`, `Unser Gespräch ${about({ ...topic, phrase: topic.short })}`);
		options.push('Danke für das Gespräch');
		return options;
	},
	body(parts) {
		const middle = sentences(...promised(parts), ...asked(parts), help(parts));
		// Formal, as the whole message: "Guten Tag Frau von Bergen," when the note addresses her so.
		const greeting = parts.address ? `${parts.address.title} ${parts.address.surname}` : parts.fullName;
		return [`Guten Tag ${greeting},`, '', opening(parts), middle, '', 'Viele Grüße', parts.myName]
			.filter((line, i, all) => !(line === '' && all[i - 1] === ''))
			.join('\n')
			.trim();
	}
};
