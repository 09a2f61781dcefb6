/**
 * A .vcf file as phones and address books export it: many cards one after another, any line
 * endings, sometimes junk (a mail header, a blank line, a byte-order mark) between them. Only the
 * BEGIN:VCARD … END:VCARD blocks are cut out here; each card is read by `readVCard`.
 */

const BEGIN = /^BEGIN:VCARD\s*$/i;
const END = /^END:VCARD\s*$/i;
// vCard 2.1 can embed a card in a card: "AGENT:" followed by a whole BEGIN…END block.
const AGENT = /^(?:[^.:;]*\.)?AGENT[;:]/i;

/**
 * The cards of a .vcf file as separate texts, in file order. A card cut off before its
 * END:VCARD (the next BEGIN:VCARD or the end of the file comes first) is kept as it is; a 2.1
 * AGENT card embedded in another card is left out of both.
 */
export function splitVCards(text: string): string[] {
	const cards: string[] = [];
	let current: string[] | null = null;
	let nested = 0;
	const close = () => {
		if (current && current.length > 1) cards.push(current.join('\r\n'));
		current = null;
	};
	for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
		if (!current) {
			// Anything between cards is not a card: skipped unread.
			if (BEGIN.test(line)) current = [line];
			continue;
		}
		if (nested > 0) {
			if (BEGIN.test(line)) nested++;
			else if (END.test(line)) nested--;
			continue;
		}
		if (BEGIN.test(line)) {
			if (AGENT.test(current.at(-1) ?? '')) {
				nested = 1;
				continue;
			}
			close();
			current = [line];
		} else if (END.test(line)) {
			current.push(line);
			close();
		} else {
			current.push(line);
		}
	}
	close();
	return cards;
}
