import { detectLanguage } from './detect';
import { notePieces, wordsOf } from './pieces';
import { tidyPhrase } from './topic';
import { isOthersPromise, promiseOnly } from './others-promise';
import { afterTalking, nounAfterVerb, isConfidentPlace, isConfidentTopic, nounBefore } from './topic-gate';
import { MOMENT, fragmentScore, isDeliverable, isPlan } from './topic-score';
import type { Action, DueHint, Reading, Topic } from './lexicon/types';

/** A promise written in the note ("I promised to send her the deck by Friday"). */
export interface FoundPromise {
	action: Action;
	due: DueHint | null;
	/** The words of the note it was read from. */
	source: string;
}

/** What a note says, as a follow-up needs it. Nothing here is the note's own wording at length. */
export interface NoteReading {
	topic: Topic | null;
	/** Met again: what the latest conversation was about, when that was something else. */
	laterTopic?: Topic;
	/** Where we met, with its preposition ("at the SRE panel Q&A"). */
	place: string | null;
	promises: FoundPromise[];
	/** Someone they asked to be introduced to ('' for someone not yet named). */
	askedIntro: string[];
	/** Something else they asked for. */
	askedThing: string[];
	/** Questions they asked me, as indirect questions. */
	questions: string[];
	/** The content words of the note: to tell which promise or request belongs to which part. */
	words: Set<string>;
}

interface Candidate {
	text: string;
	score: number;
	order: number;
	piece: number;
	/** Which conversation's note it is from (meeting someone twice). */
	note: number;
}

/** "Batterieforschung, Festkörperzellen": short neighbours in one line are one topic, a list. */
function mergeLists(candidates: Candidate[], reading: Reading, and: string): Candidate[] {
	const short = (c: Candidate) => wordsOf(c.text).filter((w) => !reading.functionWords.has(w)).length <= 2;
	const merged: (Candidate & { items: string[]; list: boolean })[] = [];
	for (const candidate of candidates) {
		const last = merged[merged.length - 1];
		if (last && last.piece === candidate.piece && last.order === candidate.order - 1 && short(candidate) && last.list) {
			last.items.push(candidate.text);
			last.order = candidate.order;
			continue;
		}
		merged.push({ ...candidate, items: [candidate.text], list: short(candidate) });
	}
	return merged.map((c) =>
		c.items.length > 1 && c.items.length <= 3
			? {
					...c,
					text: `${c.items.slice(0, -1).join(', ')} ${and} ${c.items[c.items.length - 1]}`,
					score: c.score + 0.75
				}
			: c
	);
}

// Shorthand lists join their items with commas: "CTO, hiring 3 SREs, wants intro to Priya".
function fragmentsOf(text: string): string[] {
	return (
		text
			// "Fragt, ob unser Operator …": the question stays with its cue; "chi paga, noi o l'importatore?":
			// so do the alternatives it ends on.
			.split(/,\s+(?!(?:ob|whether)\s|[^,;?]{1,40}\s(?:or|o|ou|oder|oppure)\s[^,;?]{1,40}\?)|\s+\/\s+|\s*;\s*/u)
			.map((f) => f.trim().replace(/\s*[.;:]+$/, ''))
			.filter(Boolean)
	);
}

const TITLES = new Set(
	'dr dr. prof prof. mr mrs ms herr frau sr sra srta dra dott dott.ssa ing ing. mme m. sig sig.ra doutor doutora'.split(
		' '
	)
);

// "poco presupuesto", "kein Budget", "sem grana": what they can spend is for me, not for them.
const MONEY_REMARK =
	/(?:^|[^\p{L}])(?:no|poco|sin|sem|pouco|kein|wenig|pas de|peu de|senza|poco|tight|low|tiny)\s+(?:budget|presupuesto|orçamento|dinero|dinheiro|geld|argent|soldi|grana|plata|money)(?![\p{L}])/iu;

// Someone not yet named ("someone who has rolled it out"): an intro to be found, not to a person.
const SOMEONE = /^(?:someone|somebody|jemand\w*|quelqu'un|alguien|alguém|qualcuno)\b/i;

/**
 * One promise per part: "find out + send datasheet", "accès démo + tarifs", and "review it this
 * weekend and send him the link" — split at "and" only where a verb of the language follows.
 */
function splitActions(text: string, reading: Reading, firstName: string): string[] {
	const parts = text
		.split(/\s+\+\s+|\s+&\s+/)
		.map((part) => part.trim())
		.filter(Boolean);
	return parts.flatMap((part) => {
		const pieces: string[] = [];
		let rest = part;
		for (;;) {
			const and = new RegExp(`\\s+${reading.and}\\s+`, 'giu');
			let cut = -1;
			for (const found of rest.matchAll(and)) {
				const right = rest.slice(found.index + found[0].length);
				if (!reading.action(right, firstName).guessed && found.index > 0) {
					cut = found.index;
					pieces.push(rest.slice(0, cut));
					rest = right;
					break;
				}
			}
			if (cut < 0) break;
		}
		return [...pieces, rest];
	});
}

/**
 * Reads notes (oldest first) the way a person rereads them before writing: what was promised,
 * what they asked for, their questions, where we met and the topic — leaving out remarks to
 * oneself, roles and asides.
 */
export function readNotes(
	notes: readonly string[],
	reading: Reading,
	firstName: string,
	theirName = firstName
): NoteReading {
	const result: NoteReading = {
		topic: null,
		place: null,
		promises: [],
		askedIntro: [],
		askedThing: [],
		questions: [],
		words: new Set()
	};
	const candidates: Candidate[] = [];
	let order = 0;
	const nameWords = new Set(wordsOf(theirName.replace(/-/g, ' ')));
	// Only their name (titles and small words aside): "Marie-Claire", "Dr. Yamamoto" say who, not what.
	const onlyName = (text: string) =>
		wordsOf(text.replace(/-/g, ' ')).every((w) => nameWords.has(w) || TITLES.has(w) || reading.functionWords.has(w));

	let pieceIndex = 0;
	const pieces = notes.flatMap((note, noteIndex) => notePieces(note).map((piece) => ({ ...piece, noteIndex })));
	for (const piece of pieces) {
		pieceIndex++;
		for (const word of wordsOf(piece.text)) result.words.add(word);
		const fragments = fragmentsOf(piece.text);
		// "[ ] send deck", "→ intro Ana": the whole line is a to-do of mine.
		if (piece.todo) {
			const cue = matchFirst(reading.promiseCues, piece.text);
			// "→ nutzen Excel + Zapier", "→ he might intro…": an arrow as a bullet, not a to-do of mine.
			const bullet =
				piece.arrow &&
				(cue
					? isOthersPromise(piece.text.slice(0, cue.start), reading.language)
					: reading.action(reading.due(tidyPhrase(piece.text)).rest, firstName).guessed ||
						isOthersPromise(piece.text, reading.language));
			if (!bullet) {
				readPromise(cue?.text ?? piece.text, reading, firstName, result);
				continue;
			}
		}
		for (let i = 0; i < fragments.length; i++) {
			const fragment = fragments[i]!;
			const promise = matchFirst(reading.promiseCues, fragment);
			if (promise && !isOthersPromise(fragment.slice(0, promise.start), reading.language)) {
				const before = fragment.slice(0, promise.index).trim();
				if (before && !piece.aside) fragments.splice(i + 1, 0, before);
				readPromise(promise.text, reading, firstName, result);
				continue;
			}
			if (piece.aside || reading.privateCue.test(fragment) || MONEY_REMARK.test(fragment)) continue;
			// "Angebot bis Fr.", "deck by Friday": a thing and when it is due is a to-do.
			const dueFragment = reading.due(fragment);
			if (dueFragment.due && dueFragment.rest && dueFragment.rest.split(/\s+/).length <= 4) {
				readPromise(fragment, reading, firstName, result);
				continue;
			}
			const place = reading.meetingPlace(fragment);
			if (place) {
				// "en la fila del café es jefe": a place that runs on into a clause is left to the event's name.
				if (isConfidentPlace(place, reading.language)) result.place ??= tidyPhrase(place);
				continue;
			}
			if (piece.question || reading.questionCue.test(fragment)) {
				const reported = reading.questionCue.test(fragment);
				// "funciona offline? → no sé, checar con Iván": what follows an arrow is my note, not their question.
				const question = fragment.replace(reading.questionCue, '').split(/\s*(?:→|->|=>|⇒)\s*/u)[0]!;
				// "perguntou: rider técnico, cachê…": things they asked for, listed, not a question.
				const listed = wordsOf(question).length;
				if (reported && !piece.question && listed >= 1 && listed <= 3 && !reading.ownWords.test(question)) {
					result.askedThing.push(reading.toSecondPerson(tidyPhrase(question)));
					continue;
				}
				if (reading.ownWords.test(fragment) || reported) {
					const clause = reading.indirect(question, reported);
					if (clause) result.questions.push(clause);
				}
				if (piece.question && (reported || reading.ownWords.test(fragment))) continue;
			}
			const request = matchFirst(reading.requestCues, fragment);
			let wanted = false;
			if (request && !reading.notRequest?.test(request.text)) {
				let taken = false;
				for (const asked of requestedThings(request.text)) {
					const intro = reading.introCue.exec(asked);
					const thing = cutClause(reading.due(tidyPhrase(asked)).rest, reading);
					if (intro?.[1]) result.askedIntro.push(SOMEONE.test(intro[1]) ? '' : personOf(intro[1]));
					else if (isDeliverable(thing)) result.askedThing.push(reading.toSecondPerson(thing));
					else continue;
					taken = true;
				}
				// "Wants predictive maintenance": what they are after, the topic, not something to send.
				wanted = !taken;
				if (!wanted) continue;
			}
			if (reading.roleCue.test(fragment) || MOMENT.test(fragment)) continue;
			if (onlyName(fragment)) continue;
			// "send blog link", "mandarle vídeo": a short line that starts with a verb of mine is a to-do.
			if (!piece.aside && wordsOf(fragment).length <= 6) {
				const todo = reading.action(reading.due(tidyPhrase(fragment)).rest, firstName);
				const first = wordsOf(fragment)[0] ?? '';
				const verbFirst =
					todo.object &&
					!reading.functionWords.has(first) &&
					!fragment.toLowerCase().startsWith(todo.object.toLowerCase());
				if (!todo.guessed && verbFirst && (todo.kind === 'send' || todo.kind === 'intro')) {
					readPromise(fragment, reading, firstName, result);
					continue;
				}
			}
			// "Honestly they have no idea how much work that is" in a German note: not this language's to write.
			const other = detectLanguage(fragment);
			const ours = wordsOf(fragment).filter((w) => reading.functionWords.has(w)).length;
			if (other && other !== reading.language && ours === 0 && fragment.split(/\s+/).length >= 4) continue;
			const score =
				fragmentScore(fragment, reading, { question: piece.question, names: nameWords }) +
				(wanted && !isPlan(fragment) ? 1.5 : 0);
			candidates.push({ text: fragment, score, order: order++, piece: pieceIndex, note: piece.noteIndex });
		}
	}
	const ranked = mergeLists(candidates, reading, reading.and);
	ranked.sort((a, b) => b.score - a.score || a.order - b.order);
	// A phrase that is not yet a noun phrase ("we talked a lot about X": X), or none: the next candidate, or no topic.
	const confident = (source: string): Topic | null => {
		const topic = reading.topicPhrase(source);
		// "check w Raj", "mandarle vídeo": a to-do of mine, not what we talked about.
		const todo = topic && reading.action(topic.phrase, firstName);
		if (todo && !todo.guessed && (todo.kind === 'send' || todo.kind === 'look' || todo.kind === 'intro')) return null;
		if (!topic || isConfidentTopic(topic.phrase, reading.language, theirName)) return topic;
		for (const part of [
			afterTalking(tidyPhrase(source), reading.language),
			afterTalking(topic.phrase, reading.language),
			nounBefore(topic.phrase, reading.language, reading.functionWords),
			nounAfterVerb(topic.phrase, reading.language)
		]) {
			const rest = part && part !== topic.phrase ? reading.topicPhrase(part) : null;
			if (rest && isConfidentTopic(rest.phrase, reading.language, theirName)) return rest;
		}
		return null;
	};
	const topicOf = (note: number) => {
		let first = true;
		for (const candidate of ranked) {
			if (candidate.note !== note) continue;
			// Past the best candidate, only one something marks as the topic (a lead-in, a plan, a pain, theirs).
			if (!first && candidate.score <= 1) break;
			first = false;
			const topic = confident(candidate.text);
			if (topic && !onlyName(topic.phrase)) return topic;
		}
		return null;
	};
	// Met twice: the first conversation's topic, and the latest one's when it was about something else.
	const topics = notes.map((_, i) => topicOf(i));
	result.topic = topics.find(Boolean) ?? null;
	const later = [...topics].reverse().find(Boolean) ?? null;
	if (later && result.topic && !overlapping(later.phrase, result.topic.phrase, reading)) result.laterTopic = later;
	return result;
}

function overlapping(a: string, b: string, reading: Reading): boolean {
	const words = new Set(wordsOf(a).filter((w) => !reading.functionWords.has(w)));
	return wordsOf(b).some((w) => words.has(w));
}

/** The first pattern's group 1: its text, where the match starts and where the group starts. */
function matchFirst(patterns: readonly RegExp[], text: string): { text: string; index: number; start: number } | null {
	for (const pattern of patterns) {
		const found = pattern.exec(text);
		if (found?.[1]) {
			const start = text.indexOf(found[1], found.index);
			return { text: found[1], index: found.index, start: start < 0 ? found.index : start };
		}
	}
	return null;
}

function readPromise(text: string, reading: Reading, firstName: string, into: NoteReading): void {
	// A remark after the promise ("… def not a buyer lol") is not part of it.
	const remark = reading.privateCue.exec(text);
	const promised = promiseOnly(remark && remark.index > 0 ? text.slice(0, remark.index) : text, reading.language);
	for (const part of splitActions(tidyPhrase(promised), reading, firstName)) {
		const { rest, due } = reading.due(tidyPhrase(part));
		if (!rest) continue;
		into.promises.push({ action: reading.action(rest, firstName), due, source: part });
	}
}

// "the study … and a meeting with their manager": a second thing asked for starts with its article.
const AND_ANOTHER =
	/\s+(?:and|y|e|und|et|&)\s+(?=(?:a|an|the|some|un|una|unos|unas|el|la|los|las|um|uma|o|os|as|ein|eine|einen|den|die|das|une|des|le|les|il|lo|gli|uno)\s)/iu;

/** What a request asks for, one thing each ("el estudio … y una reunión con su gerente"). */
function requestedThings(text: string): string[] {
	return text
		.split(AND_ANOTHER)
		.map((part) => part.trim())
		.filter(Boolean);
}

/** A thing they asked for, up to where a new clause starts ("predictive maintenance but their IT…"). */
function cutClause(text: string, reading: Reading): string {
	return text.split(reading.clauseStart)[0]!.trim();
}

/** "Priya (she left Datadog)" → "Priya"; "marc pour leur levée" → "Marc": the person, capitalised. */
export function personOf(text: string): string {
	const name = (
		tidyPhrase(text).split(
			/\s+(?:for|about|pour|para|per|für|wegen|from|at|aus|bei|chez|em|in|on|who|qui|que|che|der|die|that)\s+|\s*[,(]/i
		)[0] ?? ''
	).trim();
	// Typed in lower case: a name gets its capitals back, a description ("la directora de la sede") stays as it is.
	if (/\p{Lu}/u.test(name) || name.split(/\s+/).length > 3) return name;
	return name.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}
