import type { CountryCode } from 'libphonenumber-js/min';
import { tidyContactFields } from '../contact/fields';
import { emptyFields } from '../contact/types';
import { cleanLine } from '../text/display';
import { CARD_FIELDS, type CardErrors, type MyCard } from './card-model';

export * from './card-model';

/** Relative luminance contrast (WCAG 2) between two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
		const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
		return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/**
 * Checks and tidies a card typed by the user: a name is required, the email must be valid, the
 * phone becomes E.164, a link without a scheme gets https://, and the QR colours must be dark on
 * light with enough contrast for every phone camera.
 */
export function validateCard(input: MyCard, defaultCountry?: CountryCode): { card: MyCard; errors: CardErrors } {
	const errors: CardErrors = {};
	const card: MyCard = {
		...input,
		name: cleanLine(input.name),
		title: cleanLine(input.title),
		company: cleanLine(input.company),
		email: cleanLine(input.email, 254),
		phone: cleanLine(input.phone, 40),
		link: cleanLine(input.link, 300),
		helpWith: cleanLine(input.helpWith, 160),
		onQr: CARD_FIELDS.filter((f) => input.onQr.includes(f))
	};
	if (!card.name) errors.name = 'Your name is needed: it is the first thing people see.';
	// The same checks as for anyone scanned: one rule for what an email, a phone or a link is.
	const tidy = tidyContactFields(
		{ ...emptyFields(), email: card.email, phone: card.phone, url: card.link },
		defaultCountry
	);
	card.email = tidy.fields.email;
	card.phone = tidy.fields.phone;
	card.link = tidy.fields.url;
	if (tidy.errors.email) errors.email = tidy.errors.email;
	if (tidy.errors.phone) errors.phone = tidy.errors.phone;
	if (tidy.errors.url) errors.link = 'Use a web address such as linkedin.com/in/your-name.';
	const { foreground, background } = card.style;
	const hex = /^#[0-9a-f]{6}$/i;
	if (!hex.test(foreground) || !hex.test(background)) errors.style = 'Pick the colours from the colour pickers.';
	else if (
		contrastRatio(foreground, background) < 4.5 ||
		contrastRatio(foreground, '#000000') > contrastRatio(background, '#000000')
	)
		errors.style = 'Use a dark colour on a light background with more contrast, or phones may not read the code.';
	return { card, errors };
}
