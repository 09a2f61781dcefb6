import { bare, capitalise, findDue } from './common';
import { de } from './fr-nouns';
import { firstPerson, toInfinitive } from './fr-verbs';
import type { Action, DueHint } from './types';

/** Opinions and notes to oneself, anywhere in a phrase: a promise or a topic stops there. */
export const REMARK =
	/(?<![\p{L}])(?:bof|je pense|je crois|j'ai l'impression|à mon avis|peut-être|sans doute|probablement|à voir|à creuser|à vérifier|à confirmer|pas très chaud\p{L}*|pas chaud\p{L}*|pas convaincu\p{L}*|sceptique|décideur|décisionnaire|budget|sympa|pressée?|débordée?|mdr|lol|haha|aucune idée)(?![\p{L}])/iu;

const DAYS: Record<string, number> = bare({ dim: 0, lun: 1, mar: 2, mer: 3, jeu: 4, ven: 5, sam: 6 });
const COUNT: Record<string, number> = bare({ un: 1, une: 1, deux: 2, trois: 3, quatre: 4, huit: 8, quinze: 15 });

const L = '(?<![\\p{L}])';
const R = '(?![\\p{L}])';
const BY = "(?:(?:d'ici|d’ici|avant|pour|au plus tard|jusqu'à|dès|sous|en)\\s+)?";

const PATTERNS: [RegExp, (m: RegExpExecArray) => DueHint][] = [
	[
		new RegExp(
			`${L}${BY}(?:la\\s+)?fin\\s+(?:de\\s+(?:la\\s+|cette\\s+)?|du\\s+)?(semaine|mois)(?:\\s+prochaine)?${R}`,
			'iu'
		),
		(m) =>
			/mois/i.test(m[1]!)
				? { kind: 'end-of-month' }
				: /prochaine/i.test(m[0])
					? { kind: 'next-week' }
					: { kind: 'end-of-week' }
	],
	[
		new RegExp(`${L}${BY}(?:la\\s+)?(?:semaine\\s+(?:prochaine|pro)|prochaine\\s+semaine|sem\\.?\\s+pro)${R}`, 'iu'),
		() => ({ kind: 'next-week' })
	],
	[new RegExp(`${L}${BY}cette\\s+semaine${R}`, 'iu'), () => ({ kind: 'end-of-week' })],
	[new RegExp(`${L}${BY}après-demain${R}`, 'iu'), () => ({ kind: 'days', days: 2 })],
	[new RegExp(`${L}${BY}demain${R}`, 'iu'), () => ({ kind: 'days', days: 1 })],
	[
		new RegExp(`${L}(?:aujourd'hui|ce soir|asap|dès que possible|au plus vite|au plus tôt)${R}`, 'iu'),
		() => ({ kind: 'days', days: 0 })
	],
	[
		new RegExp(
			`${L}(?:dans|sous|d'ici)\\s+(\\d+|un|une|deux|trois|quatre|huit|quinze)\\s*(j|jours?|h|heures?|semaines?)${R}`,
			'iu'
		),
		(m) => {
			const n = Number(m[1]) || COUNT[m[1]!.toLowerCase()] || 1;
			const unit = m[2]!.toLowerCase();
			return { kind: 'days', days: unit.startsWith('s') ? n * 7 : unit.startsWith('h') ? Math.ceil(n / 24) : n };
		}
	],
	[
		new RegExp(
			`${L}${BY}(?:le\\s+)?(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|(?:lun|mar|mer|jeu|ven|sam|dim)\\.)(?:\\s+prochain)?${R}`,
			'iu'
		),
		(m) => ({ kind: 'weekday', day: DAYS[m[1]!.slice(0, 3).toLowerCase()] ?? 5 })
	]
];

/** A due phrase anywhere in a to-do ("avant vendredi", "d'ici lundi", "la semaine prochaine"); the to-do without it. */
export function due(todo: string): { rest: string; due: DueHint | null } {
	return findDue(PATTERNS, todo);
}

/** Shorthand a message spells out ("ns" → "nos", "compat" → "compatibilité", "env." → "environ"). */
export function expand(text: string): string {
	return text
		.replace(/(?<![\p{L}])compat(?![\p{L}])/giu, 'compatibilité')
		.replace(/(?<![\p{L}])qqn(?![\p{L}])/giu, "quelqu'un")
		.replace(/(?<![\p{L}])(?:pr)(?=\s)/giu, 'pour')
		.replace(/(?<![\p{L}])ds(?=\s)/giu, 'dans')
		.replace(/(?<![\p{L}])bcp(?![\p{L}])/giu, 'beaucoup')
		.replace(/(?<![\p{L}])doc(?=\s+\p{L})/giu, 'documentation')
		.replace(/(?<![\p{L}])jlui(?![\p{L}])/giu, 'je lui')
		.replace(/(?<![\p{L}])p\.\s?ex\.?\s*/giu, 'par exemple ')
		.replace(/(?<![\p{L}])env\.\s*/giu, 'environ ')
		.replace(/\s+/g, ' ')
		.trim();
}

// "lui", and "la"/"le" before a verb ("je la mets en contact"), not the article of a thing ("la fiche").
const PRONOUN =
	/^(?:(?:lui|leur|vous)\s+|(?:la|le|les|l['’])\s*(?=(?:mets|mettre|mettrai|présente|présenter|présenterai|rappelle|rappeler|rappellerai|appelle|appeler|appellerai|recontacte|recontacter|relance|relancer|invite|inviter|inviterai)(?!\p{L})))+/iu;
const SEND =
	/^(?:envoyer|envoie|envoies|enverrai|enverrais|renvoyer|renvoie|transmettre|transmets|transmettrai|partager|partage|partagerai|faire suivre|fais suivre|ferai suivre|passer|passe|donner|donne|filer|file|mailer|forwarder|send|share|e-?mail)(?![\p{L}])\s*/iu;
const INTRO =
	/^(?:intro(?:duction|duire)?s?|mise en (?:relation|contact)|(?:mettre|mets|mettrai) en (?:relation|contact)|présenter|présente|présenterai|connecter|(?:faire|fais|ferai) (?:le lien|une intro(?:duction)?|l['’]intro(?:duction)?))(?![\p{L}])\s*(?:(?:avec|à|a|auprès de)\s+|→|->|<>|:)?\s*(.+)$/iu;
const MEET =
	/^(?:(?:organiser|organise|organiserai|planifier|planifie|caler|cale|calerai|fixer|fixe|programmer|proposer|propose|faire|fais|ferai|prévoir|prévois)\s+)?(?:un\s+|une\s+)?(rdv|rendez-vous|call|appel|visio|réunion|point|démo|demo|atelier|workshop|créneau)(?![\p{L}])\s*(.*)$/iu;
const CALL = /^(?:appeler|appelle|appellerai|rappeler|rappelle|rappellerai)(?![\p{L}])/iu;
const LOOK =
	/^(?:vérifier|vérifie|vérifierai|checker|check|regarder|regarde|regarderai|demander|demande|demanderai|voir|vois|verrai|se renseigner|me renseigne|renseigner|confirmer|confirme|confirmerai|creuser|creuse|étudier|étudie|répondre|réponds|chercher|cherche|trouver|trouve|tester|teste|valider|valide|analyser|analyse)(?![\p{L}])\s*/iu;

/** The to-do verb, as an infinitive ("vérifie" → "vérifier", "me renseigne" → "renseigner"). */
function verbOf(match: string): string {
	const word = match
		.trim()
		.toLowerCase()
		.replace(/^(?:se|me)\s+/, '');
	if (word === 'check' || word === 'checker') return 'vérifier';
	return toInfinitive(word);
}

/** A to-do read as an action: "envoyer checklist CSRD", "intro → Marc", "demander à Karim compat HL7". */
export function action(todo: string, first: string): Action {
	let text = expand(todo.trim())
		.replace(/^(?:je\s+|j['’]\s*)/i, '')
		.replace(/^(?:(?:vais|dois|peux|pourrais|pourrai|compte|veux bien|m'engage à|m’engage à)\s+)/i, '')
		.replace(/^(?:de\s+|d['’]\s*)(?=\p{L})/iu, '')
		.replace(PRONOUN, '')
		.replace(/-(?:lui|leur)(?![\p{L}])/giu, '');
	const remark = REMARK.exec(text);
	if (remark && remark.index > 0) text = text.slice(0, remark.index).replace(/[\s,;:-]+$/, '');
	// "… et je reviens vers lui": how I will close the loop, not a second promise.
	text = text
		.replace(
			/\s+(?:et|puis)\s+(?:je\s+)?(?:(?:lui|leur|vous|le|la)\s+)?(?:reviens|reviendrai|revenir|tiens|tiendrai|tenir|dis|dirai|fais signe|ferai signe|recontacte|rappelle)(?!\p{L}).*$/iu,
			''
		)
		.replace(/\s+(?:et|puis)$/i, '');
	const todoText = capitalise(text);
	const who = first || 'la personne';
	// "intro investisseurs": introductions to investors.
	const group = /^intros?\s+(\p{Ll}[\p{L}-]*s)$/u.exec(text);
	if (group?.[1]) {
		return { kind: 'intro', object: `des ${group[1]}`, todo: `Présenter ${who} à des ${group[1]}`, verb: 'présenter' };
	}
	const intro = INTRO.exec(text);
	if (intro?.[1]) {
		const person = intro[1]
			.replace(/^.*?(?:→|->|<>)\s*/, '')
			.replace(/^(?:avec|à)\s+/i, '')
			.trim();
		const name = person.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
		return { kind: 'intro', object: name, todo: `Mettre ${who} en relation avec ${name}`, verb: 'présenter' };
	}
	const send = SEND.exec(text);
	if (send) {
		const object = text
			.slice(send[0].length)
			.replace(/^(?:lui|leur|vous)\s+/i, '')
			.replace(/^à\s+\p{Lu}\S*\s+/u, '');
		return { kind: 'send', object, todo: capitalise(`envoyer ${object}`.trim()), verb: 'envoyer' };
	}
	const meet = MEET.exec(text);
	if (meet) return { kind: 'meet', object: `${meet[1]} ${meet[2]}`.trim(), todo: todoText, verb: 'organiser' };
	if (CALL.test(text)) return { kind: 'meet', object: 'appel', todo: todoText, verb: 'appeler' };
	const look = LOOK.exec(text);
	if (look) {
		const verb = verbOf(look[0]);
		const object = text.slice(look[0].length);
		const todo = capitalise(`${verb} ${object}`.trim());
		// "vérifier auprès de Nicolas": who to ask is all it says, so it answers their question.
		const whom =
			/^(?:auprès de|avec|à)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)$/u.exec(object) ??
			/^(?:auprès d(?:e\s+|['’])|avec\s+)((?:le|la|les|l['’]|notre|nos)\s*[\p{L}'’ -]+)$/iu.exec(object);
		if (whom) return { kind: 'look', object: '', todo, verb: `me renseigne auprès ${de(whom[1]!)}` };
		return { kind: 'look', object, todo, verb: firstPerson(verb) };
	}
	const infinitive = /^(\p{Ll}+(?:er|ir|re))\s+(.+)$/u.exec(text);
	if (
		infinitive?.[1] &&
		!/^(?:dossier|fichier|atelier|calendrier|courrier|cahier|papier|livre|offre|cadre|lettre|chiffre|centre|titre|filtre|registre)$/.test(
			infinitive[1]
		)
	)
		return { kind: 'do', object: infinitive[2]!, todo: todoText, verb: infinitive[1] };
	// A thing on its own ("devis 3 mois", "REX Workday"): something to send. "send" lets the English reading try it.
	return { kind: 'send', object: text, todo: capitalise(`envoyer ${text}`), verb: 'send', guessed: true };
}
