import { francAll } from 'franc-min';
import type { DraftLanguage } from './languages';

const ISO_639_3: Record<string, DraftLanguage> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it' };

// The words that tell a short note's language best: its function words. Trigram models (franc)
// read a note full of English product names as English; these lists outvote them.
const FUNCTION_WORDS: Record<DraftLanguage, ReadonlySet<string>> = {
	en: words(
		'the and to of for with on at about is are was wants want asked she he they their his her i we our my will send promised met talked from in it this that not but also'
	),
	de: words(
		'der die das und zu den dem mit auf für von über ist sind wir ich er sie ihm ihr ihn unser unsere will wollen möchte hat haben nicht aber auch noch bei nach wie ein eine einen schicken versprochen getroffen kurz schon ob'
	),
	fr: words(
		'le la les et à de des du un une pour sur avec est sont il elle ils nous je lui leur leurs notre veut a au aux en pas mais aussi chez dans qui que promis envoyer rencontré'
	),
	es: words(
		'el la los las y de del un una para por con es son está están él ella le les su sus nuestro quiere pidió en pero también que lo al muy prometí enviar conocí mandar'
	),
	pt: words(
		'o a os as e de do da dos das um uma para por com é são está ele ela lhe seu sua nosso nossa quer pediu em no na mas também que ao à muito prometi enviar conheci mandar não'
	),
	it: words(
		'il lo la i gli le e di del della un una per con è sono lui lei gli suo sua nostro nostra vuole ha in nel nella ma anche che al alla molto promesso mandare incontrato non'
	)
};

function words(list: string): ReadonlySet<string> {
	return new Set(list.split(' '));
}

// Letters only some of the six languages write.
const LETTERS: [RegExp, DraftLanguage[]][] = [
	[/[äöüß]/i, ['de']],
	[/[ãõç]/i, ['pt']],
	[/[ñ¿¡]/i, ['es']],
	[/[èìòù]/i, ['it', 'fr']],
	[/[êâîôûœ]/i, ['fr', 'pt']]
];

// Spellings one of two close languages has: Spanish "propuesta", "quiere" (the diphthongs
// Portuguese does not make: "proposta", "quer"); Portuguese "-ção", "-ões", "lh", "nh".
const SPELLINGS: [RegExp, DraftLanguage][] = [
	[/^(?!qu)\p{L}*[^q](?:ue|ie)\p{L}+$|^\p{L}+ción$|^\p{L}+ciones$/u, 'es'],
	[/ção$|ções$|ão$|ões$|\p{L}lh\p{L}|\p{L}nh\p{L}/u, 'pt'],
	[/zion[ei]$|\p{L}gli\p{L}*$|cch|\p{L}ggi/u, 'it']
];

/**
 * The language a note was written in, among the six a draft can be written in, or null when the
 * note does not say (a list of product names). Function words decide; where they tie, the
 * letters and franc's trigram model do.
 */
export function detectLanguage(text: string): DraftLanguage | null {
	const plain = text
		.replace(/https?:\/\/\S+|\S+@\S+/g, ' ')
		.replace(/[\p{N}]+/gu, ' ')
		.toLowerCase();
	const tokens = plain.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
	const score = new Map<DraftLanguage, number>();
	for (const [language, list] of Object.entries(FUNCTION_WORDS) as [DraftLanguage, ReadonlySet<string>][]) {
		score.set(language, tokens.filter((t) => list.has(t)).length);
	}
	for (const [letters, languages] of LETTERS) {
		if (letters.test(plain)) for (const language of languages) score.set(language, (score.get(language) ?? 0) + 0.5);
	}
	for (const [spelling, language] of SPELLINGS) {
		const found = tokens.filter((t) => spelling.test(t)).length;
		score.set(language, (score.get(language) ?? 0) + Math.min(1.5, found * 0.5));
	}
	// franc's trigrams only decide where the function words do not (a short note ties easily:
	// "Robotics grants in Bavaria" has one English word and one Italian one), and only on enough text.
	const byWords = [...score.values()].sort((a, b) => b - a);
	const wordsDecide = (byWords[0] ?? 0) >= 1 && (byWords[0] ?? 0) - (byWords[1] ?? 0) >= 1;
	const letters = plain.replace(/[^\p{L}]/gu, '').length;
	if (!wordsDecide && letters >= 30) {
		const [best, second] = francAll(plain, { only: Object.keys(ISO_639_3), minLength: 12 });
		const language = best && ISO_639_3[best[0]];
		if (language && !(second && second[1] > 0.98)) score.set(language, (score.get(language) ?? 0) + 1);
	}
	const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
	const [first, second] = ranked;
	if (!first || first[1] < 0.75 || first[1] === second?.[1]) return null;
	return first[0];
}
