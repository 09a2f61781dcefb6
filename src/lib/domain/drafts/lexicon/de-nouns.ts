import { table } from './common';
import type { NounPhrase } from './types';

/** A German noun's gender, or plural: the article a message puts before it depends on it. */
export type Genus = 'm' | 'f' | 'n' | 'pl';

// The nouns people promise to send at events, and the words their compounds end in.
const KNOWN = table<Genus>([
	[
		'm',
		'link artikel bericht report vortrag talk kontakt termin call vertrag entwurf draft leitfaden zugang überblick code screenshot katalog flyer preis plan fall podcast workshop prototyp connector test account zugriff newsletter post prospekt vorschlag kostenvoranschlag fragebogen beitrag blog blogpost invite überblick'
	],
	[
		'f',
		'präsentation studie demo liste vorlage doku dokumentation mail e-mail info einladung übersicht anleitung study checkliste checklist broschüre preisliste roadmap folie tabelle analyse offerte lösung software app beta testversion lizenz referenz kalkulation agenda zusammenfassung webseite website adresse nummer nachricht rechnung auswertung kampagne strategie registry case-study platte'
	],
	[
		'n',
		'angebot deck paper whitepaper dokument beispiel video repo repository skript script tool template handbuch konzept datenblatt update feedback material muster profil protokoll interview formular pdf sheet buch exposé memo onboarding ticket produkt programm projekt modell pitch-deck'
	],
	[
		'pl',
		'folien unterlagen slides infos daten zahlen details materialien preise kontakte beispiele referenzen docs links notizen ergebnisse messdaten fotos bilder platten teile proben'
	]
]);

/** The gender of a noun: known, or from its last part and ending (-ung, -heit: feminine; -chen, -ment: neuter). */
export function genusOf(noun: string): Genus {
	const word = noun.toLowerCase().replace(/[^\p{L}-]/gu, '');
	const parts = word.split('-');
	const last = parts[parts.length - 1] ?? word;
	if (KNOWN[last]) return KNOWN[last];
	// A compound takes the gender of its last noun: "Migrationsdeck" is a deck.
	for (let i = 1; i < last.length - 2; i++) {
		const tail = last.slice(i);
		if (KNOWN[tail]) return KNOWN[tail];
	}
	if (/(?:ung|heit|keit|schaft|ion|tät|ik|ur|ie|enz|anz|ei|e)$/.test(last)) return 'f';
	if (/(?:chen|lein|ment|um|tum|ma|o|ing|ett)$/.test(last)) return 'n';
	if (/(?:er|or|ling|ismus|ist|ant|ent)$/.test(last)) return 'm';
	return 'n';
}

const ARTICLES = /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+/i;
const POSSESSIVE = /^(?:unser|unsere|unsre|unseren|unserem|unserer|mein|meine|meinen|meinem|meiner)\s+/i;

const DEFINITE: Record<'nom' | 'acc' | 'dat', Record<Genus, string>> = {
	nom: { m: 'der', f: 'die', n: 'das', pl: 'die' },
	acc: { m: 'den', f: 'die', n: 'das', pl: 'die' },
	dat: { m: 'dem', f: 'der', n: 'dem', pl: 'den' }
};
const OURS: Record<'nom' | 'acc' | 'dat', Record<Genus, string>> = {
	nom: { m: 'unser', f: 'unsere', n: 'unser', pl: 'unsere' },
	acc: { m: 'unseren', f: 'unsere', n: 'unser', pl: 'unsere' },
	dat: { m: 'unserem', f: 'unserer', n: 'unserem', pl: 'unseren' }
};

/** The words before the first preposition ("Angebot für 50 Audits" → "Angebot"). */
function headOf(phrase: string): string {
	return (
		phrase.split(
			/\s+(?:für|von|vom|zu|zum|zur|mit|aus|über|bei|zwischen|inkl\.?|inklusive|in|im|auf|der|des)\s+/i
		)[0] ?? phrase
	);
}

/** A German noun phrase with its article in the case a frame needs ("das Migrationsdeck", "unsere Vorlage"). */
export function germanThing(text: string, grammaticalCase: 'nom' | 'acc' | 'dat' = 'acc'): NounPhrase {
	let phrase = text.trim().replace(/\s*\+\s*/g, ' und ');
	const ours = POSSESSIVE.test(phrase);
	phrase = phrase.replace(POSSESSIVE, '').replace(ARTICLES, '');
	const head = headOf(phrase);
	// "Angebot 8.000 Stk. 6200er", "Preisliste 2027": the noun comes before the figures that size it.
	const all = head.split(/\s+/);
	const figure = all.findIndex((w) => /^\p{N}/u.test(w));
	const words = figure > 0 ? all.slice(0, figure) : all;
	// "Angebot Azubi-Kampagne": two nouns side by side, the first is the thing; "Case Study" is one noun.
	const noun = KNOWN[words.slice(-2).join('-').toLowerCase()]
		? words.slice(-2).join('-')
		: words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w))
			? words[0]!
			: (words[words.length - 1] ?? head);
	const genus = /\bund\b/.test(head) ? 'pl' : genusOf(noun);
	const article = (ours ? OURS : DEFINITE)[grammaticalCase][genus];
	return { text: `${article} ${phrase}`, plural: genus === 'pl' };
}
