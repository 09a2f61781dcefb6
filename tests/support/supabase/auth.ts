// TEST TOOL: the stand-in's GoTrue (/auth/v1), the flows this app and an attacker can reach, each
// as supabase/auth does it (files under internal/api/ unless named otherwise):
// - POST /otp (otp.go, magic_link.go): an unknown or unconfirmed address goes through sign-up with
//   a generated password; with confirmations on that sends the Confirm signup template, else the
//   user is confirmed at once and gets the Magic Link template; a confirmed user gets Magic Link.
// - POST /signup (signup.go): an existing unconfirmed user is not changed ("we can't be sure of
//   their claimed identity") and gets another confirmation; a confirmed one gets 422
//   user_already_exists with confirmations off, an obfuscated fake user with them on. With
//   confirmations off a new user is confirmed at once and gets a session.
// - POST /verify (verify.go): type email accepts the newest confirmation or magic-link code, signup
//   only the former, magiclink/recovery only the latter; codes expire after otp_expiry and are
//   spent by any verification (models/user.go Confirm, Recover). Confirming changes nothing else:
//   a password someone set at sign-up stays (GoTrue has no "clear unconfirmed password" step here;
//   RemoveUnconfirmedIdentities runs only when an OAuth identity is linked, external.go).
// - POST /otp is limited per IP address first, before anything else is looked at: a token bucket
//   of 30 refilled at `sign_in_sign_ups` per 5 minutes (internal/api/api.go `r.With(api.limitHandler(
//   api.limiterOpts.Otp))`, options.go newLimiterPer5mOver1h), answering 429 over_request_rate_limit
//   "Request rate limit reached" (middleware.go limitHandler; the body seen in supabase/auth#2333).
//   The address is the first X-Forwarded-For entry, as Supabase's gateway passes it, else the peer's.
// - one emailed code per kind: a new one replaces the last, and asking again within max_frequency
//   is 429 over_email_send_rate_limit (mail.go validateSentWithinFrequencyLimit); the mailer's own
//   rules are in mailer.ts.
// - POST /token?grant_type=password (token.go): invalid_credentials, then email_not_confirmed.
// - POST /token?grant_type=refresh_token: auth-sessions.ts.
// - GET/PUT /user (user.go), POST /logout (logout.go).
// Users live in auth.users (auth-users.ts); sessions and refresh tokens in memory (auth-sessions.ts).
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthSettings } from './config';
import type { Query, Sql } from './database';
import { GotrueError, OAuthError, sendError, sendJson } from './gotrue-errors';
import { verifyForGotrue, type Claims } from './jwt';
import { SessionStore } from './auth-sessions';
import {
	confirmUser,
	findUserByEmail,
	findUserById,
	hashPassword,
	insertUser,
	passwordMatches,
	tokenHash,
	updateUser,
	userJson,
	type UserRow
} from './auth-users';
import type { MailMessage, Mailer } from './mailer';

export interface AuthContext {
	database: Sql;
	settings: AuthSettings;
	secret: Uint8Array;
	mailer: Mailer;
	/** The stand-in's base URL (the issuer is `${url}/auth/v1`). */
	url(): string;
	/** The stand-in's clock, milliseconds. */
	now(): number;
}

class UserExists extends Error {}

const INVALID_LOGIN = 'Invalid login credentials';
const OTP_INVALID = 'Token has expired or is invalid';

/** mail.go validateEmail (checkmail's format check, approximated). */
function validateEmail(raw: unknown): string {
	const email = String(raw ?? '');
	if (email === '') throw new GotrueError(400, 'validation_failed', 'An email address is required');
	if (email.length > 255) throw new GotrueError(400, 'validation_failed', 'An email address is too long');
	if (
		!/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/.test(
			email
		)
	)
		throw new GotrueError(400, 'validation_failed', 'Unable to validate email address: invalid format');
	return email.toLowerCase();
}

async function readParams(request: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (!text) return {};
	try {
		const parsed = JSON.parse(text) as unknown;
		if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
		return parsed as Record<string, unknown>;
	} catch (error) {
		throw new GotrueError(400, 'bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
	}
}

/** The stand-in's GoTrue: `handle` answers /auth/v1 requests. */
export function createAuth(ctx: AuthContext) {
	const s = ctx.settings;
	const now = () => ctx.now();
	const sessions = new SessionStore(ctx);
	const issueSession = (query: Query, user: UserRow, method: 'otp' | 'password') => sessions.issue(query, user, method);

	/** sendConfirmation / sendMagicLink: a new code replaces the last one of its kind. */
	async function sendCode(query: Query, user: UserRow, kind: 'confirmation' | 'magic_link', outbox: MailMessage[]) {
		const sentAt = kind === 'confirmation' ? user.confirmation_sent_at : user.recovery_sent_at;
		const at = now();
		if (sentAt && new Date(sentAt).getTime() + s.maxFrequency * 1000 > at) {
			// errors.go generateFrequencyLimitErrorMessage (Duration / Second truncates)
			const left = Math.trunc((new Date(sentAt).getTime() + s.maxFrequency * 1000 - at) / 1000);
			throw new GotrueError(
				429,
				'over_email_send_rate_limit',
				`For security purposes, you can only request this after ${left} seconds.`
			);
		}
		ctx.mailer.check(user.email, s, at);
		// crypto.GenerateOtp: otp_length random digits.
		const code = Array.from({ length: s.otpLength }, () => randomInt(0, 10)).join('');
		const hash = tokenHash(user.email, code);
		await updateUser(
			query,
			user.id,
			kind === 'confirmation'
				? { confirmation_token: hash, confirmation_sent_at: new Date(at) }
				: { recovery_token: hash, recovery_sent_at: new Date(at) }
		);
		outbox.push({ to: user.email, template: kind, code, sentAt: at });
	}

	/** signup.go Signup, inside its transaction. */
	async function signup(query: Query, email: string, password: string, outbox: MailMessage[]): Promise<UserRow> {
		if (!s.emailEnabled) throw new GotrueError(400, 'email_provider_disabled', 'Email signups are disabled');
		let user = await findUserByEmail(query, email);
		if (user?.email_confirmed_at) throw new UserExists();
		if (!user) user = await insertUser(query, email, password, new Date(now()));
		if (s.enableConfirmations) await sendCode(query, user, 'confirmation', outbox);
		else await confirmUser(query, user, new Date(now()));
		return (await findUserById(query, user.id))!;
	}

	/** magic_link.go MagicLink, inside one transaction. */
	async function magicLink(query: Query, email: string, outbox: MailMessage[]): Promise<void> {
		const user = await findUserByEmail(query, email);
		if (!user || !user.email_confirmed_at) {
			if (!s.enableSignup) throw new GotrueError(422, 'signup_disabled', 'Signups not allowed for this instance');
			const password = randomBytes(33).toString('base64url').slice(0, 33);
			const signedUp = await signup(query, email, password, outbox);
			if (signedUp.email_confirmed_at) await sendCode(query, signedUp, 'magic_link', outbox);
			return;
		}
		await sendCode(query, user, 'magic_link', outbox);
	}

	/** Runs a request's work in one transaction as GoTrue's role; mail goes out if it commits. */
	async function inTransaction<T>(work: (query: Query, outbox: MailMessage[]) => Promise<T>): Promise<T> {
		const outbox: MailMessage[] = [];
		const result = await ctx.database.transaction((query) => work(query, outbox), 'supabase_auth_admin');
		ctx.mailer.deliver(outbox);
		return result;
	}

	async function authenticated(request: IncomingMessage, query: Query) {
		const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
		if (!token) throw new GotrueError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
		const claims = verifyForGotrue(token, ctx.secret, Math.floor(now() / 1000));
		if (!claims)
			throw new GotrueError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token is invalid');
		if (typeof claims.sub !== 'string' || !claims.sub)
			throw new GotrueError(403, 'bad_jwt', 'invalid claim: missing sub claim');
		const user = await findUserById(query, claims.sub);
		if (!user) throw new GotrueError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		const session = sessions.get(String(claims.session_id ?? ''));
		if (claims.session_id && !session)
			throw new GotrueError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		return { user, session, claims };
	}

	async function otp(params: Record<string, unknown>) {
		if (params.email && params.phone)
			throw new GotrueError(400, 'validation_failed', 'Only an email address or phone number should be provided');
		if (params.phone) throw new GotrueError(400, 'phone_provider_disabled', 'Unsupported phone provider');
		if (!params.email) throw new GotrueError(400, 'validation_failed', 'One of email or phone must be set');
		if (!s.emailEnabled) throw new GotrueError(422, 'email_provider_disabled', 'Email logins are disabled');
		const email = validateEmail(params.email);
		await inTransaction(async (query, outbox) => {
			if (params.create_user === false && !(await findUserByEmail(query, email)))
				throw new GotrueError(422, 'otp_disabled', 'Signups not allowed for otp');
			await magicLink(query, email, outbox);
		});
		return {};
	}

	async function signupEndpoint(params: Record<string, unknown>) {
		if (!s.enableSignup) throw new GotrueError(422, 'signup_disabled', 'Signups not allowed for this instance');
		const password = String(params.password ?? '');
		if (!password) throw new GotrueError(400, 'validation_failed', 'Signup requires a valid password');
		if (password.length < s.minimumPasswordLength)
			throw new GotrueError(
				422,
				'weak_password',
				`Password should be at least ${s.minimumPasswordLength} characters.`,
				{
					weak_password: { reasons: ['length'] }
				}
			);
		if (!params.email) throw new GotrueError(400, 'validation_failed', 'Sign up only available with email provider');
		const email = validateEmail(params.email);
		try {
			return await inTransaction(async (query, outbox) => {
				const user = await signup(query, email, password, outbox);
				return user.email_confirmed_at ? issueSession(query, user, 'password') : userJson(query, user);
			});
		} catch (error) {
			if (!(error instanceof UserExists)) throw error;
			if (!s.enableConfirmations) throw new GotrueError(422, 'user_already_exists', 'User already registered');
			// sanitizeUser: a made-up user, so the answer does not say the address is taken.
			const at = new Date(now()).toISOString();
			return {
				id: randomUUID(),
				aud: 'authenticated',
				role: '',
				email,
				phone: '',
				confirmation_sent_at: at,
				app_metadata: { provider: 'email', providers: ['email'] },
				user_metadata: params.data ?? {},
				identities: [],
				created_at: at,
				updated_at: at,
				is_anonymous: false
			};
		}
	}

	async function passwordGrant(params: Record<string, unknown>) {
		if (params.email && params.phone)
			throw new GotrueError(
				400,
				'validation_failed',
				'Only an email address or phone number should be provided on login.'
			);
		if (!params.email) throw new GotrueError(400, 'invalid_credentials', INVALID_LOGIN);
		if (!s.emailEnabled) throw new GotrueError(422, 'email_provider_disabled', 'Email logins are disabled');
		return inTransaction(async (query) => {
			const user = await findUserByEmail(query, String(params.email));
			const banned = user?.banned_until && new Date(user.banned_until).getTime() > now();
			if (!user || banned || !passwordMatches(user.encrypted_password, String(params.password ?? '')))
				throw new GotrueError(400, 'invalid_credentials', INVALID_LOGIN);
			if (!user.email_confirmed_at) throw new GotrueError(400, 'email_not_confirmed', 'Email not confirmed');
			return issueSession(query, user, 'password');
		});
	}

	async function refreshGrant(params: Record<string, unknown>) {
		const presented = String(params.refresh_token ?? '');
		if (!presented) throw new OAuthError('invalid_request', 'refresh_token required');
		return inTransaction((query) => sessions.refresh(query, presented));
	}

	async function verify(params: Record<string, unknown>) {
		const type = String(params.type ?? '');
		const token = String(params.token ?? '');
		const hashParam = String(params.token_hash ?? '');
		if (!type) throw new GotrueError(400, 'validation_failed', 'Verify requires a verification type');
		if ((!token && !hashParam) || (token && hashParam))
			throw new GotrueError(400, 'validation_failed', 'Verify requires either a token or a token hash');
		if (!['email', 'signup', 'invite', 'magiclink', 'recovery'].includes(type))
			throw new GotrueError(400, 'validation_failed', 'Unsupported verification type');
		let email = '';
		if (token) {
			if (!params.email || params.phone)
				throw new GotrueError(
					400,
					'validation_failed',
					'Only an email address or phone number should be provided on verify'
				);
			try {
				email = validateEmail(params.email);
			} catch {
				throw new GotrueError(422, 'validation_failed', 'Invalid email format');
			}
		}
		return inTransaction(async (query) => {
			const expired = (sentAt: Date | null) => !sentAt || now() > new Date(sentAt).getTime() + s.otpExpiry * 1000;
			let user: UserRow | null;
			let hash: string;
			let invalid: string;
			if (token) {
				user = await findUserByEmail(query, email);
				hash = tokenHash(email, token);
				invalid = OTP_INVALID;
			} else {
				const rows = await query(`select email from auth.users where confirmation_token = $1 or recovery_token = $1`, [
					hashParam
				]);
				user = rows[0] ? await findUserByEmail(query, String(rows[0].email)) : null;
				hash = hashParam;
				invalid = 'Email link is invalid or has expired';
			}
			if (!user) throw new GotrueError(403, 'otp_expired', invalid);
			const confirmation = hash === user.confirmation_token && !expired(user.confirmation_sent_at);
			const recovery = hash === user.recovery_token && !expired(user.recovery_sent_at);
			const kind =
				(type === 'email' || type === 'signup' || type === 'invite') && confirmation
					? 'signup'
					: (type === 'email' || type === 'magiclink' || type === 'recovery') && recovery
						? 'magiclink'
						: null;
			if (!kind) throw new GotrueError(403, 'otp_expired', invalid);
			if (user.banned_until && new Date(user.banned_until).getTime() > now())
				throw new GotrueError(403, 'user_banned', 'User is banned');
			// signupVerify and recoverVerify both end in Confirm for an unconfirmed user, and both
			// spend every emailed code (ClearAllOneTimeTokensForUser).
			if (kind === 'signup' || !user.email_confirmed_at) await confirmUser(query, user, new Date(now()));
			else await updateUser(query, user.id, { recovery_token: '', confirmation_token: '' });
			return issueSession(query, (await findUserById(query, user.id))!, 'otp');
		});
	}

	async function updateUserEndpoint(request: IncomingMessage, params: Record<string, unknown>) {
		return inTransaction(async (query) => {
			const { user, session } = await authenticated(request, query);
			if (params.password !== undefined) {
				const password = String(params.password);
				if (password.length < s.minimumPasswordLength)
					throw new GotrueError(
						422,
						'weak_password',
						`Password should be at least ${s.minimumPasswordLength} characters.`,
						{
							weak_password: { reasons: ['length'] }
						}
					);
				// user.go UserUpdate: with secure_password_change, a session older than 24 hours must
				// reauthenticate (a nonce from /reauthenticate, which the stand-in does not send).
				if (s.securePasswordChange && (!session || now() > session.createdAt + 24 * 3_600_000) && !params.nonce)
					throw new GotrueError(400, 'reauthentication_needed', 'Password update requires reauthentication');
				if (passwordMatches(user.encrypted_password, password))
					throw new GotrueError(422, 'same_password', 'New password should be different from the old password.');
				// UpdatePassword: every code spent, every other session signed out.
				await updateUser(query, user.id, {
					encrypted_password: hashPassword(password),
					confirmation_token: '',
					recovery_token: '',
					updated_at: new Date(now())
				});
				sessions.delete((other) => other.userId === user.id && other.id !== session?.id);
			}
			if (params.data && typeof params.data === 'object')
				await updateUser(query, user.id, {
					raw_user_meta_data: { ...(user.raw_user_meta_data ?? {}), ...(params.data as Claims) }
				});
			return userJson(query, (await findUserById(query, user.id))!);
		});
	}

	// Per IP address: tokens left and when they were counted (tollbooth's token bucket).
	const otpBuckets = new Map<string, { tokens: number; at: number }>();
	function limitOtp(request: IncomingMessage) {
		const perFiveMinutes = ctx.settings.signInsPerFiveMinutes;
		if (perFiveMinutes === null) return;
		const forwarded = String(request.headers['x-forwarded-for'] ?? '')
			.split(',')[0]!
			.trim();
		const ip = forwarded || request.socket.remoteAddress || '';
		const bucket = otpBuckets.get(ip) ?? { tokens: 30, at: now() };
		bucket.tokens = Math.min(30, bucket.tokens + ((now() - bucket.at) / 300_000) * perFiveMinutes);
		bucket.at = now();
		otpBuckets.set(ip, bucket);
		if (bucket.tokens < 1) throw new GotrueError(429, 'over_request_rate_limit', 'Request rate limit reached');
		bucket.tokens -= 1;
	}

	async function handle(request: IncomingMessage, response: ServerResponse, path: string, search: URLSearchParams) {
		try {
			const method = request.method ?? 'GET';
			if (method === 'POST' && path === '/otp') limitOtp(request);
			const params = method === 'GET' ? {} : await readParams(request);
			let answer: unknown;
			if (method === 'POST' && path === '/otp') answer = await otp(params);
			else if (method === 'POST' && path === '/signup') answer = await signupEndpoint(params);
			else if (method === 'POST' && path === '/verify') answer = await verify(params);
			else if (method === 'POST' && path === '/token') {
				const grant = search.get('grant_type');
				if (grant === 'password') answer = await passwordGrant(params);
				else if (grant === 'refresh_token') answer = await refreshGrant(params);
				else throw new OAuthError('unsupported_grant_type', '');
			} else if (method === 'GET' && path === '/user')
				answer = await inTransaction(async (query) => userJson(query, (await authenticated(request, query)).user));
			else if (method === 'PUT' && path === '/user') answer = await updateUserEndpoint(request, params);
			else if (method === 'POST' && path === '/logout') {
				const scope = search.get('scope') ?? 'global';
				if (!['global', 'local', 'others'].includes(scope))
					throw new GotrueError(400, 'validation_failed', `Unsupported logout scope ${JSON.stringify(scope)}`);
				const { user, session } = await inTransaction((query) => authenticated(request, query));
				sessions.delete((other) =>
					scope === 'global'
						? other.userId === user.id
						: scope === 'local'
							? other.id === session?.id
							: other.userId === user.id && other.id !== session?.id
				);
				return sendJson(response, 204, undefined);
			} else throw new GotrueError(404, 'not_found', 'Not Found');
			sendJson(response, 200, answer);
		} catch (error) {
			sendError(request, response, error);
		}
	}

	return { handle, signAccessToken: sessions.signAccessToken.bind(sessions) };
}
