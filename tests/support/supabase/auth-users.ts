// TEST TOOL: the stand-in's GoTrue keeps its users where GoTrue does, in auth.users and
// auth.identities, written as supabase_auth_admin (tests/support/supabase/auth-schema.sql). So a
// trigger or constraint the project puts on auth.users acts on the stand-in's sign-ups as on
// Supabase's. Codes are stored hashed as GoTrue stores them (internal/crypto GenerateTokenHash:
// hex sha224 of email + code); passwords with scrypt (GoTrue uses bcrypt; the stored text is opaque).
import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Query } from './database';

export interface UserRow {
	id: string;
	aud: string;
	role: string;
	email: string;
	encrypted_password: string | null;
	email_confirmed_at: Date | null;
	confirmation_token: string | null;
	confirmation_sent_at: Date | null;
	recovery_token: string | null;
	recovery_sent_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	is_anonymous: boolean;
}

export const tokenHash = (email: string, code: string) =>
	createHash('sha224')
		.update(email + code)
		.digest('hex');

// A cheap work factor: the stand-in hashes a generated password for every code sign-up.
const SCRYPT = { N: 1024 };

export function hashPassword(password: string): string {
	const salt = randomBytes(16);
	return `$scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32, SCRYPT).toString('base64')}`;
}

/** GoTrue's Authenticate: no stored password (null or empty) never matches. */
export function passwordMatches(stored: string | null, password: string): boolean {
	const m = /^\$scrypt\$([^$]+)\$([^$]+)$/.exec(stored ?? '');
	if (!m) return false;
	const expected = Buffer.from(m[2]!, 'base64');
	return timingSafeEqual(scryptSync(password, Buffer.from(m[1]!, 'base64'), expected.length, SCRYPT), expected);
}

const COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, confirmation_token,
	confirmation_sent_at, recovery_token, recovery_sent_at, last_sign_in_at, raw_app_meta_data,
	raw_user_meta_data, created_at, updated_at, banned_until, is_anonymous`;

/** models.FindUserByEmailAndAudience. */
export async function findUserByEmail(query: Query, email: string): Promise<UserRow | null> {
	const rows = await query(
		`select ${COLUMNS} from auth.users where lower(email) = $1 and aud = 'authenticated' and not is_sso_user`,
		[email.toLowerCase()]
	);
	return (rows[0] as unknown as UserRow | undefined) ?? null;
}

export async function findUserById(query: Query, id: string): Promise<UserRow | null> {
	const rows = await query(`select ${COLUMNS} from auth.users where id = $1`, [id]);
	return (rows[0] as unknown as UserRow | undefined) ?? null;
}

/** signupNewUser + createNewIdentity: a new, unconfirmed user with an email identity. */
export async function insertUser(query: Query, email: string, password: string, now: Date): Promise<UserRow> {
	const id = randomUUID();
	await query(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, $3,
		         '{"provider": "email", "providers": ["email"]}', '{}', $4, $4)`,
		[id, email, hashPassword(password), now]
	);
	await query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
		 values ($1::text, $1::uuid, $2, 'email', $3, $3)`,
		[id, JSON.stringify({ sub: id, email, email_verified: false, phone_verified: false }), now]
	);
	return (await findUserById(query, id))!;
}

/** Updates some columns of a user (GoTrue's tx.UpdateOnly). */
export async function updateUser(query: Query, id: string, fields: Partial<UserRow>): Promise<void> {
	const entries = Object.entries(fields);
	const sets = entries.map(([k], i) => `${k} = $${i + 2}`).join(', ');
	await query(`update auth.users set ${sets} where id = $1`, [
		id,
		...entries.map(([, v]) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v))
	]);
}

/**
 * User.Confirm (internal/models/user.go): confirmed now, email_verified in the metadata, and every
 * emailed code spent (ClearAllOneTimeTokensForUser). Nothing else changes: a password set at sign-up
 * stays, whoever set it.
 */
export async function confirmUser(query: Query, user: UserRow, now: Date): Promise<void> {
	await updateUser(query, user.id, {
		email_confirmed_at: now,
		confirmation_token: '',
		recovery_token: '',
		raw_user_meta_data: { ...(user.raw_user_meta_data ?? {}), email_verified: true },
		updated_at: now
	});
	await query(
		`update auth.identities set identity_data = identity_data || '{"email_verified": true}' where user_id = $1 and provider = 'email'`,
		[user.id]
	);
}

/** The user as GoTrue's API returns it (models.User JSON). */
export async function userJson(query: Query, user: UserRow): Promise<Record<string, unknown>> {
	const identities = await query(
		`select id as identity_id, provider_id as id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
		 from auth.identities where user_id = $1`,
		[user.id]
	);
	const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);
	return {
		id: user.id,
		aud: user.aud,
		role: user.role,
		email: user.email,
		email_confirmed_at: iso(user.email_confirmed_at),
		phone: '',
		confirmation_sent_at: iso(user.confirmation_sent_at),
		confirmed_at: iso(user.email_confirmed_at),
		recovery_sent_at: iso(user.recovery_sent_at),
		last_sign_in_at: iso(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities,
		created_at: iso(user.created_at),
		updated_at: iso(user.updated_at),
		is_anonymous: user.is_anonymous
	};
}
