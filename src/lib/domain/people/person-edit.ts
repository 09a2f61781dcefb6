import type { Person } from '../capture/records';
import { matchKeys } from '../contact/match-keys';
import type { ContactFields } from '../contact/types';
import { unionKeys } from './contact-merge';

/**
 * The person with checked changes applied (see checkPersonEdit). A new email, phone, LinkedIn
 * profile or badge id adds its match key, so the next scan of that badge finds this person; keys
 * only ever grow (as on the server), so a replaced email still recognises them by the old one.
 */
export function applyPersonEdit(current: Person, changes: Partial<ContactFields>, now: number): Person {
	const next = { ...current, ...changes, updatedAt: now };
	next.matchKeys = unionKeys(current.matchKeys, matchKeys(next));
	return next;
}
