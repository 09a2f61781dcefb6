import type { DraftLanguage } from './languages';
import { set } from './lexicon/common';
import { wordsOf } from './pieces';

/**
 * Whether a topic phrase reads as a noun phrase a message can say "about": a phrase that still
 * holds a clause of the note ("your cluster is tiny", "sucht Mentor:innen", "comentó de pasada"),
 * their own name, or only a time word would read as the note pasted, so the draft leaves the topic
 * out (or takes the next candidate) rather than write it. These are structural words (subject
 * pronouns, auxiliaries, verbs of talking and reporting), not a list of topics.
 */

const CLAUSE_WORDS: Record<DraftLanguage, string> = {
	en: "i he she they we it's is are was were am be been has have had does did do don't didn't will would can could should wo want wants wanted need needs needed looking said says told talked chatted met mentioned asked swears thinks seemed seems looks",
	de: 'ich er sie wir ist sind war waren bin hat habe hab haben hatte hatten wird werden will kann können sagte sagt meinte meint erzählte erzählt gesprochen geredet gelabert gequatscht getroffen angesprochen gefragt erwähnt sucht suchen braucht brauchen wirkt wirkte wollen möchte möchten plant planen soll sollen muss müssen',
	fr: "je j'ai il elle ils elles on est sont était étaient suis ai as a ont avait avaient va vont sera dit parlé discuté jasé bavardé échangé rencontrée rencontré demandé mentionné raconté cherche cherchent veut veulent semble semblait s'occupe s'intéresse",
	es: 'yo él ella ellos ellas es son era eran fue fueron soy está están estaba estuvo he ha han había dijo dije comentó comenté habló hablamos hablé charlamos conversamos platicamos conocido conocida conocí contó preguntó mencionó busca buscan quiere quieren necesita necesitan parece parecía',
	pt: 'eu ele ela eles elas é são era eram foi foram sou está estão tá estava tem têm tinha vai vão disse falou falei falamos conversamos conheci conhecido conhecida batemos contou perguntou mencionou reclamou procura procuram quer querem precisa precisam parece parecia',
	it: 'io lui lei loro è sono era erano fu sta stanno ho ha hanno aveva avevano va vanno disse detto parlato parlo parlava parlammo chiacchierato discusso incontrata incontrato conosciuta conosciuto chiesto raccontato menzionato cerca cercano vuole vogliono sembra sembrava ero eravamo siamo sei'
};

// "hoy", "heute", "hj": when, never what.
const TIME_WORDS = set(
	"today yesterday tomorrow tonight now later week cw kw woche semaine semana settimana heute gestern morgen jetzt später aujourd'hui hier demain maintenant plus tard hoy ayer mañana ahora luego después hoje hj ontem amanhã agora depois oggi ieri domani adesso ora dopo poi"
);

const CLAUSE_SETS = Object.fromEntries(
	Object.entries(CLAUSE_WORDS).map(([language, words]) => [language, set(words)])
) as Record<DraftLanguage, ReadonlySet<string>>;
const clauseWords = (language: DraftLanguage) => CLAUSE_SETS[language];

// "about", "über", "de", "sobre", "di": what a verb of talking is about starts here.
const ABOUT = set('about on over über von zu sur de du des sobre do da dos das di del della dei degli delle');

// A talk named as a noun, and what it was about ("chat about", "Gespräch über", "charla sobre").
const TALK_NOUNS = set(
	'talk talks chat conversation discussion gespräch unterhaltung austausch échange charla conversación plática conversa papo chiacchierata conversazione discussione'
);
const TALK_ABOUT = set('about on über zu sur sobre su sul sulla sui');

const WANTING = set(
	'want wants wanted need needs looking sucht suchen braucht brauchen cherche cherchent veut veulent busca buscan quiere quieren necesita necesitan procura procuram quer querem precisa precisam cerca cercano vuole vogliono'
);

/**
 * A phrase whose only clause is a lead-in of talking ("Falamos bastante do nosso rastreio de tubos"):
 * what it was about ("nosso rastreio de tubos"), or the phrase as it was.
 */
export function afterTalking(phrase: string, language: DraftLanguage): string {
	const words = phrase.split(/\s+/);
	// "Longue discussion hier soir après la session sur les mobilités résidentielles": what it was about.
	if (words.slice(0, 2).some((w) => TALK_NOUNS.has(w.toLowerCase()))) {
		const about = words.findLastIndex((w, i) => i > 0 && TALK_ABOUT.has(w.toLowerCase()));
		if (about > 0 && words.length - about - 1 >= 1) return words.slice(about + 1).join(' ');
	}
	const clause = clauseWords(language);
	const lastClause = words.findLastIndex((w) => clause.has(wordsOf(w)[0] ?? ''));
	if (lastClause < 0 || lastClause > 2) return phrase;
	// "Wants predictive maintenance", "Busca socio tecnológico": what they are after.
	if (lastClause === 0 && WANTING.has(wordsOf(words[0]!)[0] ?? '') && words.length >= 3)
		return words.slice(words[1]?.toLowerCase() === 'for' ? 2 : 1).join(' ');
	for (let i = lastClause + 1; i <= lastClause + 2 && i < words.length - 1; i++) {
		// "comentó de pasada": an idiom, not what it was about.
		if (ABOUT.has(words[i]!.toLowerCase()) && words.length - i - 1 >= 2) return words.slice(i + 1).join(' ');
	}
	return phrase;
}

// "en español todo el rato", "auf Englisch": the language we spoke, not where we met.
const SPOKEN =
	/^(?:in|auf|en|em|in)\s+(?:english|englisch|deutsch|german|french|français|francés|frances|francês|spanish|spanisch|español|espanhol|spagnolo|portuguese|portugiesisch|portugais|portugués|português|portoghese|italian|italienisch|italien|italiano|inglés|ingles|inglês|anglais|inglese|tedesco|allemand|alemán|alemão|französisch|francese)(?![\p{L}])/iu;

/**
 * The noun phrase a clause of the note starts with ("handwritten amounts are the pain" →
 * "handwritten amounts"), or the value of a "label = value" shorthand ("pain = failover and
 * backups" → "failover and backups"); '' when there is none of two words or more.
 */
export function nounBefore(phrase: string, language: DraftLanguage, functionWords: ReadonlySet<string>): string {
	const label = /^[^=]{1,30}=\s*(.+)$/u.exec(phrase);
	if (label) return label[1]!.trim();
	const words = phrase.split(/\s+/);
	const clause = clauseWords(language);
	const at = words.findIndex((w) => clause.has(wordsOf(w)[0] ?? ''));
	if (at < 2) return '';
	const kept = words.slice(0, at);
	while (kept.length && functionWords.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
	// One word only when it is a noun by its capital ("Spritzgussmaschinen wollen…"), not "used to be…".
	const enough = kept.length >= 2 || /^\p{Lu}/u.test(kept[0] ?? '');
	return enough && kept.some((w) => !functionWords.has(w.toLowerCase())) ? kept.join(' ') : '';
}

/**
 * What a German clause that starts with its verb is about, from its first noun on: "kämpfen massiv
 * mit der Doku-Last" → "Doku-Last", "bauen gerade CSRD-Reporting für 40 Tochtergesellschaften" →
 * "CSRD-Reporting für 40 Tochtergesellschaften" (German nouns are capitalised); '' otherwise.
 */
export function nounAfterVerb(phrase: string, language: DraftLanguage): string {
	if (language !== 'de' || !startsAsClause(phrase, language)) return '';
	const words = phrase.split(/\s+/);
	const noun = words.findIndex((w, i) => i > 0 && /^\p{Lu}/u.test(w));
	return noun > 0 && words.length - noun <= 5 ? words.slice(noun).join(' ') : '';
}

/** Whether a place found in a note ("at the SRE panel Q&A") reads as one, in `language`. */
export function isConfidentPlace(place: string, language: DraftLanguage): boolean {
	const clause = clauseWords(language);
	return !SPOKEN.test(place) && !wordsOf(place).some((w) => clause.has(w));
}

// Who they are, not what was talked about: a topic that starts with their role ("Junior Dev bei nem
// Startup", "Postdoc am Fraunhofer ISE", "programador de um festival") is the note's first line.
const ROLES = set(
	'cto ceo cfo coo cmo cpo vp head manager director engineer developer dev devs founder cofounder co-founder postdoc phd student researcher consultant analyst designer recruiter buyer owner ' +
		'leiter leiterin geschäftsführer geschäftsführerin einkäufer einkäuferin entwickler entwicklerin chefarzt chefärztin doktorand doktorandin inhaber inhaberin gründer gründerin ' +
		'directeur directrice responsable ingénieur ingénieure développeur développeuse chargé chargée fondateur fondatrice doctorant doctorante acheteur acheteuse ' +
		'gerente director directora jefe jefa ingeniero ingeniera programador programadora desarrollador desarrolladora fundador fundadora comprador compradora ' +
		'diretor diretora engenheiro engenheira coordenador coordenadora doutorando doutoranda ' +
		'direttore direttrice responsabile ingegnere sviluppatore sviluppatrice fondatore fondatrice dottorando dottoranda'
);

// A clause, not a noun phrase, by its first words: a gerund ("montando una unidad", "facendo un
// progetto"), "a" + infinitive ("a migrar monólito"), a German verb before an adverb or object
// that is no noun ("kämpfen massiv mit…", "migrieren grad von…": German nouns are capitalised), an
// English verb in -s before a number or an article ("owns 12 stores", "runs a lab").
function startsAsClause(phrase: string, language: DraftLanguage): boolean {
	const [first = '', second = ''] = phrase.split(/\s+/);
	// "aunque se nota que…", "weil sie…": a clause that hangs on another.
	if (SUBORDINATE.has(first.toLowerCase())) return true;
	if (
		(language === 'es' || language === 'pt' || language === 'it') &&
		/^\p{Ll}+(?:ando|iendo|yendo|endo|indo)$/u.test(first)
	)
		return true;
	if ((language === 'es' || language === 'pt') && first === 'a' && /^\p{Ll}+(?:ar|er|ir)$/u.test(second)) return true;
	if (language === 'de' && /^\p{Ll}+(?:en|t)$/u.test(first) && /^\p{Ll}/u.test(second) && !ARTICLE_DE.test(second))
		return true;
	return language === 'en' && /^\p{L}\p{Ll}+s$/u.test(first) && /^(?:\d|a$|an$|the$|their$|his$|her$)/u.test(second);
}
const SUBORDINATE = set(
	'although though because since whereas unless whether weil obwohl dass ob wenn falls sodass parce puisque quoique bien lorsque aunque porque pues mientras embora porque enquanto caso perché sebbene benché mentre poiché'
);
const ARTICLE_DE =
	/^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|und|oder|von|für|mit|zur|zum|im|in|am|an|auf)$/u;

/** Whether `phrase` can be the topic of a message to someone called `theirName`, in `language`. */
export function isConfidentTopic(phrase: string, language: DraftLanguage, theirName: string): boolean {
	const words = wordsOf(phrase);
	if (!words.length) return false;
	if (words.slice(0, 2).some((w) => ROLES.has(w)) || startsAsClause(phrase, language)) return false;
	const clause = clauseWords(language);
	if (words.some((w) => clause.has(w))) return false;
	// "Longue discussion hier soir…", "conversa no intervalo": the talk itself, not what it was about.
	if (words.slice(0, 2).some((w) => TALK_NOUNS.has(w))) return false;
	// "pain = failover and backups", "deck → Ana", "VP Sales @ Kobo Pay": a note's shorthand, not a phrase.
	if (/[=→⇒<>|@]|->/u.test(phrase)) return false;
	// "remote und ca. 2h/Monat": a figure noted down, not a subject of conversation.
	if (/(?:^|\s)(?:ca\.|approx\.?|env\.|aprox\.|circa|~|≈)\s*\d/iu.test(phrase)) return false;
	// "about Sofi Benítez and your colleague Laura": who they are, not what was talked about.
	// Their names, not the particles between them ("von", "de la", "dos"), which are common words too.
	const name = new Set(
		(theirName.match(/\p{Lu}[\p{L}'’]+/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3)
	);
	if (words.some((w) => name.has(w))) return false;
	return !words.every((w) => TIME_WORDS.has(w));
}
