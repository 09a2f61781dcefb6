import { set } from './common';
import { words } from './iberian';

/** Articles, prepositions, pronouns, conjunctions and auxiliaries: never a topic on their own. */
export const FUNCTION_WORDS = set(
	'o a os as um uma uns umas e ou nem mas que q de do da dos das em no na nos nas num numa ao aos à às pelo pela ' +
		'pelos pelas por para pra pro com sem sobre entre até desde durante contra após como quando onde se não nao ' +
		'sim já muito muita muitos muitas mais menos também tb tbm meu minha meus minhas seu sua seus suas nosso ' +
		'nossa nossos nossas me te lhe lhes vos eu tu ele ela eles elas você vocês vc vcs este esta estes estas ' +
		'esse essa esses essas isto isso aquele aquela é são está estão estava era eram foi foram ser estar tem ' +
		'têm ter há vai vão vou vamos pode podem qual quais quem porque pq etc vs via cerca aprox e.g ex tá dele ' +
		'dela deles delas'
);

// A verb written as a promise: an infinitive with its pronoun, a first person, a future or conditional.
const INFINITIVE = String.raw`\p{L}+?[aeiô]r(?:-(?:lhe|lhes|te|me|nos|o|a|os|as|lo|la|los|las))?|\p{L}+?[áêíô]-(?:lo|la|los|las)`;
const FIRST =
	'mando|envio|passo|partilho|compartilho|encaminho|reviso|revejo|vejo|verifico|confirmo|checo|pergunto|consulto|' +
	'respondo|apresento|preparo|organizo|marco|agendo|ligo|escrevo|faço|dou|busco|procuro|ajudo|ponho|coloco|' +
	'conecto|mostro|explico|proponho|trato';
const LATER = String.raw`\p{L}{3,}(?:arei|erei|irei|aria|eria|iria|ava)|farei`;
const TO_DO =
	'proposta|orçamento|orcamento|cotação|cotacao|oferta|deck|whitepaper|demo|intro|acesso|doc|docs|documentação|relatório|relatorio|amostra|amostras|trial|poc';
const CLITICS = String.raw`(?:(?:lhe|lhes|te|eu)\s+)*`;
const PROMISED = String.raw`prometi|prometemos|fiquei de|ficamos de|combinei|combinamos|combinámos|me comprometi|comprometi-me|disse que|falei que|vou|vamos|tenho que|tenho de|(?:lhe|te|eu)\s+(?:${FIRST}|${LATER})|^(?:${FIRST})`;
// What starts the second of two promises: a verb, or a promise of its own ("e combinei de…").
const NEXT = String.raw`(?:${INFINITIVE}|${FIRST}|${LATER}|(?:prometi|combinei|combinamos|fiquei|ficamos|disse|falei)\b|vou\s|\p{L}{3,}(?:amos|emos|imos))`;

export const PROMISE_CUES: readonly RegExp[] = [
	// "Prometi enviar-lhe o estudo … e ver se conseguimos uma demo": the last of two promises, then the first.
	words(String.raw`(?<=\b(?:${PROMISED})\b.*)\s(?:e)\s+((?:que\s+)?${CLITICS}${NEXT}(?![\p{L}-]).*)`),
	words(String.raw`\b(?:(?:lhe|te)\s+)?(?:prometi|prometemos)(?:-lhe)?\s+(?:que\s+|q\s+)?(.+)`),
	words(String.raw`\b(?:fiquei|ficamos)\s+de\s+(.+)`),
	words(String.raw`\b(?:ofereci-me|me\s+ofereci|ofereci|oferecemo-nos)\s+(?:para\s+|pra\s+|p\/\s*|a\s+)?(.+)`),
	words(String.raw`\b(?:combinei|combinamos|combinámos)\s+(?:de\s+|que\s+|q\s+|em\s+)(.+)`),
	words(String.raw`\b(?:me\s+comprometi|comprometi-me|nos\s+comprometemos)\s+a\s+(.+)`),
	words(
		String.raw`\b(?:disse|dissemos|falei|falamos)(?:-lhe)?\s+que\s+(?:(?:a|o|as|os)\s+(?=\p{L}+(?:ava|ria|rei|o)\b))?(${CLITICS}(?:${FIRST}|${LATER}|vou|vamos)\b.+)`
	),
	words(String.raw`\b${CLITICS}(?:vou|vamos|tenho que|tenho de|temos que|temos de|fico de)\s+(.+)`),
	words(String.raw`(?:\be\s+)?(?:\bque\s+)?\b(?:lhe|te|eu)\s+((?:${FIRST}|${LATER})\b.+)`),
	words(
		String.raw`^(?:eu|todo|to-?do|pendente|pendentes|próximos passos|proximos passos|next steps?|ação|acao|ações)\s*[:→>-]+\s*(.+)`
	),
	words(String.raw`^((?:${FIRST})\b.+)`),
	words(
		String.raw`^((?:mandar|enviar|passar|partilhar|compartilhar|encaminhar|apresentar|revisar|rever|confirmar|verificar|checar|perguntar|consultar|responder|preparar|agendar|marcar|organizar|intro|send|share|review|confirm|check)\b.+)`
	),
	// "Rodrigo -> intro com Ana Torres": an intro on a line of its own, unless they asked for it.
	words(String.raw`^(?!.*\b(?:pediu|pede|quer|querem|queria|procura|precisa)\b)(.*\bintros?\b.+)$`),
	// A to-do typed as a thing: "orçamento 20 contas", "demo USF março".
	words(
		String.raw`^(?!.*\b(?:é|são|está|estão|acaba|acabam|termina|vence|tem|têm|foi|foram|vai|vão|custa|demora|gostou|adorou)\b)((?:${TO_DO})\b(?:\s+\S+){0,4})$`
	)
];

// A question written to oneself ("Head de dados do Itaú?"): none of our words, nobody asking.
const OWN = String.raw`noss\p{L}*|nós|vocês|vcs|pergunt\p{L}*|dúvida\p{L}*|duvida\p{L}*|saber|\p{L}+(?:amos|emos|imos)`;

/** Opinions, reminders and notes to self: never written to the person. */
export const PRIVATE_CUE = words(
	String.raw`\b(?:achei|acho que|acho q|parece(?:u)? que|parece q|parecia|não me parece|nao me parece|me parece|talvez|provavelmente|se calhar|desconfiad\p{L}*|cétic\p{L}*|cetic\p{L}*|céptic\p{L}*|kkk+|rs(?:rs)+|haha\p{L}*|hehe\p{L}*|lol|sem grana|sem dinheiro|sem orçamento|sem budget|não tem (?:dinheiro|orçamento|budget|poder)|poder de decisão|quem decide|decisão (?:final|é)|decisor\p{L}*|não (?:mencionar|falar|dizer|comentar|contar)|nao (?:mencionar|falar|dizer|comentar|contar)|atenção\s*:|simpátic\p{L}*|simpatic\p{L}*|chat[oa]|metid[oa]|arrogante|fala (?:muito|mu+ito|demais)|gente boa|bem fechad[oa]|muito fechad[oa]|bom sinal|mau sinal|cara (?:muito|bem|meio|super)|voltar a ligar|ligar de novo|lembrar de)\b|^(?:sim|não|nao|ok)$|^(?:(?:até|na|no|para)\s+)?(?:amanhã|amanha|hoje|hj|segunda|terça|quarta|quinta|sexta|sábado|domingo|esta semana|semana que vem|próxima semana)(?:-feira)?$|^(?![^?]*\b(?:${OWN})\b)[^?]*\?$`
);

const ASKABLE =
	'demo|demos|demonstração|preço|preços|preco|precos|orçamento|orcamento|cotação|cotacao|proposta|oferta|intro|' +
	'introdução|contato|contacto|info|informação|informações|informacao|documentação|doc|docs|caso|casos|exemplo|' +
	'exemplos|referência|referências|trial|teste|piloto|acesso|amostra|amostras|reunião|reuniao|call|chamada|visita|' +
	'deck|whitepaper|relatório|estudo|ficha|catálogo|licença|desconto|poc|detalhes';

export const REQUEST_CUES: readonly RegExp[] = [
	words(
		String.raw`\b(?:me\s+|nos\s+)?(?:pediu|pede|pediram|solicitou)(?:-me|-nos)?\s+(?:que\s+(?:eu\s+)?(?:lhe\s+)?)?(.+)`
	),
	words(
		String.raw`\b(?:quer|querem|queria|queriam|precisa|precisam|procura|procuram|está procurando|estão procurando|está à procura de|(?:tem|têm) interesse (?:em|no|na|nos|nas)|interessad[oa]s?\s+(?:em|no|na|nos|nas))\s+((?:(?:uma?|o|a|os|as|mais)\s+)?(?:${ASKABLE})\b.*)`
	),
	words(String.raw`\b(?:quer|querem|queria|gostaria)\s+((?:conhecer|ser apresentad[oa])\s+.+)`)
];

export const INTRO_CUE = words(
	String.raw`^(?:(?:uma?|o|a)\s+)?(?:intro|introdução|contato|contacto|conhecer|ser apresentad[oa])\s*(?:ao|à|aos|às|a|com|pro|pra|para o|para a|para|do|da|de|→|->|:)?\s+(.+)`
);

export const QUESTION_CUE = words(
	String.raw`^(?:(?:ele|ela)\s+)?(?:me\s+)?(?:perguntou|pergunta(?:\s+em\s+aberto)?|perguntas|questão(?:\s+em\s+aberto)?|dúvida|duvida|dúvidas|duvidas|quer saber|queria saber|q(?=\s*:))(?:\s+(?:dele|dela|deles|delas))?\s*(?::\s*|,\s*|-\s*|se\s+|(?=(?:sobre|por|que|o que|quanto|quanta|quantos|quantas|como|quando|onde|qual|quais|quem)\s))`
);

export const OWN_WORDS = words(String.raw`\b(?:noss[oa]s?|nós|vocês|vcs|a gente)\b|(?:^|\s)\p{L}+(?:amos|emos|imos)\b`);

export const ROLE_CUE = words(
	String.raw`^(?:trabalha|trabalham|trabalhou|trabalhava)\s+(?:em|no|na|para|com)\s|^(?:\S+\s+){0,2}(?:cto|ceo|cfo|coo|cmo|cpo|ciso|cio|vp|head|diretor|diretora|director|directora|dir|gerente|gestor|gestora|chefe|responsável|responsavel|coordenador|coordenadora|fundador|fundadora|cofundador|cofundadora|co-?founder|founder|sócio|sócia|socio|socia|consultor|consultora|engenheiro|engenheira|eng|analista|arquiteto|arquiteta|arquitecto|arquitecta|desenvolvedor|desenvolvedora|dev|product manager|pm|designer|médico|médica|medico|advogado|advogada|professor|professora|investigador|investigadora|pesquisador|pesquisadora|estudante|comprador|compradora|presidente|partner|manager|recruiter|staff|engineer|lead)\b\.?(?:\s+(?:de|do|da|dos|das|em|no|na|@|para|of|at|compras|vendas|marketing|mkt|finanças|operações|rh|produto|dados|ti|it|sistemas|tecnologia|engenharia|inovação|digital|comercial)\b.*)?$`
);

/** "Falámos de", and what they are in the middle of ("estão a migrar", "migrando"): what the talk was about. */
export const TALK = String.raw`^(?:contou-me|disse-me|me contou|me disse|comentou|contou|explicou)\s+que\s+|^(?:(?:hoje|hj|ontem|também|tb)\s+)?(?:(?:falamos|falámos|conversamos|conversámos|falei|conversei|discutimos|me falou|falou-me|contou-me|me contou)\s+(?:muito\s+|bastante\s+|um pouco\s+|um bocado\s+|sobretudo\s+|principalmente\s+)?(?:de|do|da|dos|das|sobre|acerca de)\s+|(?:tema|temas|assunto)\s*:\s*)`;
export const LEAD_IN = words(
	String.raw`${TALK}|^(?:(?:ele|ela|eles|elas|a equipa|a equipe|o time)\s+)?(?:está|estão|esta|estao|tá|tão)\s+(?:a\s+\p{L}+r|\p{L}+ndo)\b|^(?!(?:quando|segundo|fundo|mundo|lindo)\b)\p{L}+(?:ando|endo|indo)\b|\b(?:está|estão|tá)\s+(?:custando|difícil|dificil|complicado)\b`
);
