import type { Action, DueHint, NounPhrase, Reading } from './types';
import { buildTopic, type TopicRules } from '../topic';
import { bare, capitalise, type DuePattern, findDue, set, stripRecipient } from './common';

const FUNCTION_WORDS = set(
	'a an the this that these those some any my our your his her their its me him them us you i we he she they it ' +
		'and or but so if as of to in on at by for from with about into onto over under via per than then ' +
		'is are was were be been am do does did have has had will would can could should shall may might must ' +
		"'s 're 've also just very really too not no yes re vs w/ w/o each every all both own " +
		'after before during between without within near behind around across through against among until since like'
);

const SHORT_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DUE_PATTERNS: DuePattern[] = [
	// "Fri", "Thurs.", "Wednesday", never "Monzo" or "Sunrise".
	[
		/(?<![\p{L}-])(?:(?:by|before|until|on|next|this)\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?\.?$/iu,
		(m) => weekday(m[1]!)
	],
	[/\b(?:by\s+)?tomorrow$/i, () => ({ kind: 'days', days: 1 })],
	[/\b(?:by\s+|over\s+)?(?:this|the)\s+weekend$/i, () => ({ kind: 'weekday', day: 0 })],
	[/\b(?:by\s+)?next\s+weekend$/i, () => ({ kind: 'days', days: 9 })],
	[/\b(?:by\s+)?(?:the\s+)?end of (?:the\s+)?(?:this\s+)?week$|\b(?:by\s+)?eow$/i, () => ({ kind: 'end-of-week' })],
	[/\b(?:by\s+)?(?:the\s+)?end of (?:the\s+)?month$|\beom$/i, () => ({ kind: 'end-of-month' })],
	[/\b(?:by\s+|during\s+|within\s+)?(?:the\s+)?next week$/i, () => ({ kind: 'next-week' })],
	[/\b(?:by\s+)?this week$/i, () => ({ kind: 'end-of-week' })],
	[/\b(?:with)?in (\d+|a|one|two|three) (day|week)s?$/i, (m) => inDays(m[1]!, m[2]!)],
	[/\b(?:asap|today|tonight)$/i, () => ({ kind: 'days', days: 0 })]
];

function due(todo: string): { rest: string; due: DueHint | null } {
	return findDue(DUE_PATTERNS, todo);
}

function weekday(name: string): DueHint {
	return { kind: 'weekday', day: SHORT_DAYS.indexOf(name.slice(0, 3).toLowerCase()) };
}

function inDays(count: string, unit: string): DueHint {
	const n = Number(count) || (count === 'two' ? 2 : count === 'three' ? 3 : 1);
	return { kind: 'days', days: unit.toLowerCase() === 'week' ? n * 7 : n };
}

const SEND =
	/^(?:send|share|forward|e-?mail|mail|pass(?: on| along)?|give|get|drop|shoot|post|attach|dm|whatsapp|provide|deliver)\b/i;
const MEET = /^(?:call|schedule|book|set up|setup|arrange|organi[sz]e|meet|grab|demo|invite)\b/i;
const LOOK =
	/^(?:check|look(?: into| at)?|find out|ask|confirm|review|read|verify|investigate|figure out|answer|reply|respond|follow up|get back)\b/i;

function action(todo: string, first: string): Action {
	// "review Kwame's portfolio", to Kwame: "your portfolio".
	const theirs = first ? new RegExp(`\\b${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['’]s\\b`, 'giu') : null;
	const text = expand(todo.trim())
		.replace(theirs ?? /$^/, 'their')
		.replace(/^(?:i\s+)?(?:can|could|will|would be happy to|happy to|am happy to|'m happy to)\s+/i, '')
		.replace(/^to\s+/i, '');
	// "funder intros": introductions to funders.
	const intros = /^([\p{L}-]+)\s+intros?$/iu.exec(text);
	if (intros?.[1]) {
		const who = `${intros[1].toLowerCase()}s`;
		return {
			kind: 'intro',
			object: who,
			todo: capitalise(`introduce ${first || 'them'} to ${who}`),
			verb: 'introduce'
		};
	}
	// "OPC UA answer": the answer to their question.
	if (/\b(?:answer|reply|response)$/i.test(text) && !SEND.test(text)) {
		return {
			kind: 'look',
			object: text.replace(/\s*\b(?:answer|reply|response)$/i, ''),
			todo: capitalise(text),
			verb: 'find out about'
		};
	}
	const intro =
		/^(?:intro(?:duce)?|connect|put)\s+(?:(?:him|her|them|you)\s+|[\p{Lu}][\p{L}'-]*\s+)?(?:to|with|→|->|<>)\s+(.+)$/iu.exec(
			text
		) ?? /^intro(?:duction)?\s*(?:to|:|→|->|<>)?\s*(.+)$/iu.exec(text);
	if (intro?.[1]) {
		const who = intro[1].replace(/^.*?(?:→|->|<>)\s*/, '').trim();
		return { kind: 'intro', object: who, todo: `Introduce ${first || 'them'} to ${who}`, verb: 'introduce' };
	}
	const verb = /^([\p{L}-]+(?:\s+(?:on|along|up|into|at|out|back))?)\s*/iu.exec(text)?.[1] ?? '';
	const rest = text.slice(verb.length).trim();
	const todoText = capitalise(text.replace(/\b(?:him|her|them)\b/gi, first || 'them'));
	if (SEND.test(text) && rest) {
		return {
			kind: 'send',
			object: stripRecipient(rest, /^(?:him|her|them|you|me)\b\s*/i, first),
			todo: todoText,
			verb
		};
	}
	if (MEET.test(text)) return { kind: 'meet', object: rest ? thing(rest).text : '', todo: todoText, verb };
	if (LOOK.test(text)) return { kind: 'look', object: rest, todo: todoText, verb };
	if (/^[\p{Ll}]+\b/u.test(text) && /^(?:\p{L}+)\s/u.test(text) && isVerb(verb)) {
		return { kind: 'do', object: rest, todo: todoText, verb };
	}
	// A thing on its own ("deck", "pricing for 60 tablets"): something to send.
	return { kind: 'send', object: text, todo: capitalise(`send ${text}`), verb: 'send', guessed: true };
}

const VERBS = set(
	'write help make prepare draft update fix build test try run add create plan set organise organize host give ' +
		'sponsor support cover join visit show walk explain think consider offer propose recommend suggest ' +
		'write up put together sort keep bring ping text message reach reach out talk speak'
);

function isVerb(word: string): boolean {
	return VERBS.has(word.toLowerCase());
}

/** Shorthand a message spells out: "w/ eng" → "with engineering". */
function expand(text: string): string {
	return text
		.replace(/\bw\/o\b/gi, 'without')
		.replace(/\bw\/\s*/gi, 'with ')
		.replace(/\bb\/c\b/gi, 'because')
		.replace(/\babt\b/gi, 'about')
		.replace(/\bwith eng\b/gi, 'with engineering')
		.replace(/\bincl\.?(?=\s)/gi, 'including')
		.replace(/(?:^|\s)(?:approx\.?|~|ca\.|circa)\s*(?=\d)/gi, ' ')
		.trim();
}

const SINGULAR_S = /(?:ss|us|is|news|series|access|analysis|status|s3)$/i;

function thing(text: string): NounPhrase {
	let phrase = expand(text).replace(/\s*\+\s*/g, ' and ');
	phrase = phrase.replace(/^(?:a|an|some|one)\s+/i, 'the ');
	phrase = phrase.replace(/^(?:his|her|their)\s+/i, 'your ');
	if (!/^(?:the|my|our|your|this|these|those)\b/i.test(phrase)) phrase = `the ${phrase}`;
	// "quote 24 sensors", "pricing 40 seats": a to-do's count is what the thing is for.
	phrase = phrase.replace(/^((?:the|my|our|your)\s+\p{L}[\p{L}-]*)\s+(?=\d)/iu, '$1 for ');
	// "the deck and the quote" are two; "the pricing for 60 tablets and training" is one.
	const before = phrase.split(/\s+(?:for|on|about|of|from|with|to|in|including)\s+/i)[0] ?? phrase;
	const last = before.split(/\s+/).pop() ?? '';
	const plural =
		/\band\b/i.test(before) ||
		/\band\s+(?:the|my|our|your|a|an)\s/i.test(phrase) ||
		(/s$/i.test(last) && !SINGULAR_S.test(last));
	return { text: phrase, plural };
}

function toSecondPerson(text: string): string {
	return text
		.replace(/\b(?:their|his)\b/gi, 'your')
		.replace(/\bher\b(?=\s+(?:own\s+)?[\p{L}\d])(?!\s+(?:the|a|an|our|my|some|to|with)\b)/giu, 'your')
		.replace(/\b(?:them|him|her)\b/gi, 'you')
		.replace(/\b(?:themselves|himself|herself)\b/gi, 'yourself')
		.replace(/\btheirs\b/gi, 'yours')
		.replace(/\b(?:they|he|she) (?:are|is)\b/gi, 'you are')
		.replace(/\b(?:they're|he's|she's)\b/gi, "you're");
}

const LEAD_IN =
	/^(?:(?:we|i)\s+)?(?:mostly\s+|mainly\s+|briefly\s+|also\s+)?(?:talked|chatted|spoke|discussed|talking|chatting|discussion|conversation|chat|convo)(?:\s+(?:mostly|mainly|a lot|briefly|a bit))?(?:\s+(?:about|on|re|regarding|over|around))?[\s:,-]+|^(?:about|re|regarding|topics?|subject)[\s:,-]+/i;

const NOMINAL: Record<string, string> = bare({
	moving: 'move',
	migrating: 'migration',
	switching: 'switch',
	expanding: 'expansion',
	launching: 'launch',
	replacing: 'replacement',
	consolidating: 'consolidation',
	automating: 'automation',
	evaluating: 'evaluation',
	rebuilding: 'rebuild',
	redesigning: 'redesign',
	modernising: 'modernisation',
	modernizing: 'modernization',
	scaling: 'scaling',
	hiring: 'hiring',
	building: 'work on',
	runs: '',
	leads: '',
	manages: '',
	owns: '',
	builds: 'work on'
});

const TOPIC_RULES: TopicRules = {
	leadIn: LEAD_IN,
	plansCue:
		/^(?:(?:they|he|she|the team|their team|his team|her team)\s+)?(?:want(?:s|ed)? to|plan(?:s|ning)? to|(?:is|are|'re|r) (?:planning|looking|trying|hoping|about) to|would like to|'d like to|hopes? to|intends? to|(?:is|are|'re) going to)\s+(.+)/i,
	plans: (verbPhrase) => `your plans to ${verbPhrase}`,
	subjectCue:
		/(?:^|\s)(?:they|he|she|we both|the team|their team|his team|her team|their company|the company)\s*(?:'re|’re|'s|’s|\s(?:are|is|r|were|was|have|has|had|currently|already|now))*\s+|^(?:dr\.?\s+|prof\.?\s+|mr\.?\s+|ms\.?\s+)?\p{Lu}[\p{L}'-]+\s+(?=(?:runs|leads|manages|owns|builds)\b)/iu,
	nominalise(text) {
		const [verb = '', ...rest] = text.split(/\s+/);
		const noun = NOMINAL[verb.toLowerCase()];
		if (noun === undefined) return null;
		const tail = rest.join(' ').replace(/^(?:the|a|an)\s+/i, '');
		if (noun === '') return `your ${tail}`;
		if (noun === 'hiring' || noun === 'scaling') return `${noun} ${tail}`;
		const needsOf = tail && !/^(?:from|to|into|onto|off|away|out|over|on|in|at|for|with|across)\b/i.test(tail);
		return `your ${noun}${needsOf ? ' of' : ''} ${tail}`;
	},
	dropVerb:
		/^(?:use|uses|using|run|running|have|has|having|do|does|doing|work on|works on|working on|need|needs|got|get)\s+/i,
	clauseBreak:
		/[,:;]\s|\s(?:because|but|since|although|though|which|who|whom|where|when|while|so|if|unless|until|cause|cuz|and (?:they|he|she|we|i|it)|they|he|she|we|i|e\.g\.|i\.e\.|approx\.|~)\s/i,
	functionWords: FUNCTION_WORDS,
	keepAtStart: /^(?:your|the|our)$/i,
	toSecondPerson,
	and: 'and',
	lowerFirst:
		/^\p{Lu}\p{Ll}+(?:ing|ion|ions|ive|ment|ments|ness|ity|ics|ance|ence|al|ed|ous|ful|less|ure|ship|ism|ory|ary|er|ers)$/u
};

/** "does our edge box read OPC UA?" → "whether our edge box reads OPC UA", at most eight words. */
function indirect(question: string, reported: boolean): string | null {
	const text = tidyQuestion(question);
	const words = text.split(' ');
	const first = words[0]?.toLowerCase() ?? '';
	let clause: string | null = null;
	if (/^(?:does|do|did)$/.test(first)) {
		const at = words.findIndex((w, i) => i > 1 && isQuestionVerb(w));
		if (at > 1) {
			const subject = words.slice(1, at);
			const plural = first === 'do' && /^(?:they|you|we|i)$|s$/i.test(subject[subject.length - 1] ?? '');
			const verb = first === 'did' || plural ? words[at]! : thirdPerson(words[at]!);
			clause = `whether ${[...subject, verb, ...words.slice(at + 1)].join(' ')}`;
		}
	} else if (/^(?:can|could|will|would|is|are|should)$/.test(first)) {
		const at = words.findIndex((w, i) => i > 1 && (isQuestionVerb(w) || FUNCTION_WORDS.has(w.toLowerCase())));
		if (at > 1) clause = `whether ${[...words.slice(1, at), first, ...words.slice(at)].join(' ')}`;
	} else if (/^(?:the|a|an|about)$/.test(first) && !/^(?:if|whether)$/.test(words[1] ?? '')) {
		// "asked the question about etcd restores": what they asked about, not a question to quote.
		return null;
	} else if (reported || /^(?:if|whether)$/.test(first)) {
		clause = `whether ${text.replace(/^(?:if|whether)\s+/i, '')}`;
	}
	return clause ? trimClause(toSecondPerson(clause)) : null;
}

const CUT_BEFORE = set('of for with to in on at by from about or and but than via during within');

/** At most nine words ("whether" and eight of the note's), cut before a preposition or a conjunction. */
function trimClause(clause: string): string {
	const words = clause.split(' ');
	if (words.length <= 9) return clause;
	let cut = 9;
	while (cut > 4 && !CUT_BEFORE.has(words[cut]!.toLowerCase())) cut--;
	return words.slice(0, cut > 4 ? cut : 9).join(' ');
}

function isQuestionVerb(word: string): boolean {
	return VERB_AFTER_AUX.has(word.toLowerCase()) || /^\p{Ll}+(?:ize|ise|ate)$/u.test(word);
}

const VERB_AFTER_AUX = set(
	'read write handle support work run connect integrate export import sync scale cover include allow accept ' +
		'be do have get make take offer provide use talk deal manage process store send receive need want ' +
		'cost charge ship deliver fit plug talk speak log track show replace stream parse map host serve ' +
		'know sell buy build offer service services repair fix install maintain train hire recommend cover ' +
		'ship export import match comply meet pass integrate sign provide run work help ' +
		'compatible available able ready certified validated supported'
);

function thirdPerson(verb: string): string {
	if (/(?:s|sh|ch|x|z|o)$/i.test(verb)) return `${verb}es`;
	if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
	return `${verb}s`;
}

function tidyQuestion(question: string): string {
	return question
		.replace(/[?¿]+\s*$/, '')
		.replace(/\s+or\s+(?:do|does|can|will|is|are)\b.*$/i, '')
		.replace(/\bw\/o\b/gi, 'without')
		.replace(/\bw\/\s*/gi, 'with ')
		.replace(/\s+/g, ' ')
		.trim();
}

const MEETING =
	/^(?:met|meeting|chatted|talked|spoke|ran into)(?:\s+(?:him|her|them|up))?\s+((?:at|during|after|in|on|over|by)\s+.+)|^((?:at|@)\s+(?:the\s+)?(?:booth|stand|\w+ (?:panel|talk|dinner|lunch|party|meetup|workshop)).*)$|^(?:the\s+)?(booth|stand)\b/i;

/** English: how a note is read. */
export const enReading: Reading = {
	language: 'en',
	and: 'and',
	clauseStart: /\s+(?:but|because|since|although|which|who|so that|and (?:they|he|she|we|i))\s+|[,;:]\s/i,
	functionWords: FUNCTION_WORDS,
	privateCue:
		/\b(?:seem(?:s|ed)?|looked|appear(?:s|ed)?|probably|maybe|not sure|unsure|honestly|tbh|imo|imho|lol|haha|skeptic(?:al)?|sceptic(?:al)?|pushy|annoying|arrogant|rude|boring|chaotic|weird|junior|gatekeeper|decision[- ]maker|signs? off|buyer|budget|no money|cheap|lead\b|prospect|upsell|competitor|talks? a lot|nice (?:guy|person|lady|man|woman)|very direct|not (?:a|the) (?:fit|buyer)|def(?:initely)? not|low priority|cold lead|lukewarm|hot lead|warm lead|don'?t mention|hate[sd]? it|not interested|flaky|ghost)/i,
	promiseCues: [
		/\b(?:i|we)\s+(?:promised|offered|agreed|committed|volunteered|said (?:i|we)(?:'d| would| will)|told (?:him|her|them)(?: (?:i|we)(?:'d| would| will))?)\s+(?:to\s+)?(.+)/i,
		/\b(?:i|we)\s*(?:'ll|’ll| will| shall|'m going to| am going to| owe (?:him|her|them))\s+(.+)/i,
		/^(?:promised|offered|agreed|committed|will|owe (?:him|her|them))\s+(?:to\s+)?(.+)/i,
		/(?:^|\s)will\s+((?:send|share|intro|introduce|email|forward|call|check|ask|follow up|get back)\b.+)/i,
		/(?:^|\s)(?:promised|offered|agreed|committed)\s+to\s+(.+)/i,
		/^(?:to-?do|action(?: item)?|next steps?|me)\s*[:→>-]+\s*(.+)/i,
		/^(?:(?:i\s+)?(?:need|have|must|got) to|gotta|must)\s+(.+)/i
	],
	notRequest: /^to\s+\p{L}/u,
	requestCues: [
		/\b(?:wants?|wanted|would like|'d like|asked(?: me)? for|asked about|needs?|requested|is looking for|looking for|keen on|hoping for|interested in)\s+(.+)/i,
		/\basked(?: me)? to\s+(.+)/i
	],
	introCue:
		/^(?:an?\s+|the\s+)?(?:intro(?:duction)?s?|to be introduced|to meet|contact(?: with)?)\s*(?:to|with|→|->)?\s+(.+)/i,
	eventPlace: englishEventPlace,
	meetingPlace(fragment) {
		const found = MEETING.exec(fragment);
		if (!found) return null;
		return found[1] ?? found[2] ?? `at the ${found[3]!.toLowerCase()}`;
	},
	roleCue:
		/^(?:\S+\s+){0,2}(?:cto|ceo|cfo|coo|cmo|cpo|ciso|vp|svp|evp|head|director|dir\.?|manager|mgr|lead|founder|co-?founder|engineer|eng|pm|partner|principal|owner|president|chair|professor|prof\.?|phd|student|researcher|consultant|analyst|designer|architect|developer|dev|recruiter|buyer|officer|plant mgr|runs)\b(?:\s+(?:of|at|@|for|in)\s+.+)?$/i,
	leadIn: LEAD_IN,
	questionCue:
		/^(?:(?:she|he|they)\s+)?(?:asked(?: me)?(?!\s+(?:for|to)\s)|open q(?:uestion)?|question|q|their question)(?:\s+from\s+(?:her|him|them))?\s*(?:[:,-]|if|whether|about)?\s*/i,
	ownWords: /\b(?:our|we|us|ours|my)\b/i,
	indirect,
	topicPhrase: (fragment) => buildTopic(fragment, TOPIC_RULES),
	toSecondPerson,
	action,
	due,
	thing
};

// A name that ends in what the event is ("… Logistics Forum", "… Annual Meeting") takes "the".
const GENERIC_EVENT =
	/^(?:forum|conference|congress|meeting|assembly|expo|exhibition|fair|symposium|convention|roundtable|workshop|retreat)$/iu;

/** "at the Global Humanitarian Logistics Forum", "at KubeCon EU", "at Web Summit Lisbon 2026". */
function englishEventPlace(name: string): string {
	const words = name.split(/\s+/).filter((word) => !/^\d/.test(word));
	const head = words[words.length - 1] ?? '';
	const named = /^the$/iu.test(words[0] ?? '') || words.length < 2;
	return !named && GENERIC_EVENT.test(head) ? `at the ${name}` : `at ${name}`;
}
