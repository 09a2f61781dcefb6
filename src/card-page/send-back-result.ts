// Loaded once the visitor turns to "Send yours back" (see send-back-form.ts): the full checks of
// what they typed, their card as a styled QR code, and the email to the card's owner.
import { StyledQr } from '$lib/adapters/qr/styled-qr';
import { cardToVCard } from '$lib/domain/card/card-vcard';
import { blankCard, DEFAULT_STYLE, validateCard, type CardErrors, type MyCard } from '$lib/domain/card/my-card';
import { sendBackMailto } from '$lib/domain/card/send-back';
import type { SharedCard } from '$lib/domain/card/share-link';
import { defaultRegion } from '$lib/adapters/device/locale';
import { h } from './dom';
import type { SendBackFields } from './send-back-form';

/** The visitor's details checked as the app checks a card (a phone typed without + is read in their region). */
export function checkCard(fields: SendBackFields): { card: MyCard; errors: CardErrors } {
	const { name, title, company, email, phone } = fields;
	return validateCard({ ...blankCard(), name, title, company, email, phone }, defaultRegion());
}

export interface SendBackResult {
	element: HTMLElement;
	heading: HTMLElement;
	/** Rewrites the email with where they met, as the visitor edits it. */
	setMet(met: string): void;
}

/** The visitor's card for the owner: a code to show, and an email when the owner's card has an address. */
export function resultView(owner: SharedCard, card: MyCard, met: string): SendBackResult {
	const heading = h('h2', { id: 'send-back-result', tabindex: '-1' }, `Your card for ${owner.name}`);
	const code = h('div', {
		class: 'qr',
		role: 'img',
		'aria-label': `QR code with the contact card of ${card.name}`,
		style: 'width: 240px; height: 240px'
	});
	new StyledQr(code, cardToVCard(card), DEFAULT_STYLE, 240);
	const email = h('a', { class: 'button', rel: 'external' }, `Email my card to ${owner.name}`);
	const setMet = (text: string) => {
		const mailto = sendBackMailto(owner, card, text, location.origin);
		if (mailto) email.href = mailto;
	};
	setMet(met);
	const element = h(
		'section',
		{ class: 'result', 'aria-labelledby': 'send-back-result' },
		heading,
		h('p', {}, `Show this code to ${owner.name}: their phone camera or app adds you to their contacts.`),
		code,
		owner.email ? h('p', {}, email) : null
	);
	return { element, heading, setMet };
}
