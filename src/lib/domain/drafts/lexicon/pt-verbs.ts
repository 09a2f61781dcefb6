import { bare } from './common';
import { lookup } from './iberian';

/** Portuguese verbs a promise is made of, read in any form a note uses ("enviar-lhe", "mando", "apresentá-la"). */

const list = (text: string) => new Set(text.split(/\s+/));

export const SEND = list('enviar mandar passar partilhar compartilhar encaminhar reencaminhar dar disponibilizar');
export const LOOK = list(
	'revisar rever ver verificar confirmar checar perguntar consultar responder averiguar analisar validar ' +
		'investigar descobrir estudar'
);
export const MEET = list('ligar marcar agendar organizar combinar');
/** Verbs whose object is the person, left out of the message ("ajudar com a migração"). */
export const PERSONAL = list('ajudar apoiar acompanhar orientar');

const OTHER = list(
	'apresentar conectar pôr por colocar preparar escrever fazer buscar procurar testar pedir falar montar fechar ' +
		'propor explicar mostrar contar redigir atualizar desenhar calcular cotar oferecer convidar incluir ' +
		'adicionar avisar recomendar sugerir traduzir tentar tratar'
);
const KNOWN = new Set([...SEND, ...LOOK, ...MEET, ...PERSONAL, ...OTHER]);

// First person and future forms that are not the regular ones.
const IRREGULAR: Record<string, string> = bare({
	faço: 'fazer',
	faco: 'fazer',
	vejo: 'ver',
	revejo: 'rever',
	ponho: 'pôr',
	dou: 'dar',
	peço: 'pedir',
	proponho: 'propor',
	farei: 'fazer',
	porei: 'pôr'
});

/** English verbs of a to-do typed in English in a Portuguese note ("review outbox RFC"). */
export const ENGLISH: Record<string, string> = bare({
	send: 'enviar',
	share: 'enviar',
	forward: 'encaminhar',
	review: 'revisar',
	check: 'verificar',
	confirm: 'confirmar',
	verify: 'verificar',
	ask: 'perguntar',
	call: 'ligar',
	schedule: 'marcar',
	book: 'marcar',
	introduce: 'apresentar',
	connect: 'conectar'
});

const plain = (text: string) => text.replace(/[áâ]/g, 'a').replace(/[éê]/g, 'e').replace(/í/g, 'i').replace(/ô/g, 'o');

/** The infinitive of a verb as a note writes it ("enviar-lhe", "apresentá-la", "mando", "enviarei"), or null. */
export function infinitiveOf(form: string): string | null {
	const word = form.toLowerCase();
	const irregular = lookup(IRREGULAR, word) ?? lookup(ENGLISH, word);
	if (irregular) return irregular;
	// "enviar-lhe", "apresentá-la", "fazê-lo": the infinitive before its pronoun.
	const enclitic = /^(\p{L}+?)-(?:lhe|lhes|te|me|nos|o|a|os|as|lo|la|los|las)$/u.exec(word);
	if (enclitic) {
		const stem = enclitic[1]!;
		const infinitive = /[áêíô]$/.test(stem) ? `${plain(stem)}r` : stem;
		if (KNOWN.has(infinitive) || /r$/.test(infinitive)) return infinitive === 'por' ? 'pôr' : infinitive;
	}
	if (KNOWN.has(word)) return word;
	const later = /^(\p{L}+)(a|e|i)(?:rei|ria|va)$/u.exec(word);
	if (later && KNOWN.has(`${later[1]}${later[2]}r`)) return `${later[1]}${later[2]}r`;
	// "marcamos", "vemos": what we agreed to do together.
	const ours = /^(\p{L}{2,})(a|e|i)mos$/u.exec(word);
	if (ours && KNOWN.has(`${ours[1]}${ours[2]}r`)) return `${ours[1]}${ours[2]}r`;
	const present = /^(\p{L}+?)o$/u.exec(word);
	if (present)
		for (const ending of ['ar', 'er', 'ir']) if (KNOWN.has(`${present[1]}${ending}`)) return `${present[1]}${ending}`;
	return null;
}

/** Whether a to-do's first word reads as an infinitive ("redigir", "preencher"): lowercase, -ar/-er/-ir. */
export function looksInfinitive(word: string): boolean {
	return /^\p{Ll}{3,}[aei]r$/u.test(word);
}
