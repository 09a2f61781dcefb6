import { bare } from './common';
/** French verb forms a draft needs: "on" and "ils" of a note turned to "nous" and "vous". */

/** An infinitive ("migrer", "réduire"), not a word that only ends like one ("notre", "dossier", "offre"). */
export const INFINITIVE =
	'(?!(?:dossier|fichier|atelier|calendrier|courrier|cahier|papier|premier|dernier|hier|super|cher|fer|mer|hiver|métier|chantier|quartier|panier|désir|plaisir|loisir|avenir|souvenir|soupir|cadre|ordre|poudre|lettre|livre|cuivre|miroir|couloir|tiroir|trottoir|comptoir|terroir|soir|noir|manoir|rasoir)(?!\\p{L}))' +
	'\\p{L}+(?:er|ir|dre|ttre|aître|uire|[dl]ire|crire|ffire|rire|ivre|ompre|[cx]lure|faire|plaire|taire|traire|boire|croire|voir|avoir|evoir|ouvoir|ouloir|aloir|alloir)(?!\\p{L})';

const NOUS: Record<string, string> = bare({
	a: 'avons',
	est: 'sommes',
	fait: 'faisons',
	peut: 'pouvons',
	doit: 'devons',
	sait: 'savons',
	va: 'allons',
	veut: 'voulons',
	prend: 'prenons',
	met: 'mettons',
	vend: 'vendons',
	tient: 'tenons',
	vient: 'venons',
	dit: 'disons',
	voit: 'voyons',
	connaît: 'connaissons',
	connait: 'connaissons',
	sert: 'servons',
	part: 'partons',
	sort: 'sortons',
	gère: 'gérons',
	marche: 'fonctionnons'
});

const VOUS: Record<string, string> = bare({
	sont: 'êtes',
	ont: 'avez',
	font: 'faites',
	vont: 'allez',
	peuvent: 'pouvez',
	doivent: 'devez',
	veulent: 'voulez',
	savent: 'savez',
	prennent: 'prenez',
	mettent: 'mettez',
	viennent: 'venez',
	tiennent: 'tenez',
	disent: 'dites',
	voient: 'voyez',
	marchent: 'fonctionnez'
});

// "achète" → "achetons": the few verbs whose è comes from an e, not an é.
const GRAVE_FROM_E = /^(?:ach|l|m|am|emm|p|enl|sem|élev|soul)è/;

function stem(form: string, ending: RegExp): string {
	let base = form.replace(ending, '');
	if (!GRAVE_FROM_E.test(base)) base = base.replace(/è(?=[^aeiouyéè]+$)/, 'é');
	else base = base.replace(/è(?=[^aeiouyéè]+$)/, 'e');
	return base
		.replace(/ell$/, 'el')
		.replace(/ett$/, 'et')
		.replace(/oi$/, 'oy')
		.replace(/ai$/, 'ay')
		.replace(/ui$/, 'uy');
}

/** "intègre" (with "on") → "intégrons"; "fournit" → "fournissons"; "a" → "avons". */
export function nousForm(verb: string): string {
	const lower = verb.toLowerCase();
	if (NOUS[lower]) return NOUS[lower];
	if (/it$/.test(lower)) return `${lower.slice(0, -1)}ssons`;
	if (/e$/.test(lower)) {
		const base = stem(lower, /e$/);
		if (/g$/.test(base)) return `${base}eons`;
		if (/c$/.test(base)) return `${base.slice(0, -1)}çons`;
		return `${base}ons`;
	}
	return lower;
}

/** "avez" (their "vous", meaning us) → "avons"; "êtes" → "sommes"; "gérez" → "gérons". */
export function nousFromVous(verb: string): string {
	const irregular: Record<string, string> = bare({ êtes: 'sommes', faites: 'faisons', dites: 'disons' });
	return irregular[verb] ?? verb.replace(/ez$/, 'ons');
}

/** "intègrent" (with "ils") → "intégrez"; "sont" → "êtes". */
export function vousForm(verb: string): string {
	const lower = verb.toLowerCase();
	if (VOUS[lower]) return VOUS[lower];
	if (/ent$/.test(lower)) return `${stem(lower, /ent$/)}ez`;
	return lower;
}

/** "intègre" → "intégrer", "fournit" → "fournir": the infinitive of a verb in the third person. */
export function infinitiveOf(verb: string): string {
	const lower = verb.toLowerCase();
	if (/it$/.test(lower)) return `${lower.slice(0, -1)}r`;
	if (/e$/.test(lower)) return `${stem(lower, /e$/)}er`;
	return lower;
}

/** The forms a to-do verb takes, from its infinitive or its first person ("envoie", "enverrai"). */
const FIRST_PERSON: Record<string, string> = bare({
	vérifier: 'vérifie',
	regarder: 'regarde',
	demander: 'demande',
	voir: 'vois',
	confirmer: 'confirme',
	creuser: 'creuse',
	étudier: 'étudie',
	répondre: 'réponds',
	chercher: 'cherche',
	tester: 'teste',
	valider: 'valide',
	trouver: 'trouve',
	analyser: 'analyse',
	checker: 'vérifie',
	renseigner: 'me renseigne'
});

/** "vérifier" → "vérifie": the verb of "je … et je reviens vers vous". */
export function firstPerson(infinitive: string): string {
	return FIRST_PERSON[infinitive] ?? infinitive.replace(/er$/, 'e').replace(/ir$/, 'is').replace(/re$/, 's');
}

const INFINITIVES: Record<string, string> = bare({
	fais: 'faire',
	ferai: 'faire',
	mets: 'mettre',
	mettrai: 'mettre',
	vois: 'voir',
	verrai: 'voir',
	reviens: 'revenir',
	reviendrai: 'revenir',
	réponds: 'répondre',
	répondrai: 'répondre',
	prends: 'prendre',
	prendrai: 'prendre',
	envoie: 'envoyer',
	enverrai: 'envoyer',
	transmets: 'transmettre',
	transmettrai: 'transmettre'
});

/** "prépare", "préparerai" → "préparer": a to-do's verb as an infinitive. */
export function toInfinitive(verb: string): string {
	const lower = verb.toLowerCase();
	if (INFINITIVES[lower]) return INFINITIVES[lower];
	if (/(?:er|ir|re|oir)$/.test(lower)) return lower;
	if (/erai$/.test(lower)) return lower.slice(0, -2);
	if (/irai$/.test(lower)) return lower.slice(0, -2);
	if (/e$/.test(lower)) return `${lower}r`;
	if (/is$/.test(lower)) return `${lower.slice(0, -1)}r`;
	return lower;
}
