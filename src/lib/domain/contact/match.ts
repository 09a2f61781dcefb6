import { v5 as uuidv5 } from 'uuid';
import type { ContactFields } from './types';

// Fixed namespace so every device derives the same person id from the same email or badge.
const PERSON_NAMESPACE = '6f1e1a52-3c1d-5b0e-9d57-8f2f0c6a4b11';

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

/**
 * A stable person id: UUIDv5 of the strongest match key, so the same badge scanned on two devices
 * becomes one row; a random id when the person has no key at all (a typed name only).
 */
export function personIdFor(keys: readonly string[], randomId: () => string): string {
	return keys[0] ? uuidv5(keys[0], PERSON_NAMESPACE) : randomId();
}

/**
 * Of the people sharing a key with the new scan, the one matched by the strongest key
 * (an email match beats a badge-id match).
 */
export function pickMatch<T extends { matchKeys: readonly string[] }>(
	keys: readonly string[],
	people: readonly T[]
): T | null {
	for (const key of keys) {
		const person = people.find((p) => p.matchKeys.includes(key));
		if (person) return person;
	}
	return null;
}
