import type { ContactFields } from './types';

// Apart from match.ts: making keys needs no uuid, so the people store (People, Follow-ups), which
// adds keys when details are edited, does not load it.

/** "linkedin.com/in/<slug>" in lower case, so URL variants of one profile compare equal. */
export function linkedInKey(url: string): string | null {
	const match = /linkedin\.com\/(in|company|pub)\/([^/?#]+)/i.exec(url);
	if (!match?.[2]) return null;
	let slug = match[2];
	try {
		slug = decodeURIComponent(slug);
	} catch {
		// keep the encoded slug
	}
	return `linkedin.com/${match[1]!.toLowerCase()}/${slug.toLowerCase()}`;
}

/** The server keeps at most 20 match keys per person. */
export const MAX_MATCH_KEYS = 20;
/**
 * The longest key the server keeps: `linkedin:` and a LinkedIn URL of at most 2,048 characters, the
 * longest field a key is made of (supabase/migrations/20261124120100_field_bounds.sql).
 */
export const MAX_MATCH_KEY_LENGTH = 2057;

/**
 * The keys by which one person is recognised again, strongest first: email, LinkedIn profile,
 * phone, badge id. Two people sharing any key are the same person.
 */
export function matchKeys(fields: Pick<ContactFields, 'email' | 'linkedin' | 'phone' | 'badgeId'>): string[] {
	const keys: string[] = [];
	if (fields.email) keys.push(`email:${fields.email.toLowerCase()}`);
	const linkedin = fields.linkedin ? linkedInKey(fields.linkedin) : null;
	if (linkedin) keys.push(`linkedin:${linkedin}`);
	if (fields.phone) keys.push(`phone:${fields.phone}`);
	if (fields.badgeId) keys.push(`badge:${fields.badgeId}`);
	// Lower case can be longer than the text it came from ("İ" becomes two characters): a key the
	// server would refuse is left out rather than make the person's every change refused.
	return keys.filter((key) => key.length <= MAX_MATCH_KEY_LENGTH);
}
