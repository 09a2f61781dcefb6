import type { DraftLanguage } from './languages';

/**
 * Someone else's promise or offer, reported in the note ("she offered to send me her slides",
 * "Sein CTO hat ihm angeboten…", "me prometió mandarme…"): not a to-do of mine. Matched on the
 * words before what a promise cue caught, so "I promised…" later in the same line still counts.
 */
const OTHERS: Record<DraftLanguage, RegExp> = {
	en: /(?<![\p{L}'’])(?:he|she|they|(?:his|her|their)\s+\p{L}+)\s+(?:\p{L}+ly\s+)?(?:promised|offered|agreed|committed|volunteered|said (?:he|she|they)(?:'d| would| will)|will|'ll|’ll)(?![\p{L}])|(?:promised|offered)\s+(?:me|us)(?![\p{L}])/iu,
	de: /(?<![\p{L}])(?:(?:er|sie)\s+(?:\p{L}+\s+){0,2}(?:hat|hatte|will|wird)|(?:hat|hatte|haben|hatten)\s+(?:\p{L}+\s+){0,3}(?:versprochen|zugesagt|angeboten))(?![\p{L}])/iu,
	fr: /(?<![\p{L}])(?:(?:il|elle|ils|elles)\s+(?:\p{L}+\s+)?(?:m['’]|nous\s+|lui\s+|leur\s+)?(?:a|avait|ont|va|vont)\s+(?:promis|proposé|offert|dit)|(?:il|elle|ils|elles)\s+(?:m['’]|me\s+|nous\s+)?(?:envoie|enverra|envoient))(?![\p{L}])/iu,
	es: /(?<![\p{L}])(?:(?:me|nos)\s+(?:prometió|ofreció|dijo que)|(?:él|ella|ellos|ellas)\s+(?:\p{L}+\s+)?(?:prometió|ofreció|quedó en|va a|me\s+va\s+a))(?![\p{L}])/iu,
	pt: /(?<![\p{L}])(?:(?:me|nos)\s+(?:prometeu|ofereceu|disse que)|(?:ele|ela|eles|elas)\s+(?:\p{L}+\s+)?(?:prometeu|ofereceu|ficou de|vai|me\s+vai))(?![\p{L}])/iu,
	it: /(?<![\p{L}])(?:(?:mi|ci)\s+(?:ha|aveva)\s+(?:promesso|offerto|proposto|detto che)|(?:lui|lei|loro)\s+(?:\p{L}+\s+)?(?:ha|aveva|hanno)\s+(?:promesso|offerto|proposto))(?![\p{L}])/iu
};

/** Whether the words before a promise cue's catch say it is someone else's promise. */
export function isOthersPromise(before: string, language: DraftLanguage): boolean {
	return OTHERS[language].test(before);
}

// Where a promise ends: someone else's clause ("… y él lo comenta con Herrera"), or a condition or
// time of mine ("check with Tomás before I answer").
const ENDS: Record<DraftLanguage, RegExp> = {
	en: /\s+(?:and|but)\s+(?:he|she|they|his|her)\s|\s+(?:before|after|until|once|because|when|so that)\s+(?:i|we|he|she|they)\s/iu,
	de: /\s+(?:und|aber)\s+(?:er|sie|sein|seine|ihr|ihre)\s|\s+(?:bevor|nachdem|sobald|weil)\s/iu,
	fr: /\s+(?:et|mais)\s+(?:il|elle|ils|elles|son|sa|ses)\s|\s+(?:avant que|après que|dès que|parce que)\s/iu,
	es: /\s+(?:y|e|pero)\s+(?:él|ella|ellos|ellas)\s|\s+(?:antes de que|después de que|porque)\s/iu,
	pt: /\s+(?:e|mas)\s+(?:ele|ela|eles|elas)\s|\s+(?:antes que|depois que|porque)\s/iu,
	it: /\s+(?:e|ma)\s+(?:lui|lei|loro)\s|\s+(?:prima che|dopo che|perché)\s/iu
};

/** A promise read from a note, up to where someone else's clause or a condition starts. */
export function promiseOnly(text: string, language: DraftLanguage): string {
	const end = ENDS[language].exec(` ${text} `);
	return end && end.index > 1 ? text.slice(0, end.index - 1).trim() : text;
}
