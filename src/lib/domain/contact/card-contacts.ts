/**
 * A card may carry several email addresses and phone numbers. The contact has one of each (the
 * card's preferred one, see vcard.ts); the others are kept as a line of the conversation's note,
 * the one place a person's extra details are stored and synced without another column. So is the
 * card's own note (a vCard or MECARD NOTE).
 */

/** Every valid email address and phone number a card carried, normalised, most preferred first. */
export interface CardContacts {
	emails: string[];
	phones: string[];
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
// A number as typed ("+44 20 7946 0958") against its stored form ("+442079460958").
const samePhone = (a: string, b: string) => {
	const digits = (text: string) => text.replace(/\D/g, '');
	return digits(a) !== '' && digits(a) === digits(b);
};

/**
 * The card's emails and phones that are not the contact's main ones as they stand now: if the
 * person picks another of them as the main one, the card's first choice is kept among the others.
 */
export function otherContacts(contacts: CardContacts | undefined, main: { email: string; phone: string }): string[] {
	if (!contacts) return [];
	return [
		...contacts.emails.filter((email) => !sameEmail(email, main.email)),
		...contacts.phones.filter((phone) => !samePhone(phone, main.phone))
	];
}

/** The note line that keeps them ("Also on their card: …"), or '' when there are none. */
export function otherContactsLine(others: readonly string[]): string {
	return others.length ? `Also on their card: ${others.join(', ')}` : '';
}

/** The note line that keeps what the card itself said in its note, or '' when it said nothing. */
export function cardNoteLine(cardNote: string | undefined): string {
	const text = cardNote?.trim();
	return text ? `Note on their card: ${text}` : '';
}
