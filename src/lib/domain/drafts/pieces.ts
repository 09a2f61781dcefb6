import { cleanMultiline } from '../text/display';

/** One sentence or line of a note, or an aside inside one. */
export interface NotePiece {
	text: string;
	/** Written in parentheses or after a dash: a remark to oneself. */
	aside: boolean;
	/** Ends with a question mark. */
	question: boolean;
	/** Written as a to-do: after a checkbox or an arrow ("[ ] send deck", "→ deck"). */
	todo?: boolean;
	/** The to-do mark was an arrow, which notes also use as a bullet ("→ nutzen Excel…"). */
	arrow?: boolean;
}

// A line written as a to-do: an empty checkbox, an arrow, "TODO:".
const TODO_MARK = /^(?:\[\s?\]|☐|□|→|->|=>|⇒|todo\s*:|to-?do\s*:)\s*/iu;

// Dictated notes spell their punctuation: "… Kafka period she wants…", "… Punkt …", "… virgule …".
const SPOKEN: [RegExp, string][] = [
	[/\s+(?:period|full stop|punkt|point final|punto y aparte|punto final|ponto final)(?=\s|$)/giu, '.'],
	[/\s+(?:comma|komma|virgule|coma|vírgula|virgula|virgola)(?=\s|$)/giu, ','],
	[
		/\s+(?:question mark|fragezeichen|point d['’]interrogation|signo de interrogación|ponto de interrogação|punto interrogativo)(?=\s|$)/giu,
		'?'
	],
	[/\s+(?:new line|neue zeile|nouvelle ligne|nueva línea|nova linha|a capo)(?=\s|$)/giu, '\n']
];

// Words that are punctuation only in a dictated note: "point", "ponto", "punto" are also "a point".
const SPOKEN_TOO: [RegExp, string] = [/\s+(?:point|ponto|punto)(?=\s+(?!de\s|d['’]|di\s|da\s|do\s|del\s)|$)/giu, '.'];

/** A dictated note (its punctuation spoken, hardly any written) with its punctuation put back. */
function undictate(note: string): string {
	const spoken = SPOKEN.reduce((n, [word]) => n + (note.match(word)?.length ?? 0), 0);
	const written = note.match(/[.,;!?]/g)?.length ?? 0;
	if (spoken === 0 || written > spoken || (spoken < 2 && written > 0)) return note;
	return [...SPOKEN, SPOKEN_TOO].reduce((text, [word, mark]) => text.replace(word, mark), note);
}

// Abbreviations whose dot does not end a sentence, in the six draft languages (lowercase, no dot).
const ABBREVIATIONS = new Set(
	(
		'ca approx appr etc eg ie vs cf resp incl excl dept mgr dir asst ' +
		'mr mrs ms dr prof st sr sra srta dra jr nr tel fig vol ' +
		'bzw usw ggf evtl inkl bsp hr fr dipl ing wg std mrd mio tsd fa bzgl lt univ arch ' +
		'pej env cad mme mlle sig sigg ecc dott avv geom rag pag pp sec aprox ' +
		'jan feb mar apr jun jul aug sep sept oct okt nov dec dez ene abr ago set ott dic gen giu lug'
	).split(' ')
);

/**
 * What plan-capture adds after the note — the card's other details and its own note ("Also on
 * their card: …", "Note on their card: …", which may run over lines): the card's words, not ours.
 */
const CARD_LINES = /\n(?:Also on their card:|Note on their card:)[\s\S]*$/;

/** Splits one line into sentences at . ! ? ; — never after an abbreviation, a number's dot or inside a link. */
function sentences(line: string): string[] {
	const result: string[] = [];
	let start = 0;
	const boundary = /[.!?;…]+(?=\s|$)/g;
	for (const match of line.matchAll(boundary)) {
		const end = match.index + match[0].length;
		const before = line.slice(start, match.index);
		const found = /(^|[^\p{L}.])([\p{L}.]+)$/u.exec(before);
		const lastWord = found?.[2] ?? '';
		const bare = lastWord.toLowerCase().replace(/\./g, ' ').trim().split(' ').pop() ?? '';
		// "ca.", "z.B.", "Thomas R. fragen": a dot that shortens a word, not one that ends a sentence.
		const standalone = found !== null && (found[1] === '' || /\s/.test(found[1]!));
		const isAbbreviation =
			match[0] === '.' &&
			(ABBREVIATIONS.has(bare) || (standalone && /^\p{L}$/u.test(bare)) || /\p{L}\.\p{L}+$/u.test(lastWord));
		if (isAbbreviation) continue;
		result.push(line.slice(start, end));
		start = end;
	}
	result.push(line.slice(start));
	return result.map((s) => s.trim()).filter(Boolean);
}

/** Takes parenthesised asides and "— remark" tails out of a sentence. */
function asides(sentence: string): NotePiece[] {
	const pieces: NotePiece[] = [];
	const main = sentence
		.replace(/\(([^()]*)\)|\[([^[\]]*)\]/g, (_, round: string | undefined, square: string | undefined) => {
			const inner = (round ?? square ?? '').trim();
			if (inner) pieces.push({ text: inner, aside: true, question: inner.endsWith('?') });
			return ' ';
		})
		.replace(/\s+/g, ' ')
		.trim();
	// "Ana Lucía - water NGO in Cusco", "Kafka — seemed skeptical": a spaced dash separates two thoughts.
	const out: NotePiece[] = main
		.split(/\s[–—]\s|\s-{1,2}\s/)
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => ({ text: part, aside: false, question: /\?\s*$/.test(part) }));
	return [...out, ...pieces];
}

/** A to-do as typed ("[ ] envoyer brochure", "- deck", "TODO: call"): its words, without the marks. */
export function todoWords(text: string): string {
	return text
		.replace(/^\s*(?:[-*•·▪◦>+]|\d{1,2}[.)])\s+/u, '')
		.replace(/^\s*\[[xX✓✔\s]?\]\s*/u, '')
		.replace(TODO_MARK, '')
		.trim();
}

/**
 * A note cut into the pieces a follow-up is drafted from: each line, each sentence, each aside.
 * List markers are dropped; the card details the app appended are left out.
 */
export function notePieces(note: string): NotePiece[] {
	const lines = `\n${undictate(cleanMultiline(note))}`
		.replace(CARD_LINES, '')
		.split('\n')
		.map((line) => line.replace(/^\s*(?:[-*•·▪◦>+]|\d{1,2}[.)]|[a-z][)])\s+/u, '').trim())
		.filter(Boolean);
	return lines.flatMap((line) => {
		const todo = TODO_MARK.test(line);
		const arrow = /^(?:→|->|=>|⇒)/u.test(line);
		const pieces = sentences(line.replace(TODO_MARK, '')).flatMap(asides);
		return todo ? pieces.map((piece) => ({ ...piece, todo: !piece.aside, ...(arrow ? { arrow } : {}) })) : pieces;
	});
}

/** The words of a text, lowercased, for matching (letters, digits, inner ' - . & +). */
export function wordsOf(text: string): string[] {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’&+.-][\p{L}\p{N}]+)*\+*/gu) ?? []).map((w) => w);
}
