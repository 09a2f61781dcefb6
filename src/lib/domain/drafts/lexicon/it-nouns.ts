import { table } from './common';
import type { NounPhrase } from './types';

/** An Italian noun's gender: the article, its contraction and the possessive depend on it. */
export type Genere = 'm' | 'f';

// The nouns people promise at events, English loanwords included ("il deck", "la demo", "la checklist").
const KNOWN = table<Genere>([
	[
		'm',
		'deck report file link template tool software documento doc preventivo listino catalogo contatto caso case white whitepaper paper progetto piano business modello esempio campione prototipo video webinar workshop meeting incontro accesso account codice script repo repository kit pacchetto contratto dossier brief briefing feedback articolo riepilogo resoconto verbale questionario modulo form budget sito manuale benchmark confronto post podcast programma sistema tema schema problema pdf ppt excel foglio prezzo prezzario tariffario capitolato onboarding pilot pilota poc sample mockup test estratto dashboard sdk trial packaging passport summit forum convegno congresso salone festival meetup hackathon evento stand talk panel q&a pranzo aperitivo networking'
	],
	[
		'f',
		'demo checklist guida presentazione scheda documentazione offerta proposta brochure lista tabella mail email e-mail call roadmap slide analisi ricerca relazione nota sintesi bozza versione licenza prova sandbox piattaforma soluzione app applicazione fattura newsletter survey policy matrice mappa stima quotazione simulazione valutazione certificazione dichiarazione procedura metodologia referenza intro introduzione lettera landing pagina agenda cartella specifica fiera conferenza giornata settimana week expo cena pausa sessione tavola tracciabilità compliance startup scaleup azienda banca'
	]
]);

/** A word that looks English ("welfare", "software", "governance"): Italian keeps it invariable. */
export const ENGLISH = /[wkyj]|th|sh|ck|oo|ee|(?:ware|care|base|ing|ship|ance|ence)$/;

/** The gender of a noun: known, or from its ending (-a, -zione, -tà: feminine; -o, -ma, -ore: masculine). */
export function genereOf(noun: string): Genere {
	const word = noun.toLowerCase().replace(/[^\p{L}&-]/gu, '');
	const known = KNOWN[word];
	if (known) return known;
	// English loanwords are masculine ("il welfare", "il software"), but "la governance", "la privacy".
	if (ENGLISH.test(word)) return /(?:ance|ence|ty|cy|[^aeiou]y)$/.test(word) ? 'f' : 'm';
	if (/(?:zion|sion|gion|nion)[ei]$|(?:tà|tù|ice|ici|si|ie|trice|tudine)$|[^aeiou]y$/.test(word)) return 'f';
	if (/(?:ma|mi|ore|ori|ale|ali|ile|ili|ente|enti|ante|anti|one|oni|ere|eri|ame|ume|ese|o|i)$/.test(word)) return 'm';
	if (/[ae]$/.test(word)) return 'f';
	return 'm';
}

// Singular words ending in -e that are not a feminine plural ("documentazione", "manuale").
const SINGULAR_E = /(?:zione|sione|gione|nione|ore|ale|ile|ente|ante|one|ere|ame|ume|ese|ice|ie|ite|ace|ge|me|se)$/;

/** Whether a noun as written is plural ("campioni", "schede"); English loanwords and -tà nouns never change. */
export function isPlural(noun: string): boolean {
	const word = noun.toLowerCase().replace(/[^\p{L}]/gu, '');
	if (!word || /^[\p{Lu}\d]+$/u.test(noun) || KNOWN[word] || ENGLISH.test(word)) return false;
	if (/(?:si|tà|tù)$/.test(word) || /[^aeiouàèéìòù]$/.test(word)) return false;
	if (/i$/.test(word)) return true;
	return /e$/.test(word) && !SINGULAR_E.test(word);
}

/** "scheda" → "schede", "listino" → "listini": a noun's gender from its plural. */
function singularGenere(word: string): Genere {
	const lower = word.toLowerCase();
	if (/e$/.test(lower)) return 'f';
	if (/(?:zion|sion|gion|nion)i$/.test(lower)) return 'f';
	return 'm';
}

/** How a word starts, for its article: a vowel (l'), s + consonant, z, gn, ps, x, y (lo, gli), or another sound. */
export function soundOf(word: string): 'vowel' | 'impure' | 'plain' {
	if (/^[\p{Lu}\d]{2,}/u.test(word) && !/\p{Ll}/u.test(word.split(/\s/)[0]!)) {
		// An acronym is read letter by letter: "l'SDK" (esse), "il DPP" (di), "lo ZTL" (zeta).
		if (/^[AEFHILMNORSX]/.test(word)) return 'vowel';
		return /^Z/.test(word) ? 'impure' : 'plain';
	}
	if (/^[aeiouàèéìòùh]/i.test(word)) return 'vowel';
	if (/^(?:s[^aeiouàèéìòù]|z|gn|ps|pn|x|y|i[aeiou])/i.test(word)) return 'impure';
	return 'plain';
}

/** The definite article for a noun phrase's first word: il, lo, l', la, i, gli, le. */
export function definite(genere: Genere, plural: boolean, next: string): string {
	const sound = soundOf(next);
	if (plural) return genere === 'f' ? 'le ' : sound === 'plain' ? 'i ' : 'gli ';
	if (sound === 'vowel') return "l'";
	if (genere === 'f') return 'la ';
	return sound === 'impure' ? 'lo ' : 'il ';
}

export const ARTICLE = /^(?:il\s|lo\s|la\s|l['’]|i\s|gli\s|le\s)/i;

/** "il suo gruppo", "la loro piattaforma" → "il Suo gruppo", "la Sua piattaforma": the formal Lei. */
export function toLei(text: string): string {
	return text
		.replace(/(?<![\p{L}])(suo|sua|suoi|sue)(?![\p{L}])/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1))
		.replace(/(?<![\p{L}])(il|la|i|le)\s+loro\s+(\p{L}+)/giu, (_, article: string, noun: string) => {
			const a = article.toLowerCase();
			const owned = a === 'il' ? 'Suo' : a === 'la' ? 'Sua' : a === 'i' ? 'Suoi' : 'Sue';
			return `${article} ${owned} ${noun}`;
		})
		.replace(/(?<![\p{L}])(lui|lei)(?!\p{L})/gu, 'Lei');
}

const INDEFINITE = /^(?:uno|una|un['’]|un|dei|degli|delle|qualche|alcuni|alcune)(?:\s+|(?<=['’]))/i;
const POSSESSIVE = /^(?:(?:il|la|i|le)\s+)?(?:mio|mia|miei|mie|nostro|nostra|nostri|nostre|Suo|Sua|Suoi|Sue)\s+/u;

/** One noun phrase with its definite article, as a message names it ("un preventivo" → "il preventivo"). */
function articled(part: string): NounPhrase {
	const text = toLei(part.trim()).replace(/(?<![\p{L}])ns\s+(\p{L}+)/giu, (_, noun: string) => {
		const plural = isPlural(noun);
		const g = plural ? singularGenere(noun) : genereOf(noun);
		return `${g === 'f' ? (plural ? 'nostre' : 'nostra') : plural ? 'nostri' : 'nostro'} ${noun}`;
	});
	const possessive = POSSESSIVE.exec(text);
	if (possessive) {
		const plural = /(?:miei|mie|nostri|nostre|Suoi|Sue)\s$/u.test(possessive[0]);
		if (/^(?:il|la|i|le)\s/i.test(text)) return { text, plural };
		const g = /(?:mia|mie|nostra|nostre|Sua|Sue)\s$/u.test(possessive[0]) ? 'f' : 'm';
		return { text: `${definite(g, plural, 'x')}${text}`, plural };
	}
	if (ARTICLE.test(text)) {
		const article = ARTICLE.exec(text)![0].toLowerCase().trim();
		return { text, plural: /^(?:i|gli|le)$/.test(article) };
	}
	const indefinite = INDEFINITE.exec(text)?.[0] ?? '';
	const rest = text.slice(indefinite.length).trim();
	const head = rest.split(/\s+/)[0] ?? '';
	const lower = indefinite.toLowerCase().replace('’', "'").trim();
	const plural = /^(?:dei|degli|delle|alcuni|alcune)$/.test(lower) || (!lower && isPlural(head));
	const g: Genere = /^(?:una|un'|delle|alcune)$/.test(lower)
		? 'f'
		: /^(?:un|uno|dei|degli|alcuni)$/.test(lower)
			? 'm'
			: plural
				? singularGenere(head)
				: genereOf(head);
	return rest ? { text: `${definite(g, plural, rest)}${rest}`, plural } : { text, plural };
}

/** A thing to send or asked for, with its article: "campioni" → "i campioni", "schede tecniche" → "le schede tecniche". */
export function italianThing(text: string): NounPhrase {
	const parts = text
		.replace(/[.;:,]+$/, '')
		.split(/\s*\+\s*|\s+&\s+/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (!parts.length) return { text: '', plural: false };
	const phrases = parts.map(articled);
	if (phrases.length === 1) return phrases[0]!;
	const last = phrases[phrases.length - 1]!.text;
	return {
		text: `${phrases
			.slice(0, -1)
			.map((p) => p.text)
			.join(', ')} e ${last}`,
		plural: true
	};
}

/** Whether a phrase opens with an article or a possessive ("la tracciabilità", "il Suo progetto"). */
export function hasDeterminer(phrase: string): boolean {
	return (
		ARTICLE.test(phrase) ||
		POSSESSIVE.test(phrase) ||
		/^(?:un|uno|una|un['’]|questo|questa)(?:\s|(?<=['’]))/i.test(phrase)
	);
}
