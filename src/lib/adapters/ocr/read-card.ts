import type { CountryCode } from 'libphonenumber-js/min';
import { extractCardFields, type CardReading } from '$lib/domain/contact/card-text';
import type { CardReader, OcrProgress } from './card-reader';
import { cleaned, levelled } from './prepare-image';

/**
 * Reads a photo of a business card or badge: the picture evened out (dark text on white, see
 * evenOut) and turned so its lines are level (see levelled), read as sparse text, and the contact fields taken from the lines. (A second reading of
 * the picture enlarged 1.3× or 1.5×, or as taken, found nothing more on the 12 hardest generated
 * cards, so there is one.)
 */
export async function readCard(
	reader: CardReader,
	picture: HTMLCanvasElement,
	options: { defaultCountry?: CountryCode; onProgress?: (progress: OcrProgress) => void } = {}
): Promise<CardReading> {
	const { lines } = await reader.read(levelled(cleaned(picture)), options.onProgress);
	return extractCardFields(lines, options.defaultCountry);
}
