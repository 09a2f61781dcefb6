import { buildTopic, type TopicRules } from '../topic';
import { bare, capitalise, type DuePattern, findDue, set } from './common';
import type { Action, DueHint, Reading } from './types';

const FUNCTION_WORDS = set(
	'der die das den dem des ein eine einen einem einer eines und oder aber sondern denn doch also ' +
		'zu zum zur von vom mit aus bei beim nach seit für über unter auf an am im in ins um gegen ohne durch wegen wg bis ab ' +
		'ich du er sie es wir ihr ihm ihn ihnen mich mir uns euch sein seine seinen seinem seiner ihre ihren ihrem ihrer ' +
		'mein meine unser unsere unsre dein ist sind war waren hat haben hatte hätte wird werden würde kann können soll ' +
		'muss will wollen möchte nicht kein keine auch noch schon nur sehr ganz eher so wie als dass ob wenn weil da dann ' +
		'mal ja nein etwa ca z.b. bzw usw evtl ggf inkl'
);

const WEEKDAYS: Record<string, number> = bare({ so: 0, mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6 });

const DUE_PATTERNS: DuePattern[] = [
	[
		/\b(?:bis\s+)?(?:spätestens\s+)?(?:zum\s+)?ende\s+(?:der\s+|dieser\s+)?(?:nächste[rn]?\s+)?woche\b/i,
		(m) => (/nächste/i.test(m[0]) ? { kind: 'next-week' } : { kind: 'end-of-week' })
	],
	[/\b(?:bis\s+)?(?:zum\s+)?ende\s+des\s+monats\b|\b(?:bis\s+)?monatsende\b/i, () => ({ kind: 'end-of-month' })],
	[/\b(?:bis\s+)?(?:spätestens\s+)?(?:nächste|kommende)\s+woche\b/i, () => ({ kind: 'next-week' })],
	[
		/\b(?:bis\s+)?(?:diese\s+woche|morgen|übermorgen|heute)\b/i,
		(m) => ({ kind: 'days', days: /über/i.test(m[0]) ? 2 : /morgen/i.test(m[0]) ? 1 : /woche/i.test(m[0]) ? 5 : 0 })
	],
	[
		/\b(?:bis\s+)(?:spätestens\s+)?(?:zum\s+)?(mo|di|mi|do|fr|sa|so)(?:ntag|nstag|ttwoch|nnerstag|eitag|mstag|nnabend)?\.?(?=\s|$)/i,
		(m) => ({ kind: 'weekday', day: WEEKDAYS[m[1]!.toLowerCase()] ?? 5 })
	],
	[
		/\b(?:am\s+|nächsten\s+)?(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/i,
		(m) => ({ kind: 'weekday', day: WEEKDAYS[m[1]!.slice(0, 2).toLowerCase()] ?? 5 })
	],
	[
		/\b(?:in|innerhalb)\s+(\d+|einer|zwei|drei)\s+(tag|tagen|woche|wochen)\b/i,
		(m) => ({
			kind: 'days',
			days:
				(Number(m[1]) || ({ einer: 1, zwei: 2, drei: 3 } as Record<string, number>)[m[1]!.toLowerCase()] || 1) *
				(/woche/i.test(m[2]!) ? 7 : 1)
		})
	]
];

function due(todo: string): { rest: string; due: DueHint | null } {
	return findDue(DUE_PATTERNS, todo);
}

/** German verbs as an infinitive and as the first person ("schicken" / "schicke"). */
const SEND =
	'schicken|schick|schicke|zuschicken|rüberschicken|senden|send|sende|zusenden|mailen|maile|weiterleiten|leite|geben|gebe|teilen|teile|sharen';
const LOOK =
	'prüfen|prüfe|klären|kläre|checken|checke|fragen|frage|nachfragen|herausfinden|rausfinden|schauen|schaue|nachsehen|beantworten|beantworte|antworten|melden|melde|recherchieren';
const INTRO = 'vorstellen|vernetzen|verbinden|connecten|bekanntmachen|vermitteln|vermittle';

const RECIPIENT = /^(?:ihm|ihr|ihnen|dir|euch|sie|ihn)\s+/i;
const FIRST_PERSON: Record<string, string> = bare({
	schick: 'schicke',
	send: 'sende',
	leite: 'leite',
	prüfen: 'prüfe',
	klären: 'kläre',
	checken: 'checke',
	fragen: 'frage',
	schauen: 'schaue',
	beantworten: 'beantworte',
	melden: 'melde',
	recherchieren: 'recherchiere',
	nachfragen: 'frage nach',
	herausfinden: 'finde heraus',
	rausfinden: 'finde heraus',
	nachsehen: 'sehe nach',
	antworten: 'antworte'
});

function firstPerson(verb: string): string {
	const lower = verb.toLowerCase();
	if (FIRST_PERSON[lower]) return FIRST_PERSON[lower];
	return /en$/.test(lower) ? lower.slice(0, -1) : lower;
}

function action(todo: string, first: string): Action {
	const text = todo
		.trim()
		.replace(/^(?:ich\s+)?(?:werde|werd|will|möchte|kann)\s+/i, '')
		.replace(/\bwg\.\s*/gi, 'wegen ')
		.replace(/^ich\s+/i, '');
	const todoText = capitalise(text);
	const arrow =
		/^intro\b.*?(?:→|->|<>|an|mit|zu)\s+(.+)$/i.exec(text) ??
		/^kontakt\s+(?:zu|mit)\s+(.+?)(?:\s+herstellen)?$/i.exec(text);
	if (arrow?.[1])
		return {
			kind: 'intro',
			object: arrow[1].replace(/^.*(?:→|->|<>)\s*/, '').trim(),
			todo: todoText,
			verb: 'vorstellen'
		};
	const separable =
		/^stell(?:e)?\s+(.+?)\s+vor$/i.exec(text) ?? new RegExp(`^(.+?)(?:\\s+zu)?\\s+(?:${INTRO})$`, 'i').exec(text);
	if (separable?.[1]) {
		const who = separable[1].replace(RECIPIENT, '').replace(/^(?:mit|an)\s+/i, '');
		return { kind: 'intro', object: who, todo: todoText, verb: 'vorstellen' };
	}
	const sendFirst = new RegExp(`^(${SEND})\\s+(.+?)(?:\\s+(?:zu|rüber|weiter))?$`, 'i').exec(text);
	if (sendFirst?.[2])
		return { kind: 'send', object: sendFirst[2].replace(RECIPIENT, ''), todo: todoText, verb: 'schicken' };
	// "ihm meine Leseliste zu schicken": the infinitive's "zu" is not part of the thing.
	const sendLast = new RegExp(`^(.+?)(?:\\s+zu)?\\s+(?:${SEND})$`, 'i').exec(text);
	if (sendLast?.[1])
		return { kind: 'send', object: sendLast[1].replace(RECIPIENT, ''), todo: todoText, verb: 'schicken' };
	const look = new RegExp(`^(.*?)\\s*\\b(${LOOK})\\b\\s*(.*)$`, 'i').exec(text);
	if (look) {
		const object = [look[1], look[3]].filter(Boolean).join(' ').trim();
		return { kind: 'look', object, todo: todoText, verb: firstPerson(look[2]!) };
	}
	if (/\b(?:termin|call|anruf|anrufen|treffen|demo)\b/i.test(text))
		return { kind: 'meet', object: text, todo: todoText, verb: 'vereinbaren' };
	const infinitive = /^(.+?)(?:\s+zu)?\s+(\p{Ll}+(?:en|ern|eln))$/u.exec(text);
	if (infinitive?.[2]) return { kind: 'do', object: infinitive[1]!, todo: todoText, verb: infinitive[2] };
	void first;
	return { kind: 'send', object: text, todo: capitalise(`${text} schicken`), verb: 'schicken', guessed: true };
}

function toSecondPerson(text: string): string {
	const map: Record<string, string> = bare({
		sein: 'Ihr',
		seine: 'Ihre',
		seinen: 'Ihren',
		seinem: 'Ihrem',
		seiner: 'Ihrer',
		seines: 'Ihres',
		ihre: 'Ihre',
		ihren: 'Ihren',
		ihrem: 'Ihrem',
		ihrer: 'Ihrer',
		ihres: 'Ihres',
		ihm: 'Ihnen',
		ihn: 'Sie',
		er: 'Sie'
	});
	return text.replace(
		/\b(sein|seine|seinen|seinem|seiner|seines|ihre|ihren|ihrem|ihrer|ihres|ihm|ihn|er)\b/g,
		(w) => map[w] ?? w
	);
}

const LEAD_IN =
	/^(?:(?:wir\s+)?(?:haben\s+)?(?:(?:kurz|viel|lange|v\.a\.|vor allem|hauptsächlich)\s+)?(?:über|zum thema|zu)\s+)|^(?:gespräch|thema|themen|geredet|gesprochen)\s*(?:über|zu\s|:|-)\s*/i;

const TOPIC_RULES: TopicRules = {
	leadIn: LEAD_IN,
	leadOut: /\s+(?:(?:noch\s+)?(?:kurz\s+)?(?:gesprochen|geredet|unterhalten|diskutiert|gequatscht|ausgetauscht))$/i,
	plansCue: /^(?:(?:sie|er|die|das team)\s+)?(?:wollen|will|möchten|möchte|planen|plant|überlegen|wollten)\s+(.+)/i,
	plans(verbPhrase) {
		const words = verbPhrase.split(' ');
		const last = words[words.length - 1] ?? '';
		if (words.length > 1 && /^\p{Ll}+(?:en|ern|eln)$/u.test(last))
			return `Ihre Pläne, ${[...words.slice(0, -1), zuInfinitive(last)].join(' ')}`;
		return `Ihre Pläne ${verbPhrase.replace(/^(?:nach|zu|auf|in)\s+/i, 'Richtung ')}`;
	},
	subjectCue: /(?:^|\s)(?:sie|er|die|das team)\s+(?:haben|hat|sind|ist|nutzen|nutzt|setzen|setzt)\s+/i,
	nominalise: () => null,
	dropVerb: /^(?:massive|große|viele|einige)\s+/i,
	// "Sucht Retrofit-Lösung für die Datenerfassung": what they look for is the topic, not the verb.
	leadVerb: /^(?:sucht|suchen|braucht|brauchen|benötigt|benötigen|will|wollen|möchte|möchten)\s+/i,
	clauseBreak:
		/[,:;]\s|\s(?:aber|weil|da|denn|obwohl|wobei|sodass|damit|wenn|die|der|das|und (?:die|sie|er|wir|ich))\s/i,
	functionWords: FUNCTION_WORDS,
	keepAtStart: /^$/,
	toSecondPerson: (text) => toSecondPerson(text).replace(/^(?:Ihr|Ihre|Ihren|Ihrem|Ihrer)\s+/, ''),
	and: 'und',
	lowerFirst: /^$/
};

const SEPARABLE =
	/^(an|auf|aus|ein|mit|nach|um|vor|zu|zurück|weg|ab|bei|her|hin|los|fest|dar|durch|rüber|hoch)(\p{Ll}{3,})$/u;

/** "umsteigen" → "umzusteigen", "migrieren" → "zu migrieren". */
function zuInfinitive(verb: string): string {
	const separable = SEPARABLE.exec(verb);
	return separable ? `${separable[1]}zu${separable[2]}` : `zu ${verb}`;
}

/** "unterstützt unser Connector Oracle?" → "ob unser Connector Oracle unterstützt". */
const AUXILIARY =
	/^(?:haben|hat|habt|ist|sind|seid|kann|können|könnt|wird|werden|soll|sollen|muss|müssen|darf|dürfen|würde|würden|hätte|hätten|war|waren|gibt|geht|unterstützt|unterstützen|bietet|bieten)$/i;

function indirect(question: string, reported: boolean): string | null {
	const text = question
		.replace(/[?¿]+\s*$/, '')
		.replace(/\s+oder\s+.*$/i, '')
		.trim();
	const words = text.split(/\s+/);
	if (words.length < 2 || words.length > 9) return null;
	const [first = '', ...rest] = words;
	if (/^(?:wie|was|wann|wo|welche[rsmn]?|warum|wieviel|wie viel)$/i.test(first) && rest.length > 1) {
		const [verb = '', ...tail] = rest;
		return toSecondPerson(`${first.toLowerCase()} ${tail.join(' ')} ${verb}`);
	}
	// "Haben wir MDR Klasse IIb?", "Kann euer Tool SAP anbinden?": the verb goes to the end.
	if (AUXILIARY.test(first)) return toSecondPerson(`ob ${rest.join(' ')} ${first.toLowerCase()}`);
	if (/^\p{Ll}/u.test(first) && !FUNCTION_WORDS.has(first.toLowerCase()))
		return toSecondPerson(`ob ${rest.join(' ')} ${first}`);
	if (reported) return toSecondPerson(`ob ${text}`);
	return null;
}

/** German: how a note is read. */
export const deReading: Reading = {
	language: 'de',
	and: 'und',
	clauseStart: /\s+(?:aber|weil|denn|obwohl|sondern|damit|die|der|das|und (?:die|sie|er|wir|ich))\s+|[,;:]\s/i,
	functionWords: FUNCTION_WORDS,
	privateCue:
		/\b(?:wirkte|wirkt|scheint|schien|vermutlich|wohl|vielleicht|eher nicht|skeptisch|entscheider|budget|kein geld|nett aber|chaotisch|arrogant|nervig|anstrengend|typ is|typ ist|kunde\?|lead|intern klären|nda|nicht drängen|drängen|später|unklar|keine ahnung|lol|haha|🙈)/i,
	promiseCues: [
		/\b(?:versprochen|zugesagt|angeboten)\s*[:,-]?\s*(?:zu\s+)?(.+)/i,
		/\b(?:hab(?:e)?|habe ich)\s+(?:ihm|ihr|ihnen)\s+(?:versprochen|zugesagt|angeboten),?\s*(?:dass ich\s+)?(.+)/i,
		/\bich\s+((?:schick|schicke|send|sende|stell|stelle|melde|kläre|frage|prüfe|mache|mach|leite|werde|werd|gebe|teile|organisiere)\b.+)/i,
		/^(?:todo|to-do|next steps?|nächste schritte)\s*[:→>-]+\s*(.+)/i
	],
	requestCues: [
		/\b(?:will|möchte|möchten|wollen|hätte(?:n)?\s+(?:außerdem\s+|auch\s+)?gern(?:e)?|wünscht(?:\s+sich)?|sucht|suchen|braucht|brauchen|bittet um|fragt nach|interessiert an)\s+(.+)/i
	],
	notRequest: /^(?:nach|zu|auf|in|von|mehr|weg|weiter|raus)\b|\s\p{Ll}+(?:en|ern|eln)$/u,
	introCue: /^(?:(?:eine[n]?\s+)?(?:intro|vorstellung|kontakt)\s+(?:zu|mit|an)\s+)(.+)/i,
	questionCue:
		/^(?:(?:offene\s+)?frage(?:\s+von\s+(?:ihm|ihr))?|hat\s+gefragt(?:,)?(?:\s+ob)?|fragt(?:e)?(?!\s+nach\s)(?:,)?(?:\s+ob)?)\s*[:,-]?\s*/i,
	ownWords: /\b(?:unser|unsere|unseren|unserem|unserer|unsre|wir|uns)\b/i,
	indirect,
	roleCue:
		/^(?:\S+\s+){0,2}(?:cto|ceo|cfo|coo|vp|head|leiter|leiterin|leitet|lead|gründer|gründerin|geschäftsführer|geschäftsführerin|chef|chefin|prof\.?|professor|professorin|hr|einkäufer|einkauf|entwickler|entwicklerin|ingenieur|berater|beraterin|product owner|pm)\b/i,
	leadIn: LEAD_IN,
	eventPlace: germanEventPlace,
	meetingPlace(fragment) {
		const found =
			/^((?:am|an der|auf dem|auf der|beim|bei der|bei dem|im|in der|nach (?:meinem|dem|seinem|ihrem|unserem|der))\s+.+?)\s*(?:(?:noch\s+)?(?:kurz\s+)?(?:getroffen|kennengelernt|gequatscht|gesprochen|geredet|unterhalten))$/i.exec(
				fragment
			);
		return found?.[1] ? found[1].charAt(0).toLowerCase() + found[1].slice(1) : null;
	},
	topicPhrase: (fragment) => buildTopic(fragment, TOPIC_RULES),
	toSecondPerson,
	action,
	due,
	thing: (text) => ({
		text: text
			.replace(/\bwg\.\s*/gi, 'wegen ')
			.replace(/\bu\.\s/g, 'und ')
			.trim(),
		plural: false
	})
};

// Events whose name ends in a masculine or neuter noun ("Hauptstadtkongress", "Web Summit", "Forum"):
// "beim …". Fairs and conferences are feminine ("die Messe", "die Konferenz"), as is what a bare
// brand name stands for ("auf der DMEXCO", "auf der interzum"): "auf der …".
const MASCULINE_EVENT =
	/(?:kongress|congress|summit|gipfel|forum|festival|camp|treffen|meetup|symposium|kolloquium|tag|day|event|workshop|hackathon)$/iu;

/** "auf der Hannover Messe 2026", "auf der DMEXCO", "beim Hauptstadtkongress", "beim Web Summit". */
function germanEventPlace(name: string): string {
	const head = name
		.split(/\s+/)
		.filter((word) => !/^\d/.test(word))
		.pop();
	return MASCULINE_EVENT.test(head ?? '') ? `beim ${name}` : `auf der ${name}`;
}
