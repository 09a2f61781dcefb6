import type { FormalAddress } from '../address';
import type { DraftLanguage } from '../languages';

/** A thing, as the message names it: "the migration deck", "le devis". */
export interface NounPhrase {
	text: string;
	plural: boolean;
}

/** What a promise or an offer of help asks of me, read from its to-do wording. */
export type ActionKind = 'send' | 'intro' | 'meet' | 'look' | 'do';

export interface Action {
	kind: ActionKind;
	/** send: the thing; intro: the person; meet: what is set up; look/do: the rest of the phrase. */
	object: string;
	/** The to-do as a list shows it ("Send Priya the migration deck"). */
	todo: string;
	/** The verb as written (look/do), in the form a to-do uses. */
	verb: string;
	/** No verb was recognised: the whole to-do was taken for a thing to send. */
	guessed?: boolean;
}

/** A phrase saying when something is due ("by Friday", "bis Montag"), as found in a to-do. */
export type DueHint =
	| { kind: 'weekday'; day: number }
	| { kind: 'days'; days: number }
	| { kind: 'end-of-week' }
	| { kind: 'next-week' }
	| { kind: 'end-of-month' };

/** The topic of a conversation as a message names it. */
export interface Topic {
	/** "your move from RabbitMQ to Kafka", "Flink vs Kafka Streams for fraud scoring". */
	phrase: string;
	/** A shorter form for a subject line, when the phrase is long. */
	short: string;
	/** np: a thing; plans: what they intend ("your plans to hire…"). */
	kind: 'np' | 'plans';
}

/** Everything a message is made of, already read from the notes and the promises. */
export interface MessageParts {
	firstName: string;
	/** Their whole name, for greetings that use it ("Guten Tag Katrin Hoffmann,"). */
	fullName: string;
	/** The form of address the note uses for them ("Frau von Bergen"), for a formal greeting. */
	address?: FormalAddress | null;
	myName: string;
	topic: Topic | null;
	/** Met again: what the latest conversation was about, when it was something else. */
	laterTopic?: Topic;
	/** Where we met, from the note ("the SRE panel Q&A"), or the event's name. */
	place: string;
	sends: NounPhrase[];
	intros: string[];
	/** Other promises, as actions (meet, look, do). */
	actions: Action[];
	/** Questions they asked ("whether our connector supports Oracle"), and the action that answers each. */
	questions: { clause: string; answer: Action | null }[];
	/** What they asked for that no promise covers. */
	askedIntro: string[];
	askedThing: NounPhrase[];
	/** An offer of help, when nothing was promised or asked. */
	help: { kind: 'action'; action: Action } | { kind: 'skill'; text: string } | { kind: 'topic' } | null;
	checkIn: boolean;
}

/** How a language reads a note. Regexes are matched case-insensitively on one fragment. */
export interface Reading {
	language: DraftLanguage;
	/** Articles, prepositions, pronouns, conjunctions and auxiliaries: never the whole topic. */
	functionWords: ReadonlySet<string>;
	/** Opinions and notes to self: never written to the person. */
	privateCue: RegExp;
	/** A promise I made; group 1 is the action ("send her the deck by Friday"). */
	promiseCues: readonly RegExp[];
	/** Something they asked for; group 1 is what ("an intro to Priya", "a demo"). */
	requestCues: readonly RegExp[];
	/** What follows a wanting verb that is a plan, not a request ("wollen nach Postgres"). */
	notRequest?: RegExp;
	/** The language's "and". */
	and: string;
	/** Where a new clause starts in a phrase ("but", "aber", "mais"…): what they asked for ends there. */
	clauseStart: RegExp;
	/** The event as the place we met, with its preposition ("at KubeCon EU"). */
	eventPlace(name: string): string;
	/** Where we met, with its preposition ("Met him at X" → "at X"), or null. */
	meetingPlace(fragment: string): string | null;
	/** A fragment that only says who they are ("CTO", "Head of Data at X"). */
	roleCue: RegExp;
	/** "Talked about", "we discussed": a fragment that says what the talk was about. */
	leadIn: RegExp;
	/** Third person about them → second person to them ("their team" → "your team"). */
	toSecondPerson(text: string): string;
	/** A to-do read as an action ("Send Tom a talk abstract" → send "a talk abstract"). */
	action(todo: string, theirFirstName: string): Action;
	/** A due phrase at the end of a to-do; the to-do without it. */
	due(todo: string): { rest: string; due: DueHint | null };
	/** What they asked, read as an intro (group 1: who) or a thing. */
	introCue: RegExp;
	/** A thing named by a to-do or a request, as the message names it. */
	thing(text: string): NounPhrase;
	/** Marks a question as theirs ("asked:", "open q:"): removed. */
	questionCue: RegExp;
	/** Words of mine ("our", "we"): a question with them is one they asked me. */
	ownWords: RegExp;
	/**
	 * A question as an indirect one ("does our X support Y?" → "whether our X supports Y"), short
	 * enough to quote, or null. `reported`: it came after "asked if", already in statement order.
	 */
	indirect(question: string, reported: boolean): string | null;
	/** A topic from one fragment of a note (lead-ins, subject and clause tail already handled by the caller). */
	topicPhrase(fragment: string): Topic | null;
}

/** How a language writes the message. */
export interface Writing {
	subject(parts: MessageParts): string[];
	body(parts: MessageParts): string;
}
