import { expand } from './it-actions';
import { toLei } from './it-nouns';

const QUESTION_WORD =
	/^(?:come|quanto|quanta|quanti|quante|quando|dove|perché|chi|cosa|che cosa|quale|quali)(?![\p{L}])/iu;

/** "la ns piattaforma è validata GCP?" → "se la nostra piattaforma è validata GCP". */
export function indirect(question: string): string | null {
	let text = expand(question)
		.replace(/[?¿!]+/g, ' ')
		.replace(/\s+o\s+(?:no|meno)\s*$/i, '')
		.replace(/^(?:anche|pure)\s+/i, '')
		.replace(/\s+/g, ' ')
		.trim();
	let prefix = 'se';
	const wh = QUESTION_WORD.exec(text);
	if (wh) {
		prefix = wh[0].toLowerCase();
		text = text.slice(wh[0].length).trim();
	}
	text = text.replace(/^se\s+/i, '');
	text = toLei(
		text
			.replace(/(?<![\p{L}])(il|lo|la|i|gli|le)\s+(?:ns|vs)\s+(\p{L}+)/giu, (_, article: string, noun: string) => {
				const a = article.toLowerCase();
				const owned = a === 'la' ? 'nostra' : a === 'le' ? 'nostre' : a === 'i' || a === 'gli' ? 'nostri' : 'nostro';
				return `${article} ${owned} ${noun}`;
			})
			.replace(/(?<![\p{L}])(?:ns|vs)(?![\p{L}])/giu, 'nostro')
			// "la vostra app funziona offline?" in their words is a question about ours.
			.replace(/(?<![\p{L}])vostr([oaie])(?![\p{L}])/giu, 'nostr$1')
			// "il tool fa disaster recovery?": what a product does, in the words of a letter.
			.replace(/(?<![\p{L}])fa\s+(?!parte|fatica|male|bene|già|anche|più|sì|no(?![\p{L}]))(?=\p{L})/giu, 'gestisce ')
	);
	const words = text.split(' ').filter(Boolean);
	if (words.length < 2 || /(?<![\p{L}])(?:lui|egli|ella|loro)(?![\p{L}])/u.test(text)) return null;
	return `${prefix} ${words.slice(0, 10).join(' ')}`.replace(
		/\s+(?:e|o|di|a|con|per|su|in|da|del|della|il|la|le)$/i,
		''
	);
}
