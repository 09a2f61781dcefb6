/**
 * The kinds of code printed on badges and cards that the scanner reads, named as the Barcode
 * Detection API names them (`qr_code`, `code_128`, …), so the scanner's answer needs no mapping.
 */
export const SYMBOLOGIES = [
	'qr_code',
	'micro_qr_code',
	'aztec',
	'pdf417',
	'data_matrix',
	'code_128',
	'code_39'
] as const;

export type Symbology = (typeof SYMBOLOGIES)[number];

const LABELS: Record<Symbology, string> = {
	qr_code: 'QR code',
	micro_qr_code: 'Micro QR code',
	aztec: 'Aztec code',
	pdf417: 'PDF417 code',
	data_matrix: 'Data Matrix code',
	code_128: 'Code 128 barcode',
	code_39: 'Code 39 barcode'
};

/** True for a value that names one of the symbologies read here. */
export function isSymbology(value: unknown): value is Symbology {
	return typeof value === 'string' && (SYMBOLOGIES as readonly string[]).includes(value);
}

/**
 * True for a one-dimensional barcode. Badges use these for a registration number only: their
 * text is an id to look up, never a card to parse (Code 39 cannot even hold lower-case letters).
 */
export function isLinear(symbology: Symbology): boolean {
	return symbology === 'code_128' || symbology === 'code_39';
}

/** How the symbology is named to people: "Code 128 barcode", "Aztec code". */
export function symbologyLabel(symbology: Symbology): string {
	return LABELS[symbology];
}
