import { v5 as uuidv5 } from 'uuid';
export { linkedInKey, matchKeys, MAX_MATCH_KEY_LENGTH, MAX_MATCH_KEYS } from './match-keys';

// Fixed namespace so every device derives the same person id from the same email or badge.
const PERSON_NAMESPACE = '6f1e1a52-3c1d-5b0e-9d57-8f2f0c6a4b11';

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
