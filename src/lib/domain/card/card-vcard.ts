import { vCardText } from '../contact/vcard-text';
import type { MyCard } from './my-card';
import { sharedCardOf, type SharedCard } from './share-link';

/** A card received in a share-back link as a vCard 3.0 that phones' contact apps import. */
export function sharedCardToVCard(card: SharedCard): string {
	return vCardText({
		name: card.name,
		org: card.company,
		title: card.title,
		phone: card.phone,
		email: card.email,
		urls: [card.link],
		note: card.helpWith && `I can help with: ${card.helpWith}`
	});
}

/**
 * The card as a vCard 3.0 that any phone camera can add to its contacts: the name, plus only the
 * fields the user chose for the QR.
 */
export function cardToVCard(card: MyCard): string {
	return sharedCardToVCard(sharedCardOf(card));
}
