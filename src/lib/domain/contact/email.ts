import * as v from 'valibot';
import { cleanLine } from '../text/display';

// On its own (not in fields.ts) so that reading an email address does not bring the phone-number
// library along: the card page opened from a share link reads one.
const EmailSchema = v.pipe(v.string(), v.maxLength(254), v.email());

/** Lower-cased address when the text is a valid email address, otherwise null. */
export function normaliseEmail(text: string): string | null {
	const candidate = cleanLine(text, 320).replace(/^mailto:/i, '');
	return v.is(EmailSchema, candidate) ? candidate.toLowerCase() : null;
}
