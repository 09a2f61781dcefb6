import { MAX_MATCH_KEYS } from '../contact/match-keys';
import { CONTACT_FIELDS, type ContactFields } from '../contact/types';
import { foldForSearch } from './search';

/** Both lists' keys, the first list's first (its strongest key stays first), without repeats. */
export function unionKeys(first: readonly string[], second: readonly string[]): string[] {
	return [...new Set([...first, ...second])].slice(0, MAX_MATCH_KEYS);
}

/**
 * `target` with its empty fields filled from `source`; what `target` already has is kept.
 * Returns the same object when nothing was filled.
 */
export function fillEmptyFields<T extends ContactFields>(target: T, source: ContactFields): T {
	const missing = CONTACT_FIELDS.filter((field) => !target[field] && source[field]);
	if (!missing.length) return target;
	const next = { ...target };
	for (const field of missing) next[field] = source[field];
	return next;
}

const folded = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();

/** A name compared without case, accents or spacing ("ADA  lovelace" = "Ada Lovelace"). */
export function nameKey(name: string): string {
	return folded(name);
}

/**
 * For contacts with nothing else to go by (no email, phone or LinkedIn): the same name, and no
 * two different companies.
 */
export function sameNamedContact(a: Pick<ContactFields, 'name' | 'org'>, b: Pick<ContactFields, 'name' | 'org'>) {
	if (nameKey(a.name) !== nameKey(b.name)) return false;
	return !a.org || !b.org || folded(a.org) === folded(b.org);
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir', 'dame', 'jr', 'sr', 'phd', 'md']);

/** A name's words, folded, without initials or titles ("Dr. A. Lovelace" → lovelace). */
function nameWords(name: string): Set<string> {
	return new Set(
		folded(name)
			.split(/[^\p{L}\p{N}]+/u)
			.filter((word) => word.length > 1 && !HONORIFICS.has(word))
	);
}

/**
 * Whether two cards sharing an email, a phone or a profile can be one person: the same name, or
 * one name's words all in the other's ("Adaeze Okafor" and "Adaeze N. Okafor"). A shared office
 * line or family phone alone never makes two different names one person.
 */
export function namesAgree(a: string, b: string): boolean {
	if (nameKey(a) === nameKey(b)) return true;
	const [x, y] = [nameWords(a), nameWords(b)];
	if (!x.size || !y.size) return false;
	const [small, large] = x.size <= y.size ? [x, y] : [y, x];
	return [...small].every((word) => large.has(word));
}
