import { writeVCard } from '../contact/vcard-write';
import type { CardField, MyCard } from './my-card';

/**
 * The card as a vCard 3.0 that any phone camera can add to its contacts: the name, plus only the
 * fields the user chose for the QR.
 */
export function cardToVCard(card: MyCard): string {
	const on = (field: CardField) => (card.onQr.includes(field) ? card[field] : '');
	return writeVCard({
		name: card.name,
		org: on('company'),
		title: on('title'),
		phone: on('phone'),
		email: on('email'),
		urls: [on('link')],
		note: on('helpWith') && `I can help with: ${card.helpWith}`
	});
}
