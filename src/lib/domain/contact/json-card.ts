import * as v from 'valibot';
import type { FieldInput } from './fields';

const JsonObject = v.record(v.string(), v.unknown());

// Keys seen on badge and lead-retrieval payloads, compared without case, spaces, '-' or '_'.
const KEYS = {
	name: ['name', 'fullname', 'displayname', 'attendeename', 'contactname'],
	given: ['firstname', 'givenname', 'first', 'fname'],
	family: ['lastname', 'familyname', 'surname', 'last', 'lname'],
	org: ['company', 'org', 'organization', 'organisation', 'companyname', 'employer', 'affiliation'],
	title: ['title', 'jobtitle', 'position', 'role', 'designation'],
	email: ['email', 'mail', 'emailaddress'],
	phone: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'phonenumber', 'mobilephone'],
	linkedin: ['linkedin', 'linkedinurl', 'linkedinprofile'],
	url: ['url', 'website', 'web', 'homepage', 'site'],
	badgeId: [
		'lead',
		'leadid',
		'id',
		'badge',
		'badgeid',
		'attendeeid',
		'ticket',
		'ticketid',
		'uid',
		'registrationid',
		'code'
	]
} as const;

function normaliseKey(key: string): string {
	return key.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * Reads a JSON object with common contact keys. Returns null when the text is not a JSON object
 * or holds none of the keys, so it can be treated as an opaque badge id instead.
 */
export function readJsonCard(text: string): FieldInput | null {
	if (!/^\s*\{/.test(text)) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return null;
	}
	const result = v.safeParse(JsonObject, parsed);
	if (!result.success) return null;

	// A Map, not an object: keys such as "__proto__" stay plain data.
	const values = new Map<string, string>();
	for (const [key, value] of Object.entries(result.output)) {
		if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
			const normalised = normaliseKey(key);
			if (!values.has(normalised)) values.set(normalised, String(value));
		}
	}
	const pick = (keys: readonly string[]) => keys.map((k) => values.get(k)).find((x) => x?.trim()) ?? '';

	const given = pick(KEYS.given);
	const family = pick(KEYS.family);
	const input: FieldInput = {
		name: pick(KEYS.name) || [given, family].filter(Boolean).join(' '),
		org: pick(KEYS.org),
		title: pick(KEYS.title),
		emails: [pick(KEYS.email)],
		phones: [pick(KEYS.phone)],
		urls: [pick(KEYS.linkedin), pick(KEYS.url)],
		badgeId: pick(KEYS.badgeId)
	};
	const found = [input.name, input.org, input.badgeId, ...input.emails!, ...input.phones!, ...input.urls!];
	return found.some((x) => x?.trim()) ? input : null;
}
