import { expand } from './fr-actions';
import { toVous } from './fr-nouns';
import { infinitiveOf, nousForm, nousFromVous, vousForm } from './fr-verbs';

const QUESTION_WORD = /^(?:comment|combien|quand|où|pourquoi|quel|quelle|quels|quelles|qui)(?![\p{L}])/iu;

/** "on s'intègre à Shopify ?" → "si nous pouvons nous intégrer à Shopify"; "leur logiciel" → "votre logiciel". */
export function indirect(question: string): string | null {
	let text = expand(question)
		.replace(/[?¿!]+/g, ' ')
		.replace(/\s+ou\s+(?:pas|non)\s*$/i, '')
		.replace(/^(?:est-ce\s+qu['’]\s*|est-ce\s+que\s+)/i, '')
		.replace(/\s+/g, ' ')
		.trim();
	let prefix = 'si';
	const wh = QUESTION_WORD.exec(text);
	if (wh) {
		prefix = wh[0].toLowerCase();
		text = text
			.slice(wh[0].length)
			.replace(/^\s*(?:est-ce\s+qu['’]\s*|est-ce\s+que\s+)/i, '')
			.trim();
	} else if (/^(?:que|qu['’]|quoi)(?:\s|(?<=['’]))/i.test(text)) {
		prefix = 'ce que';
		text = text.replace(/^(?:que|qu['’]|quoi)\s*/i, '');
	}
	text = text
		.replace(/^(?:si\s+|s['’](?=ils?\s))/i, '')
		// "vos serveurs sont-ils en France": the inverted pronoun goes; "vos" is their word for ours.
		.replace(/(\p{L})-(?:t-)?(?:ils|elles|il|elle|on)(?![\p{L}])/gu, '$1')
		.replace(
			/(?<![\p{L}])vous\s+((?:(?:l['’]|le|la|les|en|y|n['’]|ne)\s*)*)(\p{Ll}+)/u,
			(_, clitics: string, verb: string) => `nous ${clitics}${nousFromVous(verb)}`
		)
		.replace(/(?<![\p{L}])votre(?![\p{L}])/giu, 'notre')
		.replace(/(?<![\p{L}])(?:vos|vs)(?=\s+\p{L})/giu, 'nos');
	text = text
		// Reflexive "on s'intègre": "nous nous intégrons" would read as a doubled word.
		.replace(
			/(?<![\p{L}])on\s+(?:se|s['’])\s*(\p{L}+)/iu,
			(_, verb: string) => `nous pouvons nous ${infinitiveOf(verb)}`
		)
		.replace(
			/(?<![\p{L}])(?:ils|elles)\s+(?:se|s['’])\s*(\p{L}+)/iu,
			(_, verb: string) => `vous pouvez vous ${infinitiveOf(verb)}`
		)
		.replace(
			/(?<![\p{L}])on\s+((?:(?:l['’]|le|la|les|en|y|n['’]|ne)\s*)*)(\p{Ll}+)/u,
			(_, clitics: string, verb: string) => `nous ${clitics}${nousForm(verb)}`
		)
		.replace(
			/(?<![\p{L}])(?:ils|elles)\s+((?:(?:l['’]|le|la|les|en|y|n['’]|ne)\s*)*)(\p{Ll}+)/u,
			(_, clitics: string, verb: string) => `vous ${clitics}${vousForm(verb)}`
		)
		.replace(/(?<![\p{L}])marche(?![\p{L}])/giu, 'fonctionne')
		.replace(/(?<![\p{L}])marchent(?![\p{L}])/giu, 'fonctionnent')
		.replace(/(?<![\p{L}])ns(?![\p{L}])/giu, 'nos')
		// "notre outil fait du SSO ?": what a product does, in the words of a letter.
		.replace(/(?<![\p{L}])fait\s+(du|de la|de l['’]|des)\s*/giu, (_, partitive: string) =>
			partitive === 'du'
				? 'gère le '
				: partitive === 'des'
					? 'gère les '
					: partitive === 'de la'
						? 'gère la '
						: "gère l'"
		);
	text = toVous(text);
	const words = text.split(' ').filter(Boolean);
	if (words.length < 2 || /(?<![\p{L}'’])(?:il|elle|lui|leur|leurs|ils|elles)(?![\p{L}])/iu.test(text)) return null;
	const clause = `${prefix} ${words.slice(0, 10).join(' ')}`;
	return clause.replace(/\s+(?:et|ou|de|à|avec|pour|sur|en|par|du|des|la|le|les)$/i, '');
}
