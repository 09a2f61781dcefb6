/**
 * What a card is: its fields, which of them go on the QR, and its QR style. The checks on a typed
 * card are in my-card.ts: they parse phone numbers, which the app shell does not load.
 */
export const CARD_FIELDS = ['name', 'title', 'company', 'email', 'phone', 'link', 'helpWith'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export const DOT_STYLES = ['square', 'rounded', 'dots', 'classy', 'classy-rounded', 'extra-rounded'] as const;
export type DotStyle = (typeof DOT_STYLES)[number];

export interface QrStyle {
	dots: DotStyle;
	foreground: string;
	background: string;
	/** A logo or photo as a data: URL, drawn in the middle of the code. */
	image: string | null;
}

/** The user's own card: what they share, and which of it goes into the QR code. */
export interface MyCard {
	name: string;
	title: string;
	company: string;
	email: string;
	phone: string;
	/** LinkedIn profile or website. */
	link: string;
	/** "I can help with…": what the user offers first. */
	helpWith: string;
	onQr: CardField[];
	style: QrStyle;
}

export type CardErrors = Partial<Record<CardField | 'style', string>>;

export const DEFAULT_STYLE: QrStyle = { dots: 'rounded', foreground: '#0b1f26', background: '#ffffff', image: null };

/** A blank card with every field chosen for the QR. */
export function blankCard(): MyCard {
	return {
		name: '',
		title: '',
		company: '',
		email: '',
		phone: '',
		link: '',
		helpWith: '',
		onQr: [...CARD_FIELDS],
		style: { ...DEFAULT_STYLE }
	};
}
