import type { CardErrors, MyCard } from '$lib/domain/card/card-model';
import { app } from './app';
import { defaultRegion } from './device';

/**
 * Checks the card as typed and, when it passes, saves it and drops the unsaved draft. The checks
 * parse phone numbers (libphonenumber-js), loaded here, on saving, not with the app shell.
 */
export async function saveMyCard(input: MyCard): Promise<{ card: MyCard; errors: CardErrors }> {
	const { validateCard } = await import('$lib/domain/card/my-card');
	const result = validateCard(input, defaultRegion());
	if (Object.keys(result.errors).length) return result;
	await app().settings.saveCard(result.card);
	await app().settings.saveCardDraft(null);
	return result;
}

/** The vCard a card's QR code holds. The writer (ical.js) loads with the first code shown. */
export async function cardVCard(card: MyCard): Promise<string> {
	const { cardToVCard } = await import('$lib/domain/card/card-vcard');
	return cardToVCard(card);
}
