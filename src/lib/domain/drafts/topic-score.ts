import type { Reading } from './lexicon/types';
import { wordsOf } from './pieces';

/**
 * How likely a fragment of a note is to say what the conversation was about, before it is turned
 * into a phrase: what they struggle with or plan ranks first, who they are and facts with a number
 * last. The words are the six draft languages' (a note mixes them).
 */

// "Booth, day 2", "10:30", "Tag 1": when, not what.
export const MOMENT = /^(?:day|tag|jour|día|dia|giorno)\s*\d+$|^\d{1,2}[:.h]\d{2}(?![\p{L}\p{N}])/iu;

const PAIN =
	/(?:^|[^\p{L}])(?:problem|problems|pain|big pain|struggl\w*|issue|issues|challenge|stuck|mess|headache|nightmare|bottleneck|galère|souci|soucis|problème|problèmes|problem\w*|schmerz|herausforderung|kämpf\w*|chaos|engpass|problema|problemas|dificultad\w*|lío|dolor de cabeza|dificuldade\w*|bagunça|dor de cabeça|difficoltà|sfida|casino|incubo)(?![\p{L}])/iu;

// "Their move from RabbitMQ to Kafka", "they're moving…", "stanno facendo…": what they are doing.
const THEIRS =
	/^(?:their|his|her|ihr|ihre|sein|seine|leur|leurs|son|sa|ses|su|sus|seu|sua|dele|dela|loro|suo)\s|(?:they(?:'re| are| r)|he's|she's)\s+\p{L}+ing(?![\p{L}])|(?:están|estão|estamos|stanno|sta)\s+\p{L}+(?:ando|endo|indo)(?![\p{L}])|^(?:they|ils|elles|sie|ellos|ellas|eles|elas|loro)\s+\p{L}+/iu;

const PLANS =
	/(?:^|[^\p{L}])(?:want(?:s)? to|plan(?:s|ning)? to|need(?:s)? to|wollen|will|möchten|planen|brauchen|müssen|veulent|veut|souhaitent|ont besoin|quieren|quiere|planean|necesitan|necesita|querem|quer|pretendem|precisam|precisa|vogliono|vuole|vorrebbero|hanno bisogno)(?![\p{L}])/iu;

// "Wants to know the price": a question, not a plan.
const WANTS_TO_KNOW =
	/(?:want(?:s)? to know|will wissen|wollen wissen|veut savoir|veulent savoir|quiere saber|quieren saber|quer saber|querem saber|vuole sapere|vogliono sapere)/iu;

// "Interested in oak veneers" (typos too: "Intressiert an"): what they came for.
const INTEREST =
	/(?:^|[^\p{L}])(?:interested in|int?e?ressiert an|intéressée?s? par|interesad[oa]s? en|interessad[oa]s? em|interessat[oi] a)(?![\p{L}])/iu;

// "rebuilding their KYC onboarding flow", "migrando el monolito": an activity.
const ACTIVITY = /^(?:\p{L}+ing|\p{L}+(?:ando|endo|indo))\s/iu;
// "… their KYC flow", "… leur SIRH": something of theirs.
const POSSESSIVE =
	/(?:^|\s)(?:their|his|her|ihr|ihre|ihren|seine|seinen|leur|leurs|son|sa|ses|su|sus|seu|sua|seus|suas|dele|dela|loro|suo|sua)\s/iu;
// "Dr. Adeyemi runs the diabetes outreach programme": what they are in charge of.
const IN_CHARGE =
	/(?:^|\s)(?:runs|leads|manages|heads|coordinates|directs|leitet|verantwortet|dirige|gère|coordonne|coordina|coordena|gestisce|guida)\s/iu;

// "He said we could share…": their idea, reported, rarely the topic.
const REPORTED =
	/^(?:(?:he|she|they|er|sie|il|elle|él|ella|ele|ela|lui|lei)\s+)?(?:said|mentioned|meinte|sagte|erwähnte|a dit|disait|dijo|comentó|disse|comentou|ha detto|diceva)(?![\p{L}])/iu;

const ORGANISATION =
	/^(?:\S+\s+){0,3}(?:ngo|startup|start-up|scale-?up|agency|company|firm|bank|neobank|fintech|insurtech|healthtech|edtech|hospital|cooperative|coop|ong|usina|empresa|agencia|agência|fábrica|banca|azienda|gruppo|mutuelle|versicherung|firma|verein|asociación|associação|associazione)(?![\p{L}])/iu;

// "ca. 60 Maschinen", "~40 community health workers", "3 CNC lines", "brauchen ca. 3.000 m²": a fact.
const COUNT =
	/^(?:ca\.?|approx\.?|env\.?|aprox\.?|~|≈|circa|cerca de|unos|unas|about)?\s*\d|(?:ca\.|approx\.|env\.|aprox\.|~|≈)\s*\d/iu;

/** What people ask to be sent or given: a request for one of these is theirs to answer, not the topic. */
const DELIVERABLE =
	/(?:^|[^\p{L}])(?:an?|the|some|our|my|un|une|des|le|la|les|notre|nos|el|los|las|una|unos|unas|nuestro|nuestra|nuestros|o|os|as|uma?|nosso|nossa|il|lo|gli|nostro|nostra|ein|eine|einen|den|die|das|unser|unsere|unseren)\s|(?:trial|demo|démo|quote|price|pricing|deck|slides|intro|access|sample|samples|template|proposal|offer|case study|whitepaper|docs?|documentation|datasheet|contact|call|meeting|info|list|report|angebot|testphase|zugang|preis|preise|muster|unterlagen|kontakt|termin|vorlage|devis|tarifs?|accès|essai|échantillons?|proposition|offre|rendez-vous|présentation|precio|presupuesto|propuesta|prueba|muestras?|acceso|contacto|cotización|catálogo|informe|reunión|llamada|visita|videollamada|reunião|chamada|riunione|chiamata|incontro|orçamento|proposta|teste|amostras?|acesso|contato|catálogo|preço|preventivo|listino|prova|campioni|accesso|contatto|offerta|catalogo|documentazione)(?![\p{L}])/iu;

/** Whether what they asked for is something to send or give them (a trial, the deck, an intro). */
export function isDeliverable(thing: string): boolean {
	return DELIVERABLE.test(` ${thing}`);
}

/** A fragment's rank as the topic: higher is likelier. */
export function fragmentScore(
	fragment: string,
	reading: Reading,
	context: { question: boolean; names: ReadonlySet<string> }
): number {
	let score = 1;
	// "Gespräch mit Frau Yilmaz am Stand", "Sofi Benítez + su compañera": who, not what (but
	// "Dr. Adeyemi runs the diabetes outreach programme…" says what they do).
	const content = wordsOf(fragment).filter((w) => w.length >= 3 && !reading.functionWords.has(w));
	if (content.some((w) => context.names.has(w)) && content.filter((w) => !context.names.has(w)).length <= 3)
		score -= 1.5;
	if (wordsOf(fragment).filter((w) => w.length >= 3 && !reading.functionWords.has(w)).length < 2) score -= 0.5;
	if (REPORTED.test(fragment)) score -= 0.75;
	if (reading.leadIn.test(fragment)) score += 3;
	if (PAIN.test(fragment)) score += 1.5;
	if (PLANS.test(fragment) && !WANTS_TO_KNOW.test(fragment)) score += 1.5;
	// "Wants to know the costs": a question for me, not the topic.
	if (WANTS_TO_KNOW.test(fragment)) score -= 1;
	if (INTEREST.test(fragment)) score += 1.5;
	if (THEIRS.test(fragment)) score += 1.5;
	else if (POSSESSIVE.test(fragment)) score += 0.5;
	if (ACTIVITY.test(fragment)) score += 0.5;
	if (IN_CHARGE.test(fragment)) score += 1;
	if (ORGANISATION.test(fragment)) score -= 1;
	if (COUNT.test(fragment)) score -= 0.5;
	if (context.question) score -= 0.25;
	return score;
}

/** Whether a fragment says what they plan or need ("want to", "brauchen"): its own topic bonus. */
export function isPlan(fragment: string): boolean {
	return PLANS.test(fragment);
}
