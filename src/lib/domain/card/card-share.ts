import type { MyCard } from './card-model';
import { cardLink, sharedCardOf } from './share-link';

/** What "Copy link" and "Share" hand on: the link to my card page, with a few words naming me. */
export interface CardShare {
	title: string;
	text: string;
	url: string;
}

/**
 * My card's link (the one the QR code holds in its link mode) for the share sheet, with a short
 * text that names me ("Ada Lovelace's contact card"): a chat app shows it beside the link, a mail
 * app makes it the subject.
 */
export function cardShare(card: MyCard, origin: string): CardShare {
	const text = `${card.name}'s contact card`;
	return { title: text, text, url: cardLink(sharedCardOf(card), origin) };
}
