import { table } from './common';
import type { NounPhrase } from './types';

/** A French noun's gender and number: the article, the contraction and the agreement depend on it. */
export type Genre = 'm' | 'f';

// The nouns people promise at events, English loanwords included ("le deck", "la checklist").
const KNOWN = table<Genre>([
	[
		'm',
		'devis deck document dossier lien rapport livre white whitepaper paper cas retour rex script guide catalogue tarif contrat accès compte code exemple template modèle comparatif benchmark article webinaire webinar replay podcast échantillon prototype support fichier tableau planning calendrier programme projet questionnaire formulaire mail e-mail email contact numéro site outil logiciel kit pack playbook livrable compte-rendu résumé récapitulatif récap bilan audit diagnostic chiffrage essai pilote poc repo dépôt sdk schéma plan mémo pdf onboarding listing brief one-pager extrait accompagnement projet process processus module connecteur trial test dashboard call rdv rendez-vous créneau point atelier workshop salon forum congrès sommet colloque festival meetup séminaire hackathon afterwork summit mobilier funnel job service système'
	],
	[
		'f',
		'démo demo checklist présentation fiche plaquette brochure documentation doc étude offre proposition grille liste matrice notice note image synthèse vidéo maquette version licence invitation facture newsletter charte méthode méthodologie roadmap feuille procédure api base faq enquête analyse référence trame formation certification page landing carte adresse plateforme solution application appli app session réunion visio intro introduction recommandation sandbox spec notice attestation convention estimation migration slide conférence journée semaine week expo traçabilité reprise levée mutuelle ong data'
	]
]);

// Singular nouns that end in -s or -x.
const INVARIABLE =
	/^(?:accès|devis|cas|prix|process|processus|saas|bus|corpus|campus|avis|succès|progrès|temps|pays|fois|mois|choix|taux|excel|ops|finops|devops|mlops|kubernetes|paris|analysis|status|os|ios|gps|sms|cms|crm|aws|gcs|dns|hors|plus)$/i;

const ENGLISH = /[wk]|th|sh|ck|oo|ee|y$|(?:ware|care|base|ing|ship)$/;

/** The gender of a noun: known, or from its ending (-tion, -té, -ure, -e: feminine; -ment, -age, others: masculine). */
export function genreOf(noun: string): Genre {
	const word = noun.toLowerCase().replace(/[^\p{L}-]/gu, '');
	const singular = word.replace(/(?<=.{3})[sx]$/, '');
	const known = KNOWN[word] ?? KNOWN[singular];
	if (known) return known;
	if (/(?:tion|sion|aison)$/.test(singular)) return 'f';
	// English loanwords are masculine ("le software", "le welfare"), but "la governance", "la compliance".
	if (ENGLISH.test(singular)) return /(?:ance|ence|ty|cy)$/.test(singular) ? 'f' : 'm';
	if (/(?:ment|age|isme|eau|oir|at|et|ier|in|on|ège|ème|ome|gramme|logue|ing|ide|eur|ice)$/.test(singular)) return 'm';
	if (/(?:té|ure|ance|ence|ette|ade|ie|ise|ude|esse|ée|elle|ine|ille|e)$/.test(singular)) return 'f';
	return 'm';
}

/** Whether a noun as written is plural ("tarifs", "échantillons"; not "accès", "devis"). */
export function isPlural(noun: string): boolean {
	const word = noun.replace(/[^\p{L}-]/gu, '');
	if (!word || /^[\p{Lu}\d-]+$/u.test(word) || INVARIABLE.test(word)) return false;
	return /\p{Ll}s$|(?:au|eu|ou)x$/u.test(word);
}

/** A word read as starting with a vowel sound: the article before it is elided ("l'accès", "l'API"). */
export function elides(word: string): boolean {
	if (/^[AEIOUY][\p{Lu}\d]/u.test(word)) return true;
	if (/^h(?:[éèêôî]|abit|eur|ist|uile|ygi|ypo|ydr|om|orair|orizon)/i.test(word)) return true;
	return /^[aeiouyàâéèêëîïôœû]/i.test(word);
}

const DEFINITE = /^(?:le|la|les)\s+|^l['’]\s*/i;
const INDEFINITE = /^(?:une|un|des|du|de la|de l['’]|quelques|d['’]une|d['’]un)(?:\s+|(?<=['’]))/i;
const POSSESSIVE = /^(?:mon|ma|mes|notre|nos|votre|vos)\s+/i;

/** "le", "la", "l'" or "les" for a noun phrase's first word. */
export function definite(genre: Genre, plural: boolean, next: string): string {
	if (plural) return 'les ';
	if (elides(next)) return "l'";
	return genre === 'f' ? 'la ' : 'le ';
}

/** The noun that decides the article: the first word, or the first known noun among the first three. */
export function headOf(words: readonly string[]): string {
	const known = words.slice(0, 3).find((w) => KNOWN[w.toLowerCase()] ?? KNOWN[w.toLowerCase().replace(/[sx]$/, '')]);
	if (known && /^[\p{Lu}\d]/u.test(words[0] ?? '')) return known;
	return words[0] ?? '';
}

/** "his deck", "their tools" → "votre deck", "vos outils"; "lui", "eux" → "vous". */
export function toVous(text: string): string {
	return text
		.replace(/(?<![\p{L}'’])(?:leurs|ses)(?=\s+\p{L})/giu, 'vos')
		.replace(
			/(?<![\p{L}'’])(?:leur|son|sa)(?=\s+\p{L})(?!\s+(?:envoyer|dire|faire|présenter|parler|donner|proposer)(?!\p{L}))/giu,
			'votre'
		)
		.replace(/(?<![\p{L}'’])(?:lui|eux)(?![\p{L}'’])/giu, 'vous');
}

/** One noun phrase with its definite article (or its possessive), as a message names it. */
function articled(part: string): NounPhrase {
	// "ns tarifs", "ns guide": the note's shorthand for "nos", "notre".
	const text = toVous(part.trim()).replace(
		/^ns\s+(\S+)/i,
		(_, noun: string) => `${isPlural(noun) ? 'nos' : 'notre'} ${noun}`
	);
	const possessive = POSSESSIVE.exec(text);
	if (possessive) {
		const rest = text.slice(possessive[0].length);
		const plural = /^(?:mes|nos|vos)\s/i.test(possessive[0]) || isPlural(headOf(rest.split(/\s+/)));
		return { text, plural };
	}
	const article = DEFINITE.exec(text)?.[0] ?? INDEFINITE.exec(text)?.[0] ?? '';
	const rest = text.slice(article.length).trim();
	const words = rest.split(/\s+/);
	const lower = article.toLowerCase().trim();
	const head = headOf(words);
	const plural = /^(?:les|des|quelques)$/.test(lower) || (!lower && isPlural(head));
	const genre: Genre = /^(?:la|une|de la|d['’]une)$/.test(lower)
		? 'f'
		: /^(?:le|un|du|d['’]un)$/.test(lower)
			? 'm'
			: genreOf(head);
	if (!rest) return { text, plural };
	return { text: `${definite(genre, plural, rest)}${rest}`, plural };
}

/** A thing to send or asked for, with its article: "un devis" → "le devis", "checklist CSRD" → "la checklist CSRD". */
export function frenchThing(text: string): NounPhrase {
	const parts = text
		.replace(/[.;:,]+$/, '')
		.split(/\s*\+\s*|\s+&\s+/)
		.map((p) => p.trim())
		.filter(Boolean);
	if (!parts.length) return { text: '', plural: false };
	const phrases = parts.map(articled);
	if (phrases.length === 1) return phrases[0]!;
	return {
		text: `${phrases
			.slice(0, -1)
			.map((p) => p.text)
			.join(', ')} et ${phrases[phrases.length - 1]!.text}`,
		plural: true
	};
}

/** "de" before a noun phrase: "du devis", "des tarifs", "de la démo", "d'un cas". */
export function de(phrase: string): string {
	if (/^le\s/i.test(phrase)) return `du ${phrase.slice(3)}`;
	if (/^les\s/i.test(phrase)) return `des ${phrase.slice(4)}`;
	if (/^des\s/i.test(phrase)) return `de ${phrase.slice(4)}`;
	return elides(phrase) ? `d'${phrase}` : `de ${phrase}`;
}

/** "à" before a noun phrase: "au configurateur", "aux tarifs", "à la démo". */
export function a(phrase: string): string {
	if (/^le\s/i.test(phrase)) return `au ${phrase.slice(3)}`;
	if (/^les\s/i.test(phrase)) return `aux ${phrase.slice(4)}`;
	return `à ${phrase}`;
}

/** Whether a phrase opens with an article or a possessive ("la traçabilité", "votre SIRH"). */
export function hasDeterminer(phrase: string): boolean {
	return /^(?:le|la|les|l['’]|un|une|des|du|votre|vos|notre|nos|mon|ma|mes|ce|cet|cette|ces)(?:\s|(?<=['’]))/i.test(
		phrase
	);
}
