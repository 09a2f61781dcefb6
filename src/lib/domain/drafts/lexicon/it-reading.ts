import { REMARK, action, due } from './it-actions';
import { definite, italianThing, toLei } from './it-nouns';
import { prep } from './it-phrases';
import { indirect } from './it-question';
import { FUNCTION_WORDS, LEAD_IN, QUESTION_CUE, topicPhrase } from './it-topic';
import type { Reading } from './types';

// Remarks that mark a whole fragment as private when they open it (within its first five words);
// later in a long run-on line, the topic is cut where they start instead.
const PRIVATE = new RegExp(
	`(?<=^(?:\\S+\\s+){0,4})(?:${REMARK.source}|(?<![\\p{L}])(?:formale|informale|dargli del|darle del|dare del|junior|lead|prospect|concorrent\\p{L}*|nb|n\\.b|ps|nota bene|risentir\\p{L}*|richiamar\\p{L}*|ricontattar\\p{L}*|pesante|logorroic\\p{L}*|arrogant\\p{L}*|antipatic\\p{L}*|gentil\\p{L}*|prezzo minimo|sconto massimo)(?![\\p{L}])|^(?:lui|lei)\\s+(?:è|sembra|pare)\\s+(?:molto|più|poco|abbastanza|un po['’]|troppo|super)(?![\\p{L}]))`,
	'iu'
);

// A first-person verb (present or future) or an infinitive, with or without a pronoun attached.
const MY_VERB =
	'(?=\\p{L}+(?:o|ò|are|ere|ire|argli|arle|arla|arlo|erle|ergli|erla|erlo|irle|irgli|irla|irlo|glielo|gliela)(?![\\p{L}]))';
const VERBS_1SG =
	'mando|invio|giro|spedisco|passo|inoltro|presento|preparo|faccio|organizzo|verifico|chiedo|metto|condivido|mander[òo]|invier[òo]|girer[òo]|spedir[òo]|presenter[òo]|preparer[òo]|far[òo]|verificher[òo]|metter[òo]|condivider[òo]';

const EVENT_WORD: Record<string, 'm' | 'f' | 'pl'> = {
	convegno: 'm',
	congresso: 'm',
	salone: 'm',
	summit: 'm',
	forum: 'm',
	meetup: 'm',
	festival: 'm',
	evento: 'm',
	workshop: 'm',
	hackathon: 'm',
	fiera: 'f',
	conferenza: 'f',
	giornata: 'f',
	settimana: 'f',
	week: 'f',
	expo: 'f',
	giornate: 'pl',
	days: 'pl'
};

/** "al Codemotion Milano 2026", "all'AWS Summit Milano", "alla Milano Design Week". */
function eventPlace(name: string): string {
	const words = name.split(/\s+/);
	const first = EVENT_WORD[words[0]!.toLowerCase()];
	const last = [...words].reverse().find((w) => EVENT_WORD[w.toLowerCase()]);
	const kind = first ?? (last ? EVENT_WORD[last.toLowerCase()] : 'm');
	if (kind === 'pl') return `alle ${name}`;
	return prep('a', `${definite(kind === 'f' ? 'f' : 'm', false, name)}${name}`);
}

const MET =
	/^(?:incontrat[oaie]|conosciut[oaie]|vist[oaie]|parlato|chiacchierato|beccat[oaie]|ci siamo (?:conosciuti|visti|incontrati|parlati|conosciute|viste|incontrate))(?:\s+(?:con\s+(?:lui|lei)|brevemente|di sfuggita))?\s+((?:al|allo|alla|all['’]|ai|agli|alle|a|in|nel|nello|nella|nell['’]|durante|dopo|prima|presso|sul|sullo|sulla|in occasione d\S+)(?:\s|(?<=['’])).+)$/iu;
const LOCATION =
	/^((?:al|allo|alla|all['’]|ai|agli|alle|durante|dopo|prima d\S+|presso|in)\s*(?:il |lo |la |l['’]|i |gli |le )?(?:stand|talk|keynote|panel|tavola rotonda|workshop|pausa|pranzo|cena|aperitivo|cocktail|coffee break|networking|sessione|demo|evento|q&a|buffet)(?![\p{L}]).*)$/iu;
const EVENT_START = new RegExp(`^(?:${Object.keys(EVENT_WORD).join('|')})(?![\\p{L}])`, 'iu');

/** Italian: how a note is read. */
export const itReading: Reading = {
	language: 'it',
	and: 'e',
	clauseStart: /\s+(?:ma|perché|poiché|che|cui|e (?:loro|lui|lei|noi|io))\s+|[,;:]\s/i,
	functionWords: FUNCTION_WORDS,
	privateCue: PRIVATE,
	promiseCues: [
		// "Le invio la brochure e la presento a Luca": the second promise is read first, the words before it again.
		new RegExp(
			`\\s+e\\s+(?:che\\s+)?(?:(?:gli|le|la|lo|li)\\s+)?(?!(?:faccio|farò)\\s+sapere)((?:${VERBS_1SG})(?![\\p{L}]).+)`,
			'iu'
		),
		new RegExp(`\\s+e\\s+di\\s+${MY_VERB}(.+)`, 'iu'),
		new RegExp(
			`(?<![\\p{L}])(?:(?:gli|le|l['’])\\s*)?(?:ho|abbiamo)\\s+(?:promesso|detto|garantito|assicurato|proposto|offerto|confermato)\\s+(?:(?:di|che)\\s+)?(?:(?:gli|le|la|lo|ne)\\s+)?${MY_VERB}(.+)`,
			'iu'
		),
		new RegExp(`(?<![\\p{L}])(?:gli|le)\\s+(?!(?:faccio|farò)\\s+sapere)((?:${VERBS_1SG})(?![\\p{L}]).+)`, 'iu'),
		new RegExp(`^(?:io\\s+)?(?!(?:faccio|farò)\\s+sapere)((?:${VERBS_1SG})(?![\\p{L}]).+)`, 'iu'),
		// "spedire campioni": a to-do written as one.
		/^((?:(?:mandar|inviar|spedir|girar|inoltrar|condivider|presentar)(?:e|gli|le|li)|mettere in contatto|intro)\s+.+)$/iu,
		/(?:^|\s)(?:→\s*|->\s*)?(?<!(?:mi|ci)\s+ha\s)(?:promesso|impegno|todo|to-do|da fare|prossimi passi|next steps?)\s*[:→>-]+\s*(.+)/iu,
		// "campioni x Chiara": a thing for them, written as a reminder.
		/^((?:\S+\s+){0,2}\S+)\s+x\s+\p{Lu}\p{Ll}+$/u
	],
	// After the verb: a word's end ("chiede", not "chiedere a Davide") or the space/apostrophe a cue ends in.
	requestCues: [
		/(?<![\p{L}])(?:vuole|vorrebbe|vogliono|vorrebbero|desidera|desiderano|(?:mi\s+|ci\s+)?ha\s+chiesto|(?:mi\s+|ci\s+)?chiede|(?:le|gli)\s+serv(?:e|ono)|ha\s+bisogno\s+d(?:i\s+|['’])|hanno\s+bisogno\s+d(?:i\s+|['’]))(?<=['’\s]|[\p{L}](?![\p{L}]))\s*(?:(?:anche|pure|inoltre)\s+)?(?!(?:(?:anche|pure|inoltre)\s+)?(?:se(?![\p{L}])|come(?![\p{L}])|quanto|quando|dove|perché|sapere))(\S.*)/iu
	],
	notRequest:
		/^(?!parlare\s|conoscere\s|essere\s+(?:messo|messa)\s+in\s+contatto|incontrare\s|(?:piacere|cantiere|quartiere|carattere|mestiere|dossier|partner|manager|fornitore)(?!\p{L}))\p{L}+(?:are|ere|ire|rre|arsi|ersi|irsi)(?![\p{L}])/iu,
	introCue:
		/^(?:(?:un['’]\s*|una\s+|un\s+|l['’]\s*)?(?:intro(?:duzione)?|presentazione|contatto)\s*(?:a|ad|al|alla|allo|all['’]|ai|agli|alle|con|col|di|del|della|dello|→|->)(?:\s+|(?<=['’]))|(?:parlare|conoscere|incontrare)\s+(?:con\s+)?|essere\s+(?:messo|messa)\s+in\s+contatto\s+con\s+)(.+)/iu,
	eventPlace,
	meetingPlace(fragment) {
		const text = fragment.trim();
		const met = MET.exec(text) ?? LOCATION.exec(text);
		if (met?.[1]) return met[1].split(/\.\s+(?=\p{Lu})/u)[0]!.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
		if (/^stand(?!\p{L})/iu.test(text)) return `allo ${text.replace(/^\S+/, 'stand')}`;
		if (/^(?:pausa\s+(?:caffè|pranzo)|coffee break)$/i.test(text)) return `durante la ${text.toLowerCase()}`;
		if (EVENT_START.test(text) && text.split(/\s+/).length <= 6) return eventPlace(text);
		return null;
	},
	roleCue:
		/^(?!(?:cerc|assum|vuol|vogl|vorr|parl|serv)\p{L}*\s)(?:\S+\s+){0,2}?(?:ceo|cto|cfo|coo|cmo|cio|ciso|vp|head|direttore|direttrice|dir\.?|responsabile|resp\.?|capo|manager|lead|fondatore|fondatrice|co-?fondatore|co-?fondatrice|founder|ingegnere|ing\.?|sviluppatore|sviluppatrice|dev|sre|devops|pm|po|consulente|analista|buyer|acquisti|commerciale|farmacista|medico|dottore|dottoressa|dott\.ssa|dott\.?|prof\.ssa|prof\.?|professore|professoressa|ricercatore|ricercatrice|dottorando|dottoranda|studente|studentessa|coordinatore|coordinatrice|partner|avvocato|avvocata|avv\.?|architetto|arch\.?|designer|hr|recruiter|titolare|amministratore|amministratrice|presidente|socio|socia|lavora|lavorava)(?![\p{L}])(?:\s+(?:\S+\s*){0,7})?$|^(?:(?:una?|piccola|grande|giovane)\s+)?(?:startup|start-up|scaleup|scale-up|azienda|pmi|gruppo|studio\s+(?:legale|tecnico|associato|di)|agenzia|banca|ospedale|cooperativa|associazione|onlus|ong|fondazione|laboratorio|università)(?![\p{L}])(?:\s+(?:\S+\s*){0,6})?$/iu,
	leadIn: LEAD_IN,
	questionCue: QUESTION_CUE,
	ownWords:
		/(?<![\p{L}])(?:nostr[oaie]|ns|vs|vostr[oaie]|noi|possiamo|abbiamo|siamo|facciamo|offriamo|supportiamo|gestiamo|integriamo)(?![\p{L}])/iu,
	indirect: (question) => indirect(question),
	topicPhrase,
	toSecondPerson: toLei,
	action,
	due,
	thing: italianThing
};
