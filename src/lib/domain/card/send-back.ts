import type { MyCard } from './my-card';
import { cardLink, sharedCardOf, type SharedCard } from './share-link';

/**
 * The email a visitor of a card page sends back to the card's owner, as a `mailto:` link: who they
 * are, where they met (as typed), and their own card as a link. Null when the owner's card has no
 * email address.
 */
export function sendBackMailto(owner: SharedCard, made: MyCard, met: string, origin: string): string | null {
	if (!owner.email) return null;
	const first = owner.name.split(' ')[0] ?? owner.name;
	const role = [made.title, made.company].filter(Boolean).join(', ');
	const lines = [
		`Hi ${first},`,
		'',
		`This is ${made.name}${role ? ` (${role})` : ''}.${met.trim() ? ` ${met.trim()}` : ''}`,
		'',
		made.email ? `Email: ${made.email}` : null,
		made.phone ? `Phone: ${made.phone}` : null,
		`My card: ${cardLink(sharedCardOf(made), origin)}`
	].filter((line) => line !== null);
	const params = `subject=${encodeURIComponent(`${made.name} — my contact details`)}&body=${encodeURIComponent(lines.join('\n'))}`;
	return `mailto:${owner.email}?${params}`;
}
