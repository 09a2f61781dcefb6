import type { CountryCode } from 'libphonenumber-js/min';
import { tidyContactFields, type FieldErrors } from '../contact/fields';
import { CONTACT_FIELDS, type ContactFields } from '../contact/types';

// Apart from person-edit.ts: these checks parse phone numbers (libphonenumber-js), which the
// people store, loaded by People and Follow-ups, must not bring along.

export type PersonEditCheck = { ok: true; changes: Partial<ContactFields> } | { ok: false; errors: FieldErrors };

/**
 * Checks a person's details as edited, by the capture form's rules (a valid email, a real phone
 * number stored as E.164, http(s) links), plus a name that cannot be emptied. Only the fields that
 * differ from what the form opened with are changes: a detail another device changed meanwhile (a
 * sync) is not put back by a form that merely showed the old value.
 */
export function checkPersonEdit(
	opened: ContactFields,
	form: ContactFields,
	defaultCountry?: CountryCode
): PersonEditCheck {
	const { fields, errors } = tidyContactFields(form, defaultCountry);
	if (!fields.name) errors.name = 'A person needs a name.';
	if (Object.keys(errors).length) return { ok: false, errors };
	const before = tidyContactFields(opened, defaultCountry).fields;
	const changes: Partial<ContactFields> = {};
	for (const field of CONTACT_FIELDS) if (fields[field] !== before[field]) changes[field] = fields[field];
	return { ok: true, changes };
}
