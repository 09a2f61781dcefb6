import * as v from 'valibot';
import type { FieldInput } from './fields';

const JsonObject = v.record(v.string(), v.unknown());

// Keys seen on badge and lead-retrieval payloads (JSON and "key:value" badges), compared without
// case, spaces, '-' or '_'. A job title is looked for before "title", which is often an honorific.
const KEYS = {
	name: ['name', 'fullname', 'displayname', 'attendeename', 'contactname'],
	given: ['firstname', 'givenname', 'first', 'fname', 'vorname', 'prenom', 'prénom', 'nombre'],
	family: ['lastname', 'familyname', 'surname', 'last', 'lname', 'nachname', 'nom', 'apellido', 'apellidos'],
	org: [
		'company',
		'org',
		'organization',
		'organisation',
		'companyname',
		'employer',
		'affiliation',
		'firma',
		'empresa',
		'société',
		'societe'
	],
	title: ['jobtitle', 'position', 'designation', 'role', 'title', 'function', 'funktion'],
	email: ['email', 'mail', 'emailaddress', 'correo'],
	phone: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'phonenumber', 'mobilephone', 'telefon', 'handy'],
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
		'registrantid',
		'code'
	]
} as const;

const KNOWN_KEYS = new Set<string>(Object.values(KEYS).flat());

// "Dr.", "Mr", "Prof.": a form of address some records keep under "title", not a job.
const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame|herr|frau|mme|mlle|m|sr|sra|srta|dott|dottssa|ing)\.?$/i;

export function normaliseKey(key: string): string {
	return key.toLowerCase().replace(/[\s_-]/g, '');
}

/** Whether `key` names a contact field a badge may carry ("E-mail", "First Name", "company"). */
export function isContactKey(key: string): boolean {
	return KNOWN_KEYS.has(normaliseKey(key));
}

/**
 * The contact fields that key/value pairs name (a JSON object's entries, a badge's "key:value"
 * parts), or null when they name none.
 */
export function fieldsFromEntries(entries: Iterable<readonly [string, unknown]>): FieldInput | null {
	// A Map, not an object: keys such as "__proto__" stay plain data.
	const values = new Map<string, string>();
	for (const [key, value] of entries) {
		if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
			const normalised = normaliseKey(key);
			if (!values.has(normalised)) values.set(normalised, String(value));
		}
	}
	const pick = (keys: readonly string[], skip?: RegExp) =>
		keys.map((k) => values.get(k)).find((x) => x?.trim() && !skip?.test(x.trim())) ?? '';

	const given = pick(KEYS.given);
	const family = pick(KEYS.family);
	const input: FieldInput = {
		name: pick(KEYS.name) || [given, family].filter(Boolean).join(' '),
		org: pick(KEYS.org),
		title: pick(KEYS.title, HONORIFIC),
		emails: [pick(KEYS.email)],
		phones: [pick(KEYS.phone)],
		urls: [pick(KEYS.linkedin), pick(KEYS.url)],
		badgeId: pick(KEYS.badgeId)
	};
	const found = [input.name, input.org, input.badgeId, ...input.emails!, ...input.phones!, ...input.urls!];
	return found.some((x) => x?.trim()) ? input : null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The object holding the person: the payload itself, or the first object nested in it (up to three
 * levels down, breadth first) that names them — Indico's registrant records keep them under
 * "personal_data", ticketing exports under "attendee" → "profile".
 */
function personObject(root: Json): Json | null {
	let level: Json[] = [root];
	for (let depth = 0; depth <= 3 && level.length; depth++) {
		for (const candidate of level) {
			const fields = fieldsFromEntries(Object.entries(candidate));
			if (fields && (fields.name?.trim() || fields.emails?.some((e) => e?.trim()))) return candidate;
		}
		level = level.flatMap((o) => Object.values(o).filter(isObject));
	}
	return null;
}

/** The badge id found nearest the top of the payload ("registrant_id", a ticket's "code"). */
function badgeIdIn(root: Json): string {
	let level: Json[] = [root];
	for (let depth = 0; depth <= 3 && level.length; depth++) {
		for (const candidate of level) {
			const id = fieldsFromEntries(Object.entries(candidate))?.badgeId;
			if (id?.trim()) return id;
		}
		level = level.flatMap((o) => Object.values(o).filter(isObject));
	}
	return '';
}

/**
 * Reads a JSON object with common contact keys, at its top or nested in it. Returns null when the
 * text is not a JSON object or holds none of the keys, so it can be treated as an opaque badge id
 * instead.
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
	const root = result.output;
	const person = personObject(root);
	if (!person) return fieldsFromEntries(Object.entries(root));
	const input = fieldsFromEntries(Object.entries(person))!;
	return { ...input, badgeId: input.badgeId || badgeIdIn(root) };
}
