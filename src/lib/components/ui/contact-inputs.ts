import type { ContactFields } from '$lib/domain/contact/types';

/** One contact field as a form shows it. */
export interface ContactInput {
	key: keyof ContactFields;
	label: string;
	type: string;
	maxlength: number;
}

/**
 * The contact fields as the capture form and a person's edit form show them, name first. The
 * lengths match what is stored (see tidyContactFields): nothing is cut without the user seeing it.
 */
export const CONTACT_INPUTS: readonly ContactInput[] = [
	{ key: 'name', label: 'Name', type: 'text', maxlength: 200 },
	{ key: 'org', label: 'Company', type: 'text', maxlength: 200 },
	{ key: 'title', label: 'Title', type: 'text', maxlength: 200 },
	{ key: 'email', label: 'Email', type: 'email', maxlength: 254 },
	{ key: 'phone', label: 'Phone', type: 'tel', maxlength: 40 },
	{ key: 'linkedin', label: 'LinkedIn', type: 'url', maxlength: 2048 },
	{ key: 'url', label: 'Website', type: 'url', maxlength: 2048 },
	{ key: 'badgeId', label: 'Badge id', type: 'text', maxlength: 512 }
];
