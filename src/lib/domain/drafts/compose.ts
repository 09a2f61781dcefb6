import { formalAddress } from './address';
import { cleanLine } from '../text/display';
import type { DraftLanguage } from './languages';
import { lexiconOf, loadedLexicons } from './lexicon';
import type { Action, MessageParts, NounPhrase, Reading } from './lexicon/types';
import { todoWords, wordsOf } from './pieces';
import { sameThing } from './same-thing';
import { personOf, readNotes, type FoundPromise, type NoteReading } from './read-note';
import { MAX_SUBJECT, tidyMessage } from './tidy';
import { pasteGuard, unpasteParts } from './unpaste';
import { gateParts, noteCapitals } from './slot-gate';
import { capWords, tidyPhrase } from './topic';

export interface ComposeInput {
	language: DraftLanguage;
	/** The language the notes are written in, when it is not the message's (a language chosen for the person). */
	noteLanguage?: DraftLanguage | null;
	myName: string;
	theirName: string;
	/** The notes of the conversations this follow-up carries, oldest first. */
	notes: readonly string[];
	eventName?: string;
	/** Open promises, as typed or accepted. */
	promises: readonly string[];
	/** Promises kept or dropped: a note's promise that matches one is not written again. */
	settled?: readonly string[];
	helpOffer?: string;
	myHelpWith?: string;
	checkIn?: boolean;
}

export interface ComposedMessage {
	subject: string;
	body: string;
	/** Promises the notes hold that are not to-dos yet (offered as "Make this a promise?"). */
	notePromises: FoundPromise[];
}

// An object that only points back at something ("send it", "le mando eso").
const PRONOUN =
	/^(?:it|them|this|that|those|these|one|es|sie|das|dies|le|la|les|ça|cela|lo|los|las|eso|esto|isso|isto|o|a|os|as|li|ciò|questo)$/i;

// "quelli che usiamo noi", "ceux qu’on utilise", "mandava tudo": those, the ones already named, all of it.
const DEMONSTRATIVE =
	/^(?:(?:everything|all|alles|tout|todo|todos|todas|tudo|tutto)$|those|the ones|diese|ceux|celles|celui|celle|esos|esas|los que|las que|aqueles|aquelas|os que|as que|quelli|quelle|quello|quella)(?:\s|$)/iu;

/** An object that only points back at something ("it", "ich ihm", "quelli che usiamo noi"). */
function pointsBack(object: string, reading: Reading): boolean {
	const text = object.trim();
	if (PRONOUN.test(text) || DEMONSTRATIVE.test(text)) return true;
	const words = wordsOf(text);
	return words.length > 0 && words.length <= 3 && words.every((w) => reading.functionWords.has(w));
}

// "whether we could share …", "ob wir … schicken können": a question that asks to be sent something.
const SHARE =
	/(?<![\p{L}])(?:share|send|give|teilen|schicken|senden|geben|partager|envoyer|donner|transmettre|compartir|enviar|mandar|pasar|dar|partilhar|compartilhar|mandar|condividere|inviare|mandare|dare)(?![\p{L}])/iu;

// "whether we have a partner program", "ob wir ein Schulungskonzept haben": a question whether something exists,
// which the document about it, sent, answers.
const HAVE =
	/(?<![\p{L}])(?:have|has|offer|haben|hat|anbieten|avez|avons|ont|proposez|tenemos|tienen|ofrecen|hay|temos|têm|tem|há|oferecem|abbiamo|avete|offrite|esiste|existe|exists)(?![\p{L}])/iu;

/** "whether we have a partner program" and "the partner program overview" sent: every word named after "have" is in what is sent. */
function hasWhatIsSent(thing: string, clause: string, reading: Reading): boolean {
	const found = HAVE.exec(clause);
	if (!found) return false;
	const named = wordsOf(clause.slice(found.index + found[0].length)).filter(
		(w) => w.length >= 3 && !reading.functionWords.has(w)
	);
	const sent = wordsOf(thing);
	return (
		named.length > 0 &&
		named.every((w) => sent.some((x) => x === w || (w.length >= 5 && x.slice(0, 5) === w.slice(0, 5))))
	);
}

// "whether we know anyone who services solar fridges", "se conosco qualcuno": a question for a person,
// which the person the mail introduces answers.
const ANYONE =
	/(?<![\p{L}])(?:anyone|anybody|someone|somebody|jemand\w*|quelqu['’]un|alguien|alguém|alguem|qualcuno)(?![\p{L}])/iu;

// A paper that presents a person: their CV, résumé, profile or portfolio.
const PERSON_PAPER =
	/(?<![\p{L}])(?:CV|curriculum|résumé|resume|Lebenslauf|profile?|profilo|perfil|portfolio|portafolio|portfólio)(?![\p{L}])/iu;

// "anyone who services solar fridges": what the person asked for does, said of the one introduced.
const ANYONE_WHO =
	/(?<![\p{L}])(?:anyone|anybody|someone|somebody|quelqu['’]un|alguien|alguém|alguem|qualcuno)\s+((?:who|qui|que|che)\s+[^,;:]+)$/iu;

/** Every word that names the thing sent is in the question: "the audit template" in "… share the accessibility audit template". */
function within(thing: string, clause: string): boolean {
	const words = new Set(wordsOf(clause));
	const named = wordsOf(thing).filter((w) => w.length >= 3 || /\d/.test(w));
	return named.length > 0 && named.filter((w) => words.has(w)).length >= Math.max(1, named.length - 1);
}

// Things that are an answer in themselves: a certificate, an answer, a confirmation, a datasheet.
const ANSWERING =
	/(?:zertifikat|nachweis|antwort|bestätigung|datenblatt|certificat|réponse|attestation|certificate|answer|confirmation|datasheet|certificado|respuesta|resposta|confirmação|certificato|risposta|conferma)/iu;

/**
 * Whether a thing that answers (a certificate, an answer) and a question name the same code — an
 * acronym or an identifier with digits ("MDR", "FSC", "PNRR 1.4.4") — as the MDR certificate and
 * the question whether we have MDR class IIb do. A list of documents about SFDA does not answer
 * who pays for the SFDA registration.
 */
function sameCode(thing: string, question: string): boolean {
	if (!ANSWERING.test(thing)) return false;
	const codes = (text: string) =>
		new Set(
			(text.match(/(?<![\p{L}\p{N}])(?:\p{Lu}{2,}|\p{L}*\d[\p{L}\d-]*)(?![\p{L}\p{N}])/gu) ?? []).filter(
				(c) => c.length >= 2
			)
		);
	const asked = codes(question);
	return [...codes(thing)].some((code) => asked.has(code) && !/^\d+$/.test(code));
}

// "apresentar ela ao Gustavo", "intro her to Priya": the person introduced is the one after the preposition.
const WHOM_TO =
	/^(?:ele|ela|você|lhe|her|him|them|you|ihn|ihm|ihr|sie|la|le|lui|lo|gli|él|ella|te)\s+(?:a|ao|à|aos|com|to|with|mit|an|au|avec|con|al|ad)\s+/iu;

const ANSWER_ONLY =
	/^(?:answer|reply|respond|antworten|beantworten|répondre|responder|contestar|rispondere)(?:\s+(?:to|à|a|auf)\b)?(?:\s+\S+){0,3}$/iu;

/** "… to Marcus", "… für Katrin", "… a Rodrigo" at the end of a to-do: the person the message is to. */
function toThem(first: string): RegExp {
	const name = first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`\\s+(?:to|for|an|für|à|pour|a|para|per)\\s+${name}$`, 'iu');
}

/**
 * A piece of the note as a slot of the message takes it: up to an arrow (in a note, "→ hablar con
 * Marta" is what comes next, or who does it), without a question mark or a bracket left open at
 * its end; for a thing sent with the message ("Here is …"), without the deadline it was promised
 * by ("by Thursday inshallah", "avant le 20"), which the sending makes moot.
 */
function slotText(text: string, reading: Reading, sentNow = false): string {
	let out = text
		.split(/\s*(?:→|->|=>|⇒)\s*/u)[0]!
		.replace(/\s*\([^)]*$/u, '')
		// "i campioni e le schede tecniche (da Piero)", "Testphase intern (Reinholz)": who does it, an
		// aside to myself — not "(annual)" or "(data use agreement)", which say what it is.
		.replace(/\s*\((?:(?:da|via|w\/|with|mit|über|con|avec|par|by|c\/)\s+)?\p{Lu}\p{Ll}+\)$/u, '')
		.replace(/[\s?¿]+$/u, '')
		.trim();
	if (sentNow) {
		const direct = reading.due(out);
		const words = out.split(/\s+/);
		// A word after the deadline ("by Thursday inshallah", "bis Montag bitte").
		const shorter = words.length > 3 ? reading.due(words.slice(0, -1).join(' ')) : null;
		if (direct.due) out = direct.rest;
		else if (shorter?.due) out = shorter.rest;
	}
	return out.trim() || text;
}

/** Two phrases about the same thing, in the message's language. */
function overlaps(a: string, b: string, reading: Reading): boolean {
	return sameThing(a, b, reading.functionWords);
}

/** The first name a greeting uses ("Dr. Nkechi Adeyemi" → "Nkechi"); CJK names whole. */
export function firstNameOf(name: string): string {
	const trimmed = cleanLine(name);
	if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(trimmed)) return trimmed;
	const words = trimmed
		.replace(/^(?:dr|prof|mr|mrs|ms|herr|frau|sr|sra|dra|m|mme|sig|sig\.ra|dott)\.?\s+/i, '')
		.split(' ');
	return words[0] ?? trimmed;
}

/**
 * A promise typed in the field, read in the message's language or, when that language does not
 * know its verb ("send beta invite" in a German note, "Migrationsdeck schicken" in an English
 * message), in the first language that does.
 */
function fieldAction(text: string, reading: Reading, first: string): Action {
	const own = reading.action(reading.due(text).rest, first);
	if (!own.guessed) return own;
	for (const { reading: other } of loadedLexicons()) {
		if (other === reading) continue;
		const action = other.action(other.due(text).rest, first);
		// A verb of the other language that this one can write: a thing to send, a person to meet, something to
		// find out ("trial 3 mesi" is no meeting, "rider técnico" no French verb).
		if (!action.guessed && (action.kind === 'send' || action.kind === 'intro' || action.kind === 'look')) return action;
	}
	return own;
}

/** The note's promises that no to-do (open, kept or dropped) stands for yet. */
function untracked(input: ComposeInput, reading: Reading, read: NoteReading): FoundPromise[] {
	const tracked = [...input.promises, ...(input.settled ?? [])];
	return read.promises.filter(
		(p) => !tracked.some((text) => overlaps(p.action.object || p.action.todo, text, reading))
	);
}

function collectPromises(input: ComposeInput, reading: Reading, read: NoteReading, first: string): Action[] {
	const settled = input.settled ?? [];
	// A promise kept (or dropped) is not offered again, however the note words it.
	const actions: Action[] = read.promises
		.filter((p) => !settled.some((text) => overlaps(p.action.object || p.action.todo, text, reading)))
		.map((p) => ({ ...p.action }));
	for (const typed of input.promises) {
		// "deck + MRR numbers to Marcus": the message is to Marcus already.
		const text = todoWords(cleanLine(typed, 300)).replace(toThem(first), '');
		if (!text) continue;
		let action = fieldAction(text, reading, first);
		// "rider técnico": an unknown word in a verb's place, so a thing to send.
		if (action.kind === 'do' && action.guessed)
			action = { kind: 'send', object: text, todo: action.todo, verb: 'send', guessed: true };
		// "I said I'd review it" in the note, "review Kwame's portfolio" typed: one promise, the typed words.
		const pointer = actions.find((a) => a.verb === action.verb && PRONOUN.test(a.object.trim()));
		if (pointer) {
			pointer.object = action.object;
			continue;
		}
		const same = actions.find((a) => overlaps(a.object || a.todo, action.object || action.todo, reading));
		if (same) {
			// The same promise in the note and the field: the fuller wording of the two, in the note's language.
			if (
				same.kind === action.kind &&
				action.object.split(' ').length > same.object.split(' ').length &&
				action.verb === same.verb
			)
				same.object = action.object;
			continue;
		}
		// A short "deck" or an English to-do in a German note: the note's own words name it better.
		const fuller = read.askedThing.find((thing) => overlaps(thing, action.object, reading));
		if (fuller && action.kind === 'send' && fuller.length > action.object.length && fuller.split(/\s+/).length <= 7)
			action.object = fuller;
		actions.push(action);
	}
	return actions;
}

function helpOffer(input: ComposeInput, reading: Reading, read: NoteReading, first: string): MessageParts['help'] {
	const offer = tidyPhrase(cleanLine(input.helpOffer ?? '', 300));
	if (offer) return { kind: 'action', action: reading.action(offer, first) };
	const mine = tidyPhrase(cleanLine(input.myHelpWith ?? '', 200));
	if (mine && [...read.words].some((w) => overlaps(w, mine, reading))) return { kind: 'skill', text: mine };
	return { kind: 'topic' };
}

/**
 * Notes in another language than the message (a language chosen for the person): only what reads
 * the same in any language stays — things to send and people to meet; a topic, a question or a
 * phrase of the note would be half in one language, half in the other.
 */
function keepWhatTranslates(read: NoteReading): void {
	read.topic = null;
	delete read.laterTopic;
	read.place = null;
	read.questions = [];
	read.askedThing = [];
	read.promises = read.promises.filter((p) => p.action.kind === 'send' || p.action.kind === 'intro');
}

/** The parts of the message: what to thank for, what was promised, what they asked, what to offer. */
export function messageParts(input: ComposeInput): { parts: MessageParts; read: NoteReading } {
	const { reading } = lexiconOf(input.language);
	const firstName = firstNameOf(input.theirName);
	const noteReading = lexiconOf(input.noteLanguage ?? input.language).reading;
	const read = readNotes(input.notes, noteReading, firstName, cleanLine(input.theirName));
	if (noteReading !== reading) keepWhatTranslates(read);
	const actions = collectPromises(input, reading, read, firstName);
	const sends: NounPhrase[] = [];
	const intros: string[] = [];
	const others: Action[] = [];
	const questions = read.questions.map((clause) => ({ clause, answer: null as Action | null }));
	// Actions that name what they answer claim their question before a bare "find out" does.
	actions.sort((a, b) => Number(!a.object) - Number(!b.object));
	const cap = (text: string, max?: number) => capWords(text, reading.functionWords, max);
	for (const action of actions) {
		// "I promised to send it": the thing they asked for, or the one named before.
		if (action.kind === 'send' && pointsBack(action.object, reading)) {
			const named = read.askedThing[0] ?? sends[sends.length - 1]?.text;
			// Nothing named, or the thing already sent ("I offered the trial and promised to send it").
			const elsewhere = actions.some((a) => a !== action && overlaps(a.object || a.todo, named ?? '', reading));
			if (!named || elsewhere || sends.some((s) => s.text === named)) continue;
			action.object = named;
		}
		// A thing to send stays whole (it is a name, and lists join); what I will do or who I will
		// introduce is cut to a few words.
		if (action.kind === 'intro')
			action.object = cap(personOf(slotText(action.object, reading).replace(WHOM_TO, '')), 6);
		else if (action.kind === 'send') action.object = reading.toSecondPerson(slotText(action.object, reading, true));
		else action.object = cap(reading.toSecondPerson(slotText(action.object, reading)));
		// "Promised to find out": the question it answers is the one they asked.
		const bare = action.kind === 'look' && !action.object;
		const question = questions.find(
			(q) => !q.answer && action.kind !== 'intro' && (bare || overlaps(q.clause, action.object, reading))
		);
		if (bare && !question && questions.some((q) => q.answer)) continue;
		if (question && action.kind !== 'send') question.answer = action;
		else if (action.kind === 'send') sends.push(reading.thing(action.object));
		else if (action.kind === 'intro') intros.push(action.object);
		else others.push(action);
	}
	const covered = (text: string) => actions.some((a) => overlaps(a.object || a.todo, text, reading));
	// "asked if we could share the audit template" and the template sent: the sending answers it.
	const twoThings = new RegExp(`\\s${reading.and}\\s`, 'iu');
	// Someone named in answer: a person introduced, or their CV or profile sent ("il CV di Matteo").
	const someoneNamed = intros.length > 0 || sends.some((s) => PERSON_PAPER.test(s.text));
	// "whether we know anyone who services solar fridges" and Kofi introduced: "Kofi, who services solar fridges".
	for (const q of questions) {
		const who = intros.length === 1 && !q.answer ? ANYONE_WHO.exec(q.clause) : null;
		if (who?.[1] && wordsOf(who[1]).length <= 8) intros[0] = `${intros[0]}, ${who[1].trim()}`;
	}
	const asked = questions.filter(
		(q) =>
			q.answer ||
			// "do you know anyone who …" and Kofi introduced: the introduction is the answer.
			(!(someoneNamed && ANYONE.test(q.clause)) &&
				// "ob wir MDR Klasse IIb haben" and the MDR certificate attached: what is sent answers it.
				!sends.some((s) => sameCode(s.text, q.clause)) &&
				(!(SHARE.test(q.clause) || HAVE.test(q.clause)) ||
					// "… accès au questionnaire et aux codebooks": only one of the two is sent.
					twoThings.test(q.clause) ||
					!sends.some((s) => within(s.text, q.clause) || hasWhatIsSent(s.text, q.clause, reading))))
	);
	// "answer S7-1200 q": a to-do that says only that I will answer, answered in the frame's own words.
	for (const q of asked) if (q.answer && ANSWER_ONLY.test(q.answer.todo)) q.answer = null;
	// "deck" in the note and "send deck" promised: the topic would only repeat what is sent.
	if (
		read.topic &&
		actions.some(
			(a) => overlaps(a.object || a.todo, read.topic!.phrase, reading) && wordsOf(read.topic!.phrase).length <= 2
		)
	)
		read.topic = null;
	const parts: MessageParts = {
		firstName,
		fullName: cleanLine(input.theirName),
		address: formalAddress(input.notes, cleanLine(input.theirName), input.language),
		myName: cleanLine(input.myName),
		topic: read.topic,
		laterTopic: read.laterTopic,
		place: read.place
			? cap(reading.toSecondPerson(read.place))
			: input.eventName
				? reading.eventPlace(cleanLine(input.eventName))
				: '',
		sends,
		intros,
		actions: others,
		questions: asked,
		askedIntro: read.askedIntro.filter((who) => !covered(who)).map((who) => cap(who, 6)),
		askedThing: read.askedThing
			// "se conosco qualcuno" and Tommaso introduced: the introduction answers it.
			.filter((thing) => wordsOf(thing).length > 0 && !covered(thing) && !(someoneNamed && ANYONE.test(thing)))
			.map((thing) => reading.thing(cap(thing))),
		help: null,
		checkIn: Boolean(input.checkIn)
	};
	const nothingElse =
		!sends.length && !intros.length && !others.length && !parts.askedIntro.length && !parts.askedThing.length;
	parts.help = nothingElse || input.helpOffer?.trim() ? helpOffer(input, reading, read, firstName) : null;
	const unpasted = unpasteParts(parts, pasteGuard(input.notes, reading.functionWords));
	const gated = gateParts(unpasted, {
		language: input.language,
		functionWords: reading.functionWords,
		capitals: noteCapitals(input.notes),
		and: reading.and
	});
	return { parts: gated, read };
}

/** A follow-up message in the conversation's language, from its notes and promises. */
export function composeMessage(input: ComposeInput): ComposedMessage {
	const { reading, writing } = lexiconOf(input.language);
	const { parts, read } = messageParts(input);
	const subject =
		writing
			.subject(parts)
			.map(tidyMessage)
			.find((s) => s.length <= MAX_SUBJECT) ?? '';
	return { subject, body: tidyMessage(writing.body(parts)), notePromises: untracked(input, reading, read) };
}
