import { table } from './common';
import { everywhere, lookup, replaceWords } from './iberian';

/** A Portuguese noun's gender: its article ("o", "a"), its possessive ("o seu", "a sua") follow it. */
export type Gender = 'm' | 'f';

// The nouns people promise or ask for at events, English loanwords included ("o deck", "a demo").
const KNOWN = table<Gender>([
	[
		'm',
		'caso relatório deck pitch whitepaper paper documento dossiê link vídeo video contato contacto acesso ' +
			'orçamento preço plano projeto projecto piloto estudo exemplo resumo rascunho contrato acordo código repo ' +
			'repositório script tutorial manual catálogo folheto brief briefing feedback email e-mail mail pdf excel ' +
			'sdk crm erp lms rfc kpi mvp nda webinar trial teste workshop evento painel artigo post blog podcast modelo ' +
			'formulário questionário template calendário roadmap dashboard sandbox onboarding software protótipo sensor ' +
			'conector módulo pacote serviço produto programa tema sistema problema esquema dia mapa desconto cliente time ' +
			'fornecedor datasheet backend frontend app aplicativo guia convite certificado conteúdo monolito processo ' +
			'atendimento jurídico departamento'
	],
	[
		'f',
		'proposta demo apresentação documentação informação lista planilha oferta cotação fatura ficha amostra ' +
			'prova licença agenda chamada call reunião visita api newsletter landing página url keynote checklist ' +
			'folha tabela base rede fase classe parte solução integração configuração ferramenta plataforma versão ' +
			'beta startup empresa cadeia loja poc sessão intro introdução consultoria auditoria equipa equipe ' +
			'certificação análise usf cortiça exportação'
	]
]);

const MASCULINE_A = new Set(
	'problema sistema tema programa esquema idioma clima dilema panorama diagrama dia mapa planeta'.split(' ')
);
const FEMININE_O = new Set(['foto', 'moto', 'tribo']);

/** The singular of a Portuguese noun ("reuniões" → "reunião", "mensagens" → "mensagem"). */
function singularOf(word: string): string {
	return word
		.replace(/ções$/, 'ção')
		.replace(/sões$/, 'são')
		.replace(/ões$/, 'ão')
		.replace(/ns$/, 'm')
		.replace(/(?<=[aeiouáéíóúâêô])s$/, '');
}

/** The gender of a noun: known, or from its ending (-ção, -dade, -agem, -a: feminine; -o, -or: masculine). */
export function genderOf(noun: string): Gender {
	const word = noun.toLowerCase();
	const singular = singularOf(word);
	const known = lookup(KNOWN, word) ?? lookup(KNOWN, singular);
	if (known) return known;
	if (/(?:ção|são|cao|sao|dade|agem|gem|ie|tude|ise)$/.test(singular)) return 'f';
	if (/a$/.test(singular)) return MASCULINE_A.has(singular) ? 'm' : 'f';
	return FEMININE_O.has(singular) ? 'f' : 'm';
}

const SINGULAR_S = /(?:is|us|ss|ás|ês|ís|ós|ús|mês|gás|lápis|vírus|bónus|bônus)$/i;

/** A word in the plural: a lowercase -s (not "mês", not "SaaS"), or an acronym's "KPIs". */
export function isPlural(word: string): boolean {
	if (/^\p{Lu}{2,}s$/u.test(word)) return true;
	return /[a-záéíóúâêôãõç]s$/.test(word) && !SINGULAR_S.test(word);
}

/** "o", "a", "os", "as". */
export function article(gender: Gender, plural: boolean): string {
	return `${gender === 'f' ? 'a' : 'o'}${plural ? 's' : ''}`;
}

/** "seu", "sua", "seus", "suas": what belongs to the person, by the noun's gender. */
export function possessive(gender: Gender, plural: boolean): string {
	return `${gender === 'f' ? 'sua' : 'seu'}${plural ? 's' : ''}`;
}

/** Shorthand a message spells out, and accents a quick note leaves off. */
const SPELLED: Record<string, string> = Object.fromEntries(
	(
		'q:que pq:porque tb:também tbm:também mkt:marketing hj:hoje vc:você vcs:vocês msg:mensagem qdo:quando ' +
		'td:tudo mto:muito dps:depois tá:está pra:para pro:para_o pros:para_os pras:para_as doc:documentação ' +
		'docs:documentação config:configuração info:informação relatorio:relatório relatorios:relatórios ' +
		'orcamento:orçamento orcamentos:orçamentos servico:serviço servicos:serviços preco:preço precos:preços ' +
		'mao:mão nao:não ate:até voce:você voces:vocês tambem:também proxima:próxima proximo:próximo ' +
		'reuniao:reunião negocio:negócio negocios:negócios numero:número codigo:código pagina:página ' +
		'tecnico:técnico tecnica:técnica juridico:jurídico logistica:logística saude:saúde agencia:agência ' +
		'experiencia:experiência licenca:licença analise:análise metricas:métricas historico:histórico ' +
		'area:área video:vídeo modulo:módulo catalogo:catálogo credito:crédito publico:público medico:médico ' +
		'medicos:médicos pratico:prático unico:único rapido:rápido facil:fácil dificil:difícil ' +
		'automatico:automático ja:já possivel:possível disponivel:disponível responsavel:responsável util:útil ' +
		'mes:mês tres:três usuario:usuário usuarios:usuários cenario:cenário calendario:calendário'
	)
		.split(' ')
		.map((pair) => pair.split(':').map((w) => w.replace(/_/g, ' ')) as [string, string])
);

/** Shorthand spelled out ("pra 20 contas" → "para 20 contas", "pro Gustavo" → "para o Gustavo"), accents restored. */
export function spell(text: string): string {
	return replaceWords(
		text
			.replace(everywhere(String.raw`\bp\/\s*`), 'para ')
			.replace(everywhere(String.raw`\bc\/\s*`), 'com ')
			.replace(/\/(ano|mês|mes|dia|semana)\b/giu, (_, unit: string) => ` por ${unit === 'mes' ? 'mês' : unit}`)
			.replace(
				everywhere(String.raw`\b(\p{L}{2,})(c|ç|s)(ao|oes|ões)\b`),
				(_, stem: string, c: string, end: string) => `${stem}${c === 's' ? 's' : 'ç'}${end === 'ao' ? 'ão' : 'ões'}`
			),
		SPELLED
	)
		.replace(/\s+/g, ' ')
		.trim();
}

export { KNOWN as PORTUGUESE_NOUNS };

/** The last pass over a Portuguese text: "de o" → "do", "em a" → "na", "a o" → "ao", "a a" → "à", "por o" → "pelo". */
export function polish(text: string): string {
	return text
		.replace(everywhere(String.raw`\bde (o|a|os|as)\b`, ''), (_, a: string) => `d${a}`)
		.replace(everywhere(String.raw`\bem (o|a|os|as)\b`, ''), (_, a: string) => `n${a}`)
		.replace(everywhere(String.raw`\bpor (o|a|os|as)\b`, ''), (_, a: string) => `pel${a}`)
		.replace(everywhere(String.raw`\ba (o|os)\b`, ''), (_, a: string) => `a${a}`)
		.replace(everywhere(String.raw`\ba (a|as)\b`, ''), (_, a: string) => (a === 'a' ? 'à' : 'às'));
}
