import { bare } from './common';
import { buildTopic, type TopicRules } from '../topic';
import { everywhere, lookup, words } from './iberian';
import { FUNCTION_WORDS, QUESTION_CUE } from './pt-cues';
import { PORTUGUESE_NOUNS, article, genderOf, isPlural, polish, possessive, spell } from './pt-nouns';
import { portugueseThing } from './pt-thing';
import type { Topic } from './types';

const keepCase = (word: string, to: string) => (/^\p{Lu}/u.test(word) ? to.charAt(0).toUpperCase() + to.slice(1) : to);

/** Their things as yours ("o RFC deles" → "o seu RFC"), "ele" as "você" (whose verb is the same). */
export function toSecondPerson(text: string): string {
	return spell(text)
		.replace(
			everywhere(
				String.raw`\b(o|a|os|as|no|na|nos|nas|do|da|dos|das|ao|à|aos|às|pelo|pela)\s+([\p{L}\d-]+(?:\s+[\p{Ll}\d-]+){0,2})\s+(?:dele|dela|deles|delas)\b`
			),
			(_, art: string, noun: string) =>
				`${art} ${possessive(/[aà]s?$/i.test(art) ? 'f' : 'm', /s$/i.test(art))} ${noun}`
		)
		.replace(everywhere(String.raw`\b(?:dele|dela|deles|delas)\b`), '')
		.replace(everywhere(String.raw`\b(?:ele|ela)\b`), (w: string) => keepCase(w, 'você'))
		.replace(everywhere(String.raw`\b(?:eles|elas)\b`), (w: string) => keepCase(w, 'vocês'))
		.replace(/\s+/g, ' ')
		.trim();
}

// "Migrando o monolito" → "a sua migração do monolito": what they are doing, as a noun, and its link.
const NOMINAL: Record<string, [string, string]> = {};
for (const [forms, noun, link] of [
	['migrando migrar', 'migração', 'de'],
	['mudando mudar', 'mudança', 'para'],
	['testando testar', 'testes', 'com'],
	['implementando implementar', 'implementação', 'de'],
	['implantando implantar', 'implantação', 'de'],
	['avaliando avaliar', 'avaliação', 'de'],
	['construindo construir', 'construção', 'de'],
	['desenvolvendo desenvolver', 'desenvolvimento', 'de'],
	['contratando contratar', 'contratação', 'de'],
	['expandindo expandir', 'expansão', 'para'],
	['automatizando automatizar', 'automatização', 'de'],
	['digitalizando digitalizar', 'digitalização', 'de'],
	['redesenhando redesenhar', 'redesenho', 'de'],
	['lançando lançar', 'lançamento', 'de'],
	['substituindo substituir', 'substituição', 'de'],
	['trocando trocar', 'troca', 'de'],
	['procura procuram procurando busca buscam buscando', 'procura', 'de']
] as const)
	for (const form of forms.split(' ')) NOMINAL[form] = [noun, link];

const OWNING =
	'coordena|coordenam|dirige|dirigem|gere|gerem|lidera|lideram|gerencia|gerenciam|comanda|comandam|fundou|fundaram';
const LINKED = /^(?:a|ao|à|de|do|da|dos|das|com|para|em|no|na|sobre|desde)\s/i;
const ARTICLES: Record<string, [string, boolean]> = {
	o: ['m', false],
	um: ['m', false],
	a: ['f', false],
	uma: ['f', false],
	os: ['m', true],
	uns: ['m', true],
	as: ['f', true],
	umas: ['f', true]
};
const NOUN_ENDING =
	/(?:ção|ções|são|sões|dade|dades|mento|mentos|agem|agens|ório|órios|ística|logia|aria|ura|uras|ismo|ncia|ncias)$/;

/** "relatório de cliente" → "o relatório de cliente": a bare common noun after a verb or "de" takes its article. */
export function withArticle(phrase: string): string {
	const [first = '', ...rest] = phrase.split(' ');
	const noun = first.toLowerCase();
	if (first !== noun || !(lookup(PORTUGUESE_NOUNS, noun) || NOUN_ENDING.test(noun))) return phrase;
	return [article(genderOf(noun), isPlural(noun)), first, ...rest].join(' ');
}

function nominalise(text: string): string | null {
	const [verb = '', ...rest] = text.split(/\s+/);
	const tail = rest.join(' ');
	// "precisam de financiamento para o piloto": what they need is the topic.
	if (/^(?:precisa|precisam)$/i.test(verb) && !/^(?:de\s+)?\p{Ll}+[aeiô]r\b/u.test(tail))
		return portugueseThing(tail.replace(/^d(?:e\s+|(?=[oa]s?\s))/i, '')).text;
	if (new RegExp(`^(?:${OWNING})$`, 'i').test(verb)) {
		const [, art = '', noun = ''] = /^(?:(o|a|os|as|um|uma|uns|umas)\s+)?(\S+)/i.exec(tail) ?? [];
		const [gender, plural] = lookup(ARTICLES, art.toLowerCase()) ?? [genderOf(noun), isPlural(noun)];
		const g = gender === 'f' ? 'f' : 'm';
		return `${article(g, plural)} ${possessive(g, plural)} ${tail.replace(/^(?:o|a|os|as|um|uma|uns|umas)\s+/i, '')}`;
	}
	const nominal = lookup(NOMINAL, verb.toLowerCase());
	if (!nominal) return null;
	const [noun, link] = nominal;
	// "estão procurando baixar o CAC": what they seek to do is a plan.
	if (noun === 'procura' && /^\p{Ll}+[aeiô]r\b/u.test(tail)) return `os seus planos de ${tail}`;
	const g = genderOf(noun);
	// "a sua procura de fornecedor": what is sought has no article yet; what is migrated has.
	const object = LINKED.test(tail) ? tail : `${link} ${noun === 'procura' ? tail : withArticle(tail)}`;
	return `${article(g, isPlural(noun))} ${possessive(g, isPlural(noun))} ${noun} ${object}`;
}

const TOPIC_RULES: TopicRules = {
	leadIn: words(
		String.raw`^(?:contou-me|disse-me|me contou|me disse|comentou|contou|explicou)\s+que\s+|^(?:(?:hoje|hj|ontem|também|tb)\s+)?(?:(?:falamos|falámos|conversamos|conversámos|falei|conversei|discutimos|me falou|falou-me|contou-me|me contou)\s+(?:muito\s+|bastante\s+|um pouco\s+|um bocado\s+|sobretudo\s+|principalmente\s+)?(?:de|sobre|acerca de)\s+|(?:tema|temas|assunto|sobre)\s*:\s*)`
	),
	plansCue: words(
		String.raw`^(?:(?:ele|ela|eles|elas|a equipa|a equipe|o time|a empresa)\s+)?(?:quer|querem|queria|queriam|planeia|planeiam|planeja|planejam|pensa em|pensam em|pretende|pretendem|vai|vão|está a pensar em|estão a pensar em|está pensando em|estão pensando em|gostaria de|gostariam de|a ideia é|(?:procura|procuram|busca|buscam)(?=\s+\p{Ll}+[aeiô]r\b))\s+(.+)`
	),
	plans: (phrase) =>
		/^\p{Ll}+[aeiô]r\b/u.test(phrase)
			? `os seus planos de ${phrase.replace(/^(\S+)\s+(.+)$/, (_, verb: string, rest: string) => `${verb} ${withArticle(rest)}`)}`
			: `o seu interesse em ${portugueseThing(phrase).text}`,
	subjectCue: words(
		String.raw`(?:^|\s)(?:ele|ela|eles|elas|a equipa|a equipe|o time|a empresa)\s+(?:(?:já|agora|também|atualmente|ainda)\s+)?(?:(?:está|estão|estava|estavam|tá|tão)\s+(?:a\s+)?)?|^(?:(?:já|agora|atualmente)\s+)?(?:(?:estão|está|tá|tão)\s+(?:a\s+)?)?(?=\p{L}+(?:ando|endo|indo)\b)|^(?:estão|está|tá)\s+a\s+(?=\p{L}+r\b)|^(?=(?:${OWNING}|procura|procuram|busca|buscam|precisa|precisam)\s)`
	),
	nominalise,
	dropVerb: words(
		String.raw`^(?:usa|usam|utiliza|utilizam|tem|têm|faz|fazem|precisa de|precisam de|trabalha com|trabalham com)\s+`
	),
	clauseBreak:
		/[,:;]\s|\s(?:porque|pq|mas|embora|já que|que|onde|quando|enquanto|se|senão|e (?:ele|ela|eles|elas|nós|eu|lhe|me)|é|são|está|estão|era|foi|tem|têm|há|vai|vão|demora|demoram|custa|custam|trava|travam|funciona|falha|falham)\s/iu,
	functionWords: FUNCTION_WORDS,
	keepAtStart: /^(?:o|a|os|as|seu|sua|seus|suas|nosso|nossa|nossos|nossas|como)$/i,
	toSecondPerson,
	and: 'e',
	lowerFirst:
		/^\p{Lu}\p{Ll}+(?:ção|ções|são|sões|dade|dades|mento|mentos|agem|agens|ismo|ia|ias|ica|icas|ico|icos|ado|ada|ados|adas|ante|antes|ente|entes|ura|uras|eza|ncia|ncias|ores|ista|istas)$/u
};

// What they struggle with, as what we talked about: "está custando escalar o Postgres" → "como escalar o Postgres".
const STRUGGLE = words(
	String.raw`^(?:o\s+)?(?:seu\s+|sua\s+)?(?:(?:grande|maior|principal)\s+)?(?:problema|desafio|dor)(?:\s+(?:deles|delas|dele|dela))?\s+(?:é|são)\s+(?:que\s+)?(.+)|^(?:(?:está|estão|tá)\s+(?:custando|difícil|dificil|complicado)\s+(.+))|^(?:têm|tem)\s+(?:problemas|dificuldades?)\s+(?:para|em)\s+(.+)`
);
const VAGUE = words(
	String.raw`^(?:os seus planos de\s+|o seu interesse em\s+)?(?:(?:o|a|os|as)\s+)?(?:algo|alguém|isso|isto|nada|tudo|mais|muito|pouco)$`
);
const COMPANY =
	/^(?:\p{Lu}[\p{L}&.-]*\s+(?:(?:e|and)\s+)?)+(?:Networks|Labs|Inc|Group|Grupo|Bank|Banco|Systems|Technologies|Tech|Solutions|Soluções|Consulting|Partners|Capital|Ventures|Software|Digital|Health|Energy|Foods|Motors|Telecom|SA|Lda|Ltda|GmbH|AG|LLC|Ltd)\.?$/u;
// Destinations take "para" and their article: "exportação EUA" → "exportação para os EUA".
const COUNTRY_ARTICLE: Record<string, string> = bare({
	eua: 'os',
	estados: 'os',
	brasil: 'o',
	japão: 'o',
	canadá: 'o',
	méxico: 'o',
	reino: 'o',
	chile: 'o',
	peru: 'o',
	espanha: 'a',
	frança: 'a',
	alemanha: 'a',
	itália: 'a',
	china: 'a',
	índia: 'a',
	argentina: 'a',
	colômbia: 'a',
	holanda: 'a',
	suíça: 'a',
	europa: 'a',
	ásia: 'a',
	áfrica: 'a'
});

/** The topic of one fragment, as a phrase to the person; null for a company's name or a vague "algo". */
export function ptTopic(fragment: string): Topic | null {
	// A question, a company ("do Inter") or the tail of a sentence ("que fez o mesmo") is no topic.
	if (
		QUESTION_CUE.test(fragment) ||
		/^(?:[Dd]e|[Dd]o|[Dd]a|[Dd]esde)\s+\p{Lu}/u.test(fragment) ||
		/^(?:que|quem|onde|cujo|cuja)\s|^(?:comentei|disse-lhe|expliquei|contei|falei que)\b/iu.test(fragment)
	)
		return null;
	let text = spell(fragment)
		.replace(
			everywhere(
				String.raw`^(?:(?:hoje|hj|também)\s+)?(?:falamos|falámos|conversamos|conversámos|discutimos)\s+(?:muito\s+|um pouco\s+|um bocado\s+)?d(o|a|os|as)\s+`
			),
			(_, article: string) => `${article} `
		)
		.replace(
			everywhere(
				String.raw`\b([Ee]xportação|[Ee]xportações|[Ee]xpansão|[Ee]xportar|[Ee]xpandir)\s+(?=\p{Lu})(\S+)`,
				''
			),
			(_, noun: string, place: string) => `${noun} para ${lookup(COUNTRY_ARTICLE, place.toLowerCase()) ?? ''} ${place}`
		);
	const struggle = STRUGGLE.exec(text);
	if (struggle) text = struggle[1] ?? `como ${struggle[2] ?? struggle[3]}`;
	const topic = buildTopic(text, TOPIC_RULES);
	if (!topic) return null;
	// "como convencer os médicos a usar": a phrase cut after a verb ends before its preposition.
	const phrase = polish(topic.phrase).replace(/(?:\s+(?:de|para|a|em)\s+\p{L}+[aeiô]r)+$/u, '');
	if (VAGUE.test(phrase) || COMPANY.test(phrase) || / e d[oa]s? \p{Lu}/u.test(phrase)) return null;
	if (topic.kind === 'plans' && /^os seus planos de \p{L}+-(?:lo|la|los|las)\b/u.test(phrase)) return null;
	const named = topic.kind === 'np' ? phrase.split(' e ').map(withArticle).join(' e ') : phrase;
	return {
		...topic,
		phrase: polish(named),
		short: polish(topic.kind === 'np' ? withArticle(topic.short) : topic.short)
	};
}
