import { set } from './common';
import { words } from './iberian';

/** Articles, prepositions, pronouns, conjunctions and auxiliaries: never a topic on their own. */
export const FUNCTION_WORDS = set(
	'el la los las lo un una unos unas y e o u ni pero sino que q de del a al en con sin por para p sobre entre ' +
		'hasta desde hacia según segun durante mediante contra tras como cómo cuando cuándo donde dónde si sí no ya ' +
		'muy más mas menos también tambien tb tmb tampoco mi mis tu tus su sus nuestro nuestra nuestros nuestras ' +
		'me te se le les nos os yo tú él ella ellos ellas usted ustedes este esta estos estas ese esa esos esas ' +
		'esto eso aquel aquella es son está esta están estan era eran fue fueron ser estar ha han he hemos hay ' +
		'haber tiene tienen puede pueden va van voy vamos qué cuál cual quién quien porque pq etc vs via vía ' +
		'unas unos aprox p.ej ej antes después despues'
);

// A verb written as a promise: an infinitive with its pronouns, a first person, a future or conditional.
const INFINITIVE = String.raw`\p{L}+?[aeiáéí]r(?:se)?(?:le|les|te|lo|la|los|las|me|nos)*`;
const FIRST =
	'mando|envío|envio|paso|comparto|reenvío|reviso|miro|compruebo|confirmo|averiguo|pregunto|consulto|verifico|' +
	'chequeo|presento|preparo|organizo|agendo|llamo|escribo|hago|doy|busco|respondo|contesto|adjunto|ayudo|pongo|' +
	'conecto|muestro|enseño|explico|propongo';
const LATER = String.raw`\p{L}{3,}(?:aré|eré|iré|aría|ería|iría)|haré|pondré|propondré`;
const TO_DO =
	'propuesta|presupuesto|cotización|cotizacion|oferta|deck|whitepaper|demo|intro|acceso|doc|docs|documentación|informe|muestra|muestras|trial|poc';
const CLITICS = String.raw`(?:(?:se|le|les|te|lo|la|los|las)\s+)*`;
const PROMISED = String.raw`prometí|prometi|prometimos|ofrecí|ofreci|quedé en|quede en|quedamos en|me comprometí|me comprometi|dije que|dijimos que|voy a|vamos a|tengo que|(?:le|les|te|se lo|se la)\s+(?:${FIRST}|${LATER})`;
// What starts the second of two promises: a verb, or a promise of its own ("y le dije que…").
const NEXT = String.raw`(?:${INFINITIVE}|${FIRST}|${LATER}|(?:le\s+|les\s+)?(?:dije|dijimos|prometí|prometi|ofrecí|ofreci)\b|quedamos en|quedé en|quede en|me comprometí a|\p{L}{3,}(?:amos|emos|imos))`;

export const PROMISE_CUES: readonly RegExp[] = [
	// "Le prometí mandarle acceso … y presentarle a Rodrigo": the last of two promises, then the first.
	words(String.raw`(?<=\b(?:${PROMISED})\b.*)\s(?:y|e)\s+((?:que\s+)?${CLITICS}${NEXT}\b.+)`),
	words(String.raw`\b(?:le\s+|les\s+|te\s+)?(?:prometí|prometi|prometimos|ofrecí|ofreci)\s+(?:que\s+|q\s+)?(.+)`),
	words(String.raw`\b(?:quedé|quede|quedamos)\s+en\s+(?:que\s+|q\s+)?(.+)`),
	words(String.raw`\b(?:me\s+comprometí|me\s+comprometi|nos\s+comprometimos)\s+a\s+(.+)`),
	words(
		String.raw`\b(?:dije|dijimos|comenté|comente)\s+(?:que|q)\s+(${CLITICS}(?:${FIRST}|${LATER}|voy a|vamos a)\b.+)`
	),
	words(String.raw`\b${CLITICS}(?:voy a|vamos a|tengo que|tenemos que|me encargo de)\s+(.+)`),
	words(String.raw`(?:\b(?:y|e)\s+)?(?:\bque\s+)?\b(?:se\s+(?:lo|la|los|las)|le|les|te)\s+((?:${FIRST}|${LATER})\b.+)`),
	words(
		String.raw`^(?:yo|to-?do|todo|pendiente|pendientes|próximos pasos|proximos pasos|next steps?|acción|accion|acciones)\s*[:→>-]+\s*(.+)`
	),
	words(String.raw`^((?:${FIRST})\b.+)`),
	words(
		String.raw`^((?:mandar|enviar|pasar|compartir|reenviar|presentar|revisar|confirmar|averiguar|consultar|preguntar|comprobar|responder|contestar|preparar|agendar|organizar|intro|send|share|review|confirm|check)\b.+)`
	),
	// "Rodrigo -> intro con Ana Torres": an intro on a line of its own, unless they asked for it.
	words(String.raw`^(?!.*\b(?:pidió|pidio|pide|quiere|quieren|quería|queria|busca|necesita)\b)(.*\bintros?\b.+)$`),
	// A to-do typed as a thing: "demo tienda piloto", "propuesta cadena de frío".
	words(
		String.raw`^(?!.*\b(?:es|son|está|están|acaba|acaban|termina|vence|tiene|tienen|fue|fueron|va|van|cuesta|tarda|gustó|encantó)\b)((?:${TO_DO})\b(?:\s+\S+){0,4})$`
	)
];

// A question written to oneself ("valentina de rappi?"): none of our words, nobody asking.
const OWN = String.raw`nuestr\p{L}*|nosotr\p{L}*|ustedes|vosotros|pregunt\p{L}*|duda\p{L}*|saber|\p{L}+(?:amos|emos|imos|áis|éis)`;

/** Opinions, reminders and notes to self: never written to the person. */
export const PRIVATE_CUE = words(
	String.raw`\b(?:parec(?:e|ía|ia|ió|io|en|ían|ian)|creo que|creo q|me da que|me da la sensación|seguramente|probablemente|quizás?|tal vez|ojo|no mencionar|no decir(?:lo|le)?|no comentar|jaja\p{L}*|jeje\p{L}*|lol|escéptic\p{L}*|esceptic\p{L}*|majo|maja|simpátic\p{L}*|simpatic\p{L}*|pesad[oa]|borde|arrogante|caótic\p{L}*|caotic\p{L}*|habla mu+cho|me ca(?:yó|yo|e) (?:muy )?bien|muy cerrad[oa]|tip[oa] muy|sin presupuesto|no tiene (?:ni un|presupuesto|dinero|pasta|plata|un duro)|ni un euro|presupuesto (?:bajo|ajustado|limitado)|decisor\p{L}*|quien decide|no decide|volver a (?:llamar|escribir|contactar)\p{L}*|llamar(?:le|la)? en|hacer seguimiento|dar seguimiento|no me fío|no me fio|ni idea|uf+|buf+)\b|^(?:sí|si|no|ok|vale)$|^(?:(?:para|el|este|antes del?|hasta el)\s+)?(?:mañana|manana|hoy|pasado mañana|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|esta semana|la semana que viene|la próxima semana|semana que viene)$|^(?![^?]*\b(?:${OWN})\b)[^?]*\?$`
);

const ASKABLE =
	'demo|demos|demostración|precio|precios|tarifa|tarifas|presupuesto|cotización|cotizacion|propuesta|oferta|intro|' +
	'introducción|contacto|info|información|informacion|documentación|documentacion|doc|docs|caso|casos|ejemplo|ejemplos|' +
	'referencia|referencias|trial|prueba|piloto|acceso|muestra|muestras|reunión|reunion|llamada|visita|deck|whitepaper|' +
	'informe|estudio|ficha|catálogo|catalogo|licencia|descuento|poc|detalles';

export const REQUEST_CUES: readonly RegExp[] = [
	words(
		String.raw`\b(?:me\s+|nos\s+)?(?:pidió|pidio|pide|pidieron|solicitó|solicito)\s+(?:que\s+(?:le\s+|les\s+)?(?:pasara|pasase|enviara|enviase|mandara|mandase|diera|diese|compartiera|hiciera llegar)?\s*)?(.+)`
	),
	words(
		String.raw`\b(?:quiere|quieren|querría|quería|queria|necesita|necesitan|busca|buscan|le interesa|les interesa|le interesaría|está buscando|están buscando|interesad[oa]s?\s+en)\s+((?:(?:una?s?|el|la|los|las|más|mas)\s+)?(?:${ASKABLE})\b.*)`
	),
	words(
		String.raw`\b(?:quiere|quieren|quería|queria|le gustaría|les gustaría)\s+((?:que\s+le\s+presente|conocer)\s+a\s+.+)`
	)
];

export const INTRO_CUE = words(
	String.raw`^(?:(?:una?|el|la)\s+)?(?:intro|introducción|contacto|que le presente|que le presentara|presentara|presente|presentarle|conocer)\s*(?:a la|a|al|con|de la|del|de|→|->|:)?\s+(.+)`
);

export const QUESTION_CUE = words(
	String.raw`^(?:(?:él|ella)\s+)?(?:me\s+)?(?:pregunta(?:\s+abierta)?|preguntas|preguntó|pregunto|duda|dudas|su duda|su pregunta|quiere saber|quería saber|queria saber|q(?=\s*:))\s*(?::\s*|,\s*|-\s*|si\s+|(?=(?:por|sobre|qué|que|cuánto|cuanto|cuánta|cuanta|cuántos|cuantos|cómo|como|cuándo|cuando|dónde|donde|cuál|cual|quién|quien)\s))`
);

export const OWN_WORDS = words(
	String.raw`\b(?:nuestr[oa]s?|nosotr[oa]s|nos|ustedes|uds|vosotros|os)\b|(?:^|[\s¿])\p{L}+(?:amos|emos|imos|áis|éis)\b`
);

export const ROLE_CUE = words(
	String.raw`^(?:trabaja|trabajan|trabajó|trabajaba)\s+(?:en|para|con)\s|^(?:\S+\s+){0,2}(?:cto|ceo|cfo|coo|cmo|cpo|ciso|cio|vp|svp|head|director|directora|dir|jefe|jefa|responsable|gerente|fundador|fundadora|cofundador|cofundadora|co-?founder|founder|socio|socia|consultor|consultora|ingeniero|ingeniera|ing|analista|arquitecto|arquitecta|desarrollador|desarrolladora|dev|product manager|pm|agrónomo|agrónoma|agronomo|médico|médica|medico|abogado|abogada|profesor|profesora|investigador|investigadora|doctorando|doctoranda|estudiante|comprador|compradora|diseñador|diseñadora|designer|coordinador|coordinadora|presidente|presidenta|partner|manager|recruiter|staff|eng|engineer)\b\.?(?:\s+(?:de|del|en|@|para|of|at|compras|ventas|marketing|mkt|finanzas|operaciones|rrhh|producto|datos|ti|it|sistemas|tecnología|ingeniería|innovación|digital|comercial)\b.*)?$`
);

/** "Hablamos de", and what they are living through ("les está costando", "están probando"): what the talk was about. */
export const TALK = String.raw`^(?:me\s+)?(?:contó|conto|dijo|comentó|comento|explicó|explico)\s+que\s+|^(?:(?:hoy|ayer|también|tb)\s+)?(?:(?:hablamos|charlamos|conversamos|comentamos|estuvimos hablando|me habló|me hablo|me contó|me conto)\s+(?:mucho\s+|sobre todo\s+|un poco\s+|un rato\s+|un buen rato\s+|bastante\s+)?(?:de|del|sobre|acerca de)\s+|(?:tema|temas)\s*:\s*)`;
export const LEAD_IN = words(
	String.raw`${TALK}|^(?:a\s+\p{L}+\s+)?(?:les|le)\s+(?:está|esta|están|estan)\s+costando\b|^(?:les|le)\s+cuestan?\b|^(?:(?:él|ella|ellos|ellas|el equipo)\s+)?(?:está|están|esta|estan)\s+\p{L}+(?:ando|iendo)\b`
);
