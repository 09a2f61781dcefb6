import type { CountryCode } from 'libphonenumber-js/min';
import { findEmail } from '$lib/domain/contact/card-contact';
import { emailAgreement } from '$lib/domain/contact/card-email';
import { wordsInAddress } from '$lib/domain/contact/card-person';
import { extractCardFields, joinPieces, type CardReading, type TextLine } from '$lib/domain/contact/card-text';
import type { CardReader, OcrProgress } from './card-reader';
import { cleaned, cropped, levelled } from './prepare-image';

// A line read again on its own is enlarged so its letters are this tall (pixels, with ascenders and
// descenders): small print such as an email address reads "01" as "0l" there, not "el".
const LINE_HEIGHT = 32;

/**
 * Reads a photo of a business card or badge: the picture evened out (dark text on white, see
 * evenOut) and turned so its lines are level (see levelled), read as sparse text, and the contact
 * fields taken from the lines. When the email address read and the name do not agree, their lines
 * are read again on their own, enlarged, and the reading that agrees better is kept. (A second reading
 * of the whole picture enlarged 1.3× or 1.5×, or as taken, found nothing more on the 12 hardest
 * generated cards.) Every read stops when `signal` aborts (see CardReader).
 */
export async function readCard(
	reader: CardReader,
	picture: HTMLCanvasElement,
	options: { defaultCountry?: CountryCode; onProgress?: (progress: OcrProgress) => void; signal?: AbortSignal } = {}
): Promise<CardReading> {
	const { signal, onProgress } = options;
	const image = levelled(cleaned(picture));
	const { lines } = await reader.read(image, { signal, onProgress });
	const reading = extractCardFields(lines, options.defaultCountry);
	const { name, email } = reading.fields;
	if (!email) return reading;
	const joined = joinPieces(lines);
	const readAgain = async (line: TextLine | undefined) => {
		if (!line) return [];
		const { height } = line.box;
		const box = {
			x: line.box.x - height,
			y: line.box.y - height / 4,
			width: line.box.width + 2 * height,
			height: height * 1.5
		};
		return [(await reader.readLine(cropped(image, box, LINE_HEIGHT / height), signal)).text];
	};
	const again = {
		email:
			emailAgreement(email, reading.fields) >= 2
				? []
				: await readAgain(joined.find((line) => findEmail(line.text, options.defaultCountry))),
		// The name's words not all in the address ("Tim Stroustry", tim.stroustrup@): its line again.
		name:
			name && wordsInAddress(name, email) < name.split(' ').length
				? await readAgain(joined.find((line) => line.text.toLowerCase().includes(name.split(' ')[0]!.toLowerCase())))
				: []
	};
	if (!again.email.length && !again.name.length) return reading;
	return { ...extractCardFields(lines, options.defaultCountry, again), text: reading.text };
}
