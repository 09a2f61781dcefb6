import { notePieces, wordsOf } from './pieces';
import { tidyPhrase } from './topic';
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
	return text
		.split(/,\s+|\s+\/\s+|\s*;\s*/)
		.map((f) => f.trim().replace(/\s*[.;:]+$/, ''))
		.filter(Boolean);
}

// Someone not yet named ("someone who has rolled it out"): an intro to be found, not to a person.
const SOMEONE = /^(?:someone|somebody|jemand\w*|quelqu'un|alguien|alguém|qualcuno)\b/i;

const PAIN =
	/\b(?:problem|problems|pain|struggl\w*|issue|issues|challenge|stuck|galère|souci|soucis|problème|Problem\w*|Schmerz|Herausforderung|problema|problemas|dificultad\w*|dificuldade\w*|difficoltà|sfida)\b/iu;
// "He said we could share…": their idea, reported, rarely the topic.
const REPORTED =
	/^(?:(?:he|she|they|er|sie|il|elle|él|ella|ele|ela|lui|lei)\s+)?(?:said|mentioned|meinte|sagte|erwähnte|a dit|disait|dijo|comentó|disse|comentou|ha detto|diceva)\b/iu;
// "Their move from RabbitMQ to Kafka", "they're moving…": what they are doing, the usual topic.
const THEIRS =
	/^(?:their|his|her|ihr|ihre|sein|seine|leur|leurs|son|sa|ses|su|sus|seu|sua|dele|dela|loro|suo)\s|\b(?:they(?:'re| are| r)|he's|she's|ils|elles|están|estão|stanno)\s+\p{L}+ing\b|\b(?:they|ils|sie) (?:are|sont|sind)\s/iu;
const PLANS =
	/\b(?:want(?:s)? to|plan(?:s|ning)? to|wollen|will|möchten|planen|veulent|veut|souhaitent|quieren|quiere|planean|querem|quer|pretendem|vogliono|vuole|vorrebbero)\b/iu;
const ORGANISATION =
	/^(?:\S+\s+){0,2}(?:ngo|startup|start-up|scale-?up|agency|company|firm|bank|hospital|cooperative|coop|ong|empresa|agencia|agência|fábrica|banca|azienda|gruppo|mutuelle|versicherung|firma|verein|asociación|associação|associazione)\b/i;

// "Booth, day 2", "10:30", "Tag 1": when, not what.
const MOMENT = /^(?:day|tag|jour|día|dia|giorno)\s*\d+$|^\d{1,2}[:.h]\d{2}\b/i;

function splitActions(text: string): string[] {
	// "find out + send datasheet", "accès démo + tarifs": one promise per part.
	return text
		.split(/\s+\+\s+|\s+&\s+/)
		.map((part) => part.trim())
		.filter(Boolean);
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

	let pieceIndex = 0;
	for (const piece of notes.flatMap(notePieces)) {
		pieceIndex++;
		for (const word of wordsOf(piece.text)) result.words.add(word);
		const fragments = fragmentsOf(piece.text);
		let afterRole = false;
		for (let i = 0; i < fragments.length; i++) {
			const fragment = fragments[i]!;
			const promise = matchFirst(reading.promiseCues, fragment);
			if (promise) {
				const before = fragment.slice(0, promise.index).trim();
				if (before && !piece.aside) fragments.splice(i + 1, 0, before);
				readPromise(promise.text, reading, firstName, result);
				continue;
			}
			if (piece.aside || reading.privateCue.test(fragment)) continue;
			// "Angebot bis Fr.", "deck by Friday": a thing and when it is due is a to-do.
			const dueFragment = reading.due(fragment);
			if (dueFragment.due && dueFragment.rest && dueFragment.rest.split(/\s+/).length <= 4) {
				readPromise(fragment, reading, firstName, result);
				continue;
			}
			const place = reading.meetingPlace(fragment);
			if (place) {
				result.place ??= tidyPhrase(place);
				continue;
			}
			if (piece.question || reading.questionCue.test(fragment)) {
				const reported = reading.questionCue.test(fragment);
				const question = fragment.replace(reading.questionCue, '');
				if (reading.ownWords.test(fragment) || reported) {
					const clause = reading.indirect(question, reported);
					if (clause) result.questions.push(clause);
				}
				if (piece.question && (reported || reading.ownWords.test(fragment))) continue;
			}
			const request = matchFirst(reading.requestCues, fragment);
			if (request && !reading.notRequest?.test(request.text)) {
				const intro = reading.introCue.exec(request.text);
				if (intro?.[1]) result.askedIntro.push(SOMEONE.test(intro[1]) ? '' : personOf(intro[1]));
				else result.askedThing.push(tidyPhrase(request.text));
				continue;
			}
			if (reading.roleCue.test(fragment) || MOMENT.test(fragment)) {
				afterRole = true;
				continue;
			}
			// "Head of RevOps @ Cartwheel, Series B": the rest of a line about who they are.
			let score = afterRole ? 0.75 : 1;
			if (wordsOf(fragment).filter((w) => !reading.functionWords.has(w)).length < 2) score -= 0.5;
			if (REPORTED.test(fragment)) score -= 0.75;
			if (reading.leadIn.test(fragment)) score += 3;
			if (PAIN.test(fragment)) score += 1;
			if (PLANS.test(fragment)) score += 1.5;
			if (THEIRS.test(fragment)) score += 1;
			if (!candidates.length) score += 0.5;
			if (ORGANISATION.test(fragment)) score -= 1;
			if (wordsOf(fragment).every((w) => nameWords.has(w) || reading.functionWords.has(w))) continue;
			if (piece.question) score -= 0.25;
			candidates.push({ text: fragment, score, order: order++, piece: pieceIndex });
		}
	}
	const ranked = mergeLists(candidates, reading, reading.and);
	ranked.sort((a, b) => b.score - a.score || a.order - b.order);
	for (const candidate of ranked) {
		const topic = reading.topicPhrase(candidate.text);
		if (topic && !wordsOf(topic.phrase).every((w) => nameWords.has(w) || reading.functionWords.has(w))) {
			result.topic = topic;
			break;
		}
	}
	return result;
}

function matchFirst(patterns: readonly RegExp[], text: string): { text: string; index: number } | null {
	for (const pattern of patterns) {
		const found = pattern.exec(text);
		if (found?.[1]) return { text: found[1], index: found.index };
	}
	return null;
}

function readPromise(text: string, reading: Reading, firstName: string, into: NoteReading): void {
	// A remark after the promise ("… def not a buyer lol") is not part of it.
	const remark = reading.privateCue.exec(text);
	const promised = remark && remark.index > 0 ? text.slice(0, remark.index) : text;
	for (const part of splitActions(tidyPhrase(promised))) {
		const { rest, due } = reading.due(tidyPhrase(part));
		if (!rest) continue;
		into.promises.push({ action: reading.action(rest, firstName), due, source: part });
	}
}

/** "Priya (she left Datadog)" → "Priya"; "marc pour leur levée" → "Marc": the person, capitalised. */
function personOf(text: string): string {
	const name = (
		tidyPhrase(text).split(
			/\s+(?:for|about|pour|para|per|für|wegen|from|at|aus|bei|chez|em|in|on|who|qui|que|che|der|die|that)\s+|\s*[,(]/i
		)[0] ?? ''
	).trim();
	if (/\p{Lu}/u.test(name)) return name;
	return name.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}
