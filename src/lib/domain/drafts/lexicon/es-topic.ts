import { buildTopic, type TopicRules } from '../topic';
import { FUNCTION_WORDS, QUESTION_CUE } from './es-cues';
import { SPANISH_NOUNS, article, genderOf, isPlural, polish, spell } from './es-nouns';
import { spanishThing } from './es-thing';
import { everywhere, lookup, words } from './iberian';
import type { Topic } from './types';

const PEOPLE = String.raw`él|ella|ellos|ellas`;

/** Their things as yours ("su equipo" → "tu equipo", "el RFC de ellos" → "tu RFC"), with "tú" verbs for "él". */
export function toSecondPerson(text: string): string {
	const keepCase = (word: string, to: string) =>
		/^\p{Lu}/u.test(word) ? to.charAt(0).toUpperCase() + to.slice(1) : to;
	return spell(text)
		.replace(
			everywhere(String.raw`\b(el|la|los|las)\s+(\p{L}+)\s+de\s+(?:${PEOPLE})\b`),
			(_, art: string, noun: string) => `${/s$/i.test(art) ? 'tus' : 'tu'} ${noun}`
		)
		.replace(everywhere(String.raw`\b(sus?)\b`), (w: string) => keepCase(w, w.length > 2 ? 'tus' : 'tu'))
		.replace(everywhere(String.raw`\bsuy(o|a|os|as)\b`), (_, end: string) => `tuy${end}`)
		.replace(everywhere(String.raw`\b(?:${PEOPLE})\s+(es|va|ha|\p{L}+[ae])\b`), (_, verb: string) =>
			verb === 'es' ? 'eres' : `${verb}s`
		);
}

// "Migrando a Kafka" → "tu migración a Kafka": what they are doing, as a noun, and how it links to its object.
const NOMINAL: Record<string, [string, string]> = {
	migrando: ['migración', 'a'],
	pasando: ['paso', 'a'],
	moviendo: ['paso', 'a'],
	probando: ['pruebas', 'con'],
	testeando: ['pruebas', 'con'],
	implantando: ['implantación', 'de'],
	implementando: ['implementación', 'de'],
	evaluando: ['evaluación', 'de'],
	buscando: ['búsqueda', 'de'],
	construyendo: ['construcción', 'de'],
	desarrollando: ['desarrollo', 'de'],
	contratando: ['contratación', 'de'],
	expandiendo: ['expansión', 'a'],
	automatizando: ['automatización', 'de'],
	digitalizando: ['digitalización', 'de'],
	rediseñando: ['rediseño', 'de'],
	lanzando: ['lanzamiento', 'de'],
	renovando: ['renovación', 'de'],
	sustituyendo: ['sustitución', 'de'],
	reemplazando: ['sustitución', 'de'],
	cambiando: ['cambio', 'de'],
	busca: ['búsqueda', 'de'],
	buscan: ['búsqueda', 'de']
};
const OWNING = 'dirige|dirigen|lleva|llevan|gestiona|gestionan|coordina|coordinan|lidera|lideran|fundó|fundaron';
const LINKED = /^(?:a|al|de|del|con|hacia|desde|para|en|sobre)\s/i;

function nominalise(text: string): string | null {
	const [verb = '', ...rest] = text.split(/\s+/);
	const tail = rest.join(' ');
	// "necesitan financiación para el piloto": what they need is the topic.
	if (/^(?:necesita|necesitan)$/i.test(verb) && !/^\p{Ll}+[aeií]r\b/u.test(tail)) return spanishThing(tail).text;
	if (new RegExp(`^(?:${OWNING})$`, 'i').test(verb)) {
		const [, noun = ''] = /^(?:(?:el|la|los|las|un|una|unos|unas)\s+)?(\S+)/i.exec(tail) ?? [];
		return `${isPlural(noun) ? 'tus' : 'tu'} ${tail.replace(/^(?:el|la|los|las|un|una|unos|unas)\s+/i, '')}`;
	}
	const nominal = lookup(NOMINAL, verb.toLowerCase());
	if (!nominal) return null;
	const [noun, link] = nominal;
	// "están buscando bajar el CAC": what they seek to do is a plan.
	if (noun === 'búsqueda' && /^\p{Ll}+[aeií]r\b/u.test(tail)) return `tu plan de ${tail}`;
	return `${isPlural(noun) ? 'tus' : 'tu'} ${noun} ${LINKED.test(tail) ? tail : `${link} ${tail}`}`;
}

const TOPIC_RULES: TopicRules = {
	leadIn: words(
		String.raw`^(?:me\s+)?(?:contó|conto|dijo|comentó|comento|explicó|explico)\s+que\s+|^(?:(?:hoy|ayer|también|tb)\s+)?(?:(?:hablamos|charlamos|conversamos|comentamos|estuvimos hablando|me habló|me hablo|me contó|me conto)\s+(?:mucho\s+|sobre todo\s+|un poco\s+|un rato\s+|un buen rato\s+|bastante\s+)?(?:de|sobre|acerca de)\s+|(?:tema|temas|sobre)\s*:\s*)`
	),
	plansCue: words(
		String.raw`^(?:(?:${PEOPLE}|el equipo|su equipo|la empresa)\s+)?(?:quiere|quieren|querría|querrían|planea|planean|piensa|piensan|pretende|pretenden|van a|va a|está pensando en|están pensando en|tiene pensado|tienen pensado|le gustaría|les gustaría|su idea es|la idea es|(?:busca|buscan)(?=\s+\p{Ll}+[aeií]r\b))\s+(.+)`
	),
	plans: (phrase) =>
		/^\p{Ll}+[aeií]r(?:se|lo|la|los|las|le|les)?\b/u.test(phrase)
			? `tu plan de ${phrase}`
			: `tu interés en ${spanishThing(phrase).text}`,
	subjectCue: words(
		String.raw`(?:^|\s)(?:${PEOPLE}|el equipo|su equipo|la empresa)\s+(?:(?:ya|ahora|también|actualmente|todavía)\s+)?(?:(?:está|están|estaba|estaban|esta|estan)\s+)?|^(?:(?:ya|ahora|actualmente)\s+)?(?:(?:están|está|estan|esta)\s+)?(?=\p{L}+(?:ando|iendo)\b)|^(?=(?:${OWNING}|busca|buscan|necesita|necesitan)\s)`
	),
	nominalise,
	dropVerb: words(
		String.raw`^(?:usa|usan|utiliza|utilizan|tiene|tienen|hace|hacen|necesita|necesitan|trabaja con|trabajan con)\s+`
	),
	clauseBreak:
		/[,:;]\s|\s(?:porque|pq|pero|aunque|ya que|que|donde|cuando|mientras|si|sino|y (?:ellos|ella|él|nosotros|yo|les|le|nos|me|lo)|tarda|tardan|cuesta|cuestan|es|son|está|están|era|fue|tiene|tienen|hay|va|van|lleva|llevan|sirve|sirven|funciona|falla|fallan)\s/iu,
	functionWords: FUNCTION_WORDS,
	keepAtStart: /^(?:el|la|los|las|tu|tus|nuestro|nuestra|nuestros|nuestras|cómo)$/i,
	toSecondPerson,
	and: 'y',
	lowerFirst:
		/^\p{Lu}\p{Ll}+(?:ción|ciones|sión|siones|dad|dades|miento|mientos|aje|ajes|ismo|ía|ías|ica|icas|ico|icos|ado|ada|ados|adas|ante|antes|ente|entes|ura|uras|eza|ncia|ncias|ores|ista|istas)$/u
};

// What they struggle with, as what we talked about: "les está costando escalar Postgres" → "cómo escalar Postgres".
const STRUGGLE = words(
	String.raw`^(?:su|el|tu)\s+(?:(?:gran|mayor|principal)\s+)?(?:problema|reto|dolor|desafío|lío)\s+(?:es|son)\s+(?:que\s+)?(.+)|^(?:a\s+\p{L}+\s+)?(?:les|le)\s+(?:está|esta|están|estan)\s+costando\s+(.+)|^(?:les|le)\s+cuestan?\s+(.+)|^(?:tienen|tiene)\s+(?:problemas|dificultades)\s+para\s+(.+)`
);
const VAGUE = words(
	String.raw`^(?:tu (?:plan de|interés en)\s+)?(?:(?:el|la|los|las)\s+)?(?:algo|alguien|eso|esto|nada|todo|más|mucho|poco)$`
);
const COMPANY =
	/^(?:\p{Lu}[\p{L}&.-]*\s+(?:(?:y|e|and)\s+)?)+(?:Networks|Labs|Inc|Group|Grupo|Bank|Banco|Systems|Technologies|Tech|Solutions|Soluciones|Consulting|Partners|Capital|Ventures|Software|Digital|Health|Energy|Foods|Motors|Telecom|SA|SL|SAS|Ltda|GmbH|AG|LLC|Ltd)\.?$/u;

const NOUN_ENDING =
	/(?:ción|ciones|sión|siones|dad|dades|miento|mientos|aje|ajes|ística|logía|ería|ura|uras|ismo|ncia|ncias)$/;

/** "expansión a Brasil" → "la expansión a Brasil": a topic that starts on a common noun takes its article. */
function withArticle(phrase: string): string {
	const [first = '', ...rest] = phrase.split(' ');
	if (first !== first.toLowerCase() || !(lookup(SPANISH_NOUNS, first) || NOUN_ENDING.test(first))) return phrase;
	return polish([article(genderOf(first), isPlural(first), first), first, ...rest].join(' '));
}

/** The topic of one fragment, as a phrase to the person; null for a company's name or a vague "algo". */
export function esTopic(fragment: string): Topic | null {
	// A question, a company ("de Rappi") or the tail of a sentence ("que hizo lo mismo") is no topic.
	if (
		QUESTION_CUE.test(fragment) ||
		/^(?:[Dd]e|[Dd]el|[Dd]esde)\s+\p{Lu}/u.test(fragment) ||
		/^(?:que|quien|quienes|donde|cuyo|cuya)\s|^(?:le|les)\s+(?:comenté|comente|dije|expliqué|explique|conté|conte)\b/iu.test(
			fragment
		)
	)
		return null;
	let text = spell(fragment).replace(
		everywhere(String.raw`^(?:hablamos|charlamos|conversamos|comentamos)\s+(?:mucho\s+|un poco\s+|un rato\s+)?del\s+`),
		'el '
	);
	const struggle = STRUGGLE.exec(text);
	if (struggle) text = struggle[1] ?? `cómo ${struggle[2] ?? struggle[3] ?? struggle[4]}`;
	const topic = buildTopic(text, TOPIC_RULES);
	if (!topic) return null;
	// "cómo convencer a los médicos de usar": a phrase cut after a verb ends before its preposition.
	const phrase = polish(topic.phrase).replace(/(?:\s+(?:de|para|a|en)\s+\p{L}+[aeií]r)+$/u, '');
	if (VAGUE.test(phrase) || COMPANY.test(phrase) || / y (?:de|del) \p{Lu}/u.test(phrase)) return null;
	// "quieren bajarlo a minutos": a plan that only a pronoun says the object of.
	if (topic.kind === 'plans' && /^tu plan de \p{L}+[aeií]r(?:lo|la|los|las)\b/u.test(phrase)) return null;
	const named = topic.kind === 'np' ? phrase.split(' y ').map(withArticle).join(' y ') : phrase;
	return { ...topic, phrase: named, short: polish(topic.kind === 'np' ? withArticle(topic.short) : topic.short) };
}
