import { bare, table } from './common';
import { everywhere, lookup, replaceWords } from './iberian';

/** A Spanish noun's gender: the article, a possessive's number and a pronoun ("te lo / te la") follow it. */
export type Gender = 'm' | 'f';

// The nouns people promise or ask for at events, English loanwords included ("el deck", "la demo").
const KNOWN = table<Gender>([
	[
		'm',
		'caso informe reporte deck pitch whitepaper paper documento dossier enlace link vídeo video contacto acceso ' +
			'presupuesto precio plan proyecto piloto estudio ejemplo resumen borrador contrato acuerdo código repo ' +
			'repositorio script tutorial manual catálogo folleto brief briefing feedback email correo mail pdf excel ' +
			'sdk crm erp lms rfc kpi mvp nda webinar trial taller workshop evento panel artículo post blog podcast ' +
			'análisis modelo formulario cuestionario template calendario roadmap dashboard sandbox onboarding software ' +
			'prototipo sensor conector módulo paquete servicio producto programa tema sistema problema esquema día mapa ' +
			'descuento cliente equipo proveedor datasheet one-pager backend frontend'
	],
	[
		'f',
		'propuesta demo presentación documentación información guía lista plantilla oferta cotización factura ficha ' +
			'muestra prueba licencia agenda llamada reunión visita app api newsletter landing web página url keynote ' +
			'checklist hoja tabla base red fase clase parte solución integración configuración herramienta plataforma ' +
			'versión beta startup empresa cadena tienda poc call sesión intro introducción consultoría auditoría'
	]
]);

// Feminine nouns that take "el" (stressed a-), masculine ones in -a, feminine ones in -o.
const STRESSED_A = new Set(['área', 'agua', 'aula', 'alma', 'arma', 'hambre']);
const MASCULINE_A = new Set(
	'problema sistema tema programa esquema idioma clima dilema panorama diagrama día dia mapa'.split(' ')
);
// Clipped from feminine nouns: la foto(grafía), la moto(cicleta), la expo(sición).
const FEMININE_O = new Set(['mano', 'radio', 'foto', 'moto', 'expo']);

/** The gender of a noun: known, or from its ending (-ción, -dad, -a: feminine; -o, -or, -aje: masculine). */
export function genderOf(noun: string): Gender {
	const word = noun.toLowerCase();
	const singular = word.replace(/(?<=[^aeiouáéíóú])es$|(?<=[aeiou])s$/, '').replace(/ion$/, 'ión');
	for (const form of [word, singular]) {
		const known = lookup(KNOWN, form);
		if (known) return known;
	}
	if (/(?:ción|sión|cion|sion|dad|tad|tud|umbre|ie|itis)$/.test(singular)) return 'f';
	if (/sis$/.test(singular)) return singular === 'análisis' || singular === 'analisis' ? 'm' : 'f';
	if (/a$/.test(singular)) return MASCULINE_A.has(singular) ? 'm' : 'f';
	return FEMININE_O.has(singular) ? 'f' : 'm';
}

const SINGULAR_S = /(?:is|us|ss|ás|és|ís|ós|ús|mes|gas|bus)$/i;

/** A word in the plural: a lowercase -s (not "análisis", not "SaaS"), or an acronym's "KPIs". */
export function isPlural(word: string): boolean {
	if (/^\p{Lu}{2,}s$/u.test(word)) return true;
	return /[a-záéíóúñ]s$/.test(word) && !SINGULAR_S.test(word);
}

/** "el", "la", "los", "las" for a noun. */
export function article(gender: Gender, plural: boolean, noun = ''): string {
	if (plural) return gender === 'f' ? 'las' : 'los';
	return gender === 'f' && !STRESSED_A.has(noun.toLowerCase()) ? 'la' : 'el';
}

/** Shorthand a message spells out, and accents a quick note leaves off. */
const SPELLED: Record<string, string> = bare({
	q: 'que',
	pq: 'porque',
	xq: 'porque',
	tb: 'también',
	tmb: 'también',
	tbn: 'también',
	mkt: 'marketing',
	msj: 'mensaje',
	doc: 'documentación',
	docs: 'documentación',
	docu: 'documentación',
	config: 'configuración',
	info: 'información',
	presu: 'presupuesto',
	dias: 'días',
	replicas: 'réplicas',
	metricas: 'métricas',
	tambien: 'también',
	pagina: 'página',
	numero: 'número',
	telefono: 'teléfono',
	codigo: 'código',
	tecnico: 'técnico',
	tecnica: 'técnica',
	proximo: 'próximo',
	proxima: 'próxima',
	ultimo: 'último',
	ultima: 'última',
	electronica: 'electrónica',
	electronicas: 'electrónicas',
	electronico: 'electrónico',
	logistica: 'logística',
	energia: 'energía',
	tecnologia: 'tecnología',
	analisis: 'análisis',
	catalogo: 'catálogo',
	articulo: 'artículo',
	modulo: 'módulo',
	reunion: 'reunión',
	demostracion: 'demostración',
	envio: 'envío'
});

/** Shorthand spelled out ("p/ 20 tiendas" → "para 20 tiendas", "config" kept), accents restored. */
export function spell(text: string): string {
	return replaceWords(
		text
			.replace(everywhere(String.raw`\bp\/\s*`), 'para ')
			.replace(everywhere(String.raw`\bc\/\s*`), 'con ')
			.replace(everywhere(String.raw`\besta(?=\s+\p{L}+(?:ando|iendo)\b)`), 'está')
			.replace(/\/(año|mes|día|semana)\b/giu, (_, unit: string) => ` al ${unit}`)
			.replace(everywhere(String.raw`\b(\p{L}{2,})(c|s)ion(es)?\b`), (_, stem: string, c: string, plural?: string) =>
				plural ? `${stem}${c}iones` : `${stem}${c}ión`
			),
		SPELLED
	)
		.replace(/\s+/g, ' ')
		.trim();
}

export { KNOWN as SPANISH_NOUNS };

/** The last pass over a Spanish text: "a el" → "al", "de el" → "del", "y i-" → "e i-", "o o-" → "u o-". */
export function polish(text: string): string {
	return text
		.replace(everywhere(String.raw`\b(a|de) el\b`, ''), (_, prep: string) => (prep === 'a' ? 'al' : 'del'))
		.replace(everywhere(String.raw`\b([yY]) (?=h?[iIíÍ](?![aeoáéó]))`, ''), (_, y: string) => (y === 'y' ? 'e ' : 'E '))
		.replace(everywhere(String.raw`\bo (?=h?[oOóÓ])`, ''), 'u ');
}
