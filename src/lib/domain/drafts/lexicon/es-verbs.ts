import { bare } from './common';
import { lookup } from './iberian';

/** Spanish verbs a promise is made of: read in any form a note uses, written in the form a message needs. */

const list = (text: string) => new Set(text.split(/\s+/));

export const SEND = list('enviar mandar pasar compartir reenviar adjuntar facilitar dar');
export const LOOK = list(
	'revisar mirar comprobar confirmar averiguar preguntar consultar verificar chequear checar validar responder ' +
		'contestar investigar ver estudiar analizar'
);
export const MEET = list('llamar agendar organizar programar coordinar concertar');
/** Verbs whose object is the person ("ayudarte"), not a thing. */
export const PERSONAL = list('ayudar asesorar acompañar apoyar orientar');

const OTHER = list(
	'presentar conectar poner preparar escribir hacer buscar probar pedir hablar montar cerrar proponer explicar ' +
		'enseñar mostrar contar redactar actualizar diseñar calcular cotizar ofrecer invitar incluir añadir agregar ' +
		'avisar recomendar sugerir traducir intentar'
);
const KNOWN = new Set([...SEND, ...LOOK, ...MEET, ...PERSONAL, ...OTHER]);

// First person present and future forms that are not the regular ones.
const IRREGULAR: Record<string, string> = bare({
	veo: 'ver',
	hago: 'hacer',
	pongo: 'poner',
	compruebo: 'comprobar',
	pruebo: 'probar',
	pido: 'pedir',
	doy: 'dar',
	muestro: 'mostrar',
	cuento: 'contar',
	propongo: 'proponer',
	envío: 'enviar',
	reenvío: 'reenviar',
	haré: 'hacer',
	hare: 'hacer',
	pondré: 'poner',
	pondre: 'poner',
	propondré: 'proponer',
	daré: 'dar'
});

/** English verbs of a to-do typed in English in a Spanish note ("review RFC"). */
export const ENGLISH: Record<string, string> = bare({
	send: 'enviar',
	share: 'compartir',
	forward: 'reenviar',
	review: 'revisar',
	check: 'revisar',
	confirm: 'confirmar',
	verify: 'verificar',
	ask: 'preguntar',
	call: 'llamar',
	schedule: 'agendar',
	book: 'agendar',
	introduce: 'presentar',
	connect: 'conectar'
});

const deaccent = (text: string) => text.replace(/[áéí]/g, (c) => ({ á: 'a', é: 'e', í: 'i' })[c] ?? c);

/** The infinitive of a verb as a note writes it ("enviarle", "mando", "revisaré", "mandaría"), or null. */
export function infinitiveOf(form: string): string | null {
	const word = form.toLowerCase();
	const irregular = lookup(IRREGULAR, word) ?? lookup(ENGLISH, word);
	if (irregular) return irregular;
	const enclitic = /^(\p{L}+?[aeiáéí]r)((?:se)?(?:le|les|te|lo|la|los|las|me|nos)+)$/u.exec(word);
	if (enclitic && KNOWN.has(deaccent(enclitic[1]!))) return deaccent(enclitic[1]!);
	if (KNOWN.has(word)) return word;
	const future = /^(\p{L}+)(?:aré|are|aría|aria)$/u.exec(word);
	if (future && KNOWN.has(`${future[1]}ar`)) return `${future[1]}ar`;
	const futureEr = /^(\p{L}+)(e|i)(?:ré|re|ría|ria)$/u.exec(word);
	if (futureEr && KNOWN.has(`${futureEr[1]}${futureEr[2]}r`)) return `${futureEr[1]}${futureEr[2]}r`;
	// "agendamos", "vemos": what we agreed to do together.
	const ours = /^(\p{L}{2,})(a|e|i)mos$/u.exec(word);
	if (ours && KNOWN.has(`${ours[1]}${ours[2]}r`)) return `${ours[1]}${ours[2]}r`;
	const present = /^(\p{L}+?)(?:ío|io|o)$/u.exec(word);
	if (present) {
		const stem = present[1]!;
		const tail = /ío|io$/.test(word) ? 'iar' : '';
		for (const ending of tail ? [tail] : ['ar', 'er', 'ir'])
			if (KNOWN.has(`${stem}${ending}`)) return `${stem}${ending}`;
	}
	return null;
}

/** Whether a to-do's first word reads as an infinitive ("redactar", "rellenar"): lowercase, -ar/-er/-ir. */
export function looksInfinitive(word: string): boolean {
	return /^\p{Ll}{3,}[aei]r$/u.test(word);
}

const FUTURE_STEM: Record<string, string> = bare({
	hacer: 'har',
	poner: 'pondr',
	proponer: 'propondr',
	decir: 'dir',
	tener: 'tendr',
	poder: 'podr',
	saber: 'sabr',
	salir: 'saldr',
	venir: 'vendr',
	querer: 'querr'
});

/** "revisar" → "revisaré": the future, first person, for what I will do. */
export function future(infinitive: string): string {
	const [verb = '', ...rest] = infinitive.split(' ');
	const stem = lookup(FUTURE_STEM, verb) ?? verb;
	return [`${stem}é`, ...rest].join(' ');
}

const PRESENT: Record<string, string> = bare({
	ver: 'veo',
	hacer: 'hago',
	poner: 'pongo',
	comprobar: 'compruebo',
	probar: 'pruebo',
	dar: 'doy',
	mostrar: 'muestro',
	contar: 'cuento',
	enviar: 'envío',
	reenviar: 'reenvío',
	averiguar: 'averiguo'
});

/** "confirmar" → "confirmo": the present, first person ("lo confirmo y te cuento"). */
export function present(infinitive: string): string {
	return lookup(PRESENT, infinitive) ?? infinitive.replace(/(?:ar|er|ir)$/, 'o');
}
