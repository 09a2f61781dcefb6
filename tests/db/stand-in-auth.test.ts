import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AuthApiError } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCodeMessage } from '$lib/adapters/supabase/auth-messages';
import { clientFor, requestCode } from '../support/supabase/clients';
import { projectConfigPath } from '../support/supabase/config';
import { pgliteDatabase, type Sql } from '../support/supabase/database';
import { startStandIn, type StandIn, type StandInOptions } from '../support/supabase/stand-in';

// The stand-in's GoTrue keeps to supabase/auth's rules (sources in tests/support/supabase/auth.ts);
// each test here fails if the stand-in were kinder than Supabase again.
let database: Sql;
const standIns: StandIn[] = [];
beforeAll(async () => {
	database = await pgliteDatabase();
	// GoTrue's own password rules are what is tested here, as on a project without this one's
	// migration that keeps no password in auth.users (…_no_passwords.sql; the app never uses one).
	// Only the table's owner may drop its trigger: done as the admin.
	await database.transaction((q) => q('drop trigger keep_no_password on auth.users'), 'supabase_admin');
}, 60_000);
afterAll(async () => {
	for (const s of standIns) await s.close();
	await database?.close();
});

async function standIn(options: Omit<StandInOptions, 'database'> = {}): Promise<StandIn> {
	const s = await startStandIn({ database, ...options });
	standIns.push(s);
	return s;
}
const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.org`;

async function usersNamed(email: string): Promise<number> {
	const rows = await database.transaction((q) =>
		q('select count(*)::int as n from auth.users where email = $1', [email])
	);
	return Number(rows[0]!.n);
}

describe('settings come from supabase/config.toml', () => {
	it('reads [auth.email] as written in the project file, whatever it says today', async () => {
		const text = readFileSync(projectConfigPath, 'utf8');
		const section = text.slice(text.indexOf('[auth.email]')).split(/\n\[/)[0]!;
		const raw = (key: string) => new RegExp(`^${key}\\s*=\\s*(.+?)\\s*(#.*)?$`, 'm').exec(section)?.[1];
		const s = await standIn();
		expect(s.settings.enableConfirmations).toBe(raw('enable_confirmations') === 'true');
		expect(s.settings.securePasswordChange).toBe(raw('secure_password_change') === 'true');
		expect(s.settings.otpLength).toBe(Number(raw('otp_length')));
		expect(s.settings.otpExpiry).toBe(Number(raw('otp_expiry')));
		const duration = /^"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?"$/.exec(raw('max_frequency') ?? '')!;
		expect(s.settings.maxFrequency).toBe(
			Number(duration[1] ?? 0) * 3600 + Number(duration[2] ?? 0) * 60 + Number(duration[3] ?? 0)
		);
	});

	it('sends codes of otp_length digits, 6 to 10, as GoTrue does', async () => {
		const s = await standIn({ auth: { otpLength: 8 } });
		const email = address('eight');
		expect(await requestCode(clientFor(s), s, email)).toMatch(/^\d{8}$/);
		const project = await standIn();
		expect(await requestCode(clientFor(project), project, address('project'))).toHaveLength(project.settings.otpLength);
		await expect(standIn({ auth: { otpLength: 5 } })).rejects.toThrow(/otp_length must be 6 to 10/);
	});
});

describe('emailed codes', () => {
	it('a second request within max_frequency is 429 over_email_send_rate_limit; only the newest code is valid', async () => {
		const s = await standIn({ auth: { enableConfirmations: false, maxFrequency: 60 } });
		const client = clientFor(s);
		const email = address('newest');
		expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
		const again = await client.auth.signInWithOtp({ email });
		expect(again.error).toBeInstanceOf(AuthApiError);
		expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
		expect(again.error!.message).toMatch(/^For security purposes, you can only request this after (59|60) seconds\.$/);

		s.advanceClock(61);
		expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
		const [first, second] = s.mailbox(email);
		expect(s.mailbox(email)).toHaveLength(2);
		const old = await client.auth.verifyOtp({ email, token: first!, type: 'email' });
		if (first !== second) expect(old.error).toMatchObject({ status: 403, code: 'otp_expired' });
		const newest = await client.auth.verifyOtp({ email, token: second!, type: 'email' });
		expect(newest.error).toBeNull();
		expect(newest.data.session).not.toBeNull();
	});

	it('a code expires after otp_expiry', async () => {
		const s = await standIn({ auth: { otpExpiry: 900 } });
		const client = clientFor(s);
		const email = address('expiry');
		const code = await requestCode(client, s, email);
		s.advanceClock(901);
		const late = await client.auth.verifyOtp({ email, token: code, type: 'email' });
		expect(late.error).toMatchObject({ status: 403, code: 'otp_expired', message: 'Token has expired or is invalid' });
		const fresh = await requestCode(client, s, email);
		s.advanceClock(899);
		expect((await client.auth.verifyOtp({ email, token: fresh, type: 'email' })).error).toBeNull();
	});

	it('a used code cannot be used again', async () => {
		const s = await standIn();
		const client = clientFor(s);
		const email = address('once');
		const code = await requestCode(client, s, email);
		expect((await client.auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
		const replay = await clientFor(s).auth.verifyOtp({ email, token: code, type: 'email' });
		expect(replay.error).toMatchObject({ status: 403, code: 'otp_expired' });
	});

	it('with confirmations on, a new address gets the Confirm signup template, then Magic Link; type email takes both', async () => {
		const s = await standIn({ auth: { enableConfirmations: true } });
		const email = address('templates');
		const client = clientFor(s);
		const first = await requestCode(client, s, email);
		expect(s.messages(email).map((m) => m.template)).toEqual(['confirmation']);
		expect((await client.auth.verifyOtp({ email, token: first, type: 'email' })).error).toBeNull();
		const rows = await database.transaction((q) =>
			q('select email_confirmed_at from auth.users where email = $1', [email])
		);
		expect(rows[0]!.email_confirmed_at).not.toBeNull();

		const second = await requestCode(clientFor(s), s, email);
		expect(s.messages(email).map((m) => m.template)).toEqual(['confirmation', 'magic_link']);
		// The kinds are distinct: a magic-link code is not a signup confirmation.
		expect((await clientFor(s).auth.verifyOtp({ email, token: second, type: 'signup' })).error).toMatchObject({
			status: 403
		});
		expect((await clientFor(s).auth.verifyOtp({ email, token: second, type: 'email' })).error).toBeNull();
	});

	it('with confirmations off, a new address is confirmed at once and gets the Magic Link template', async () => {
		const s = await standIn({ auth: { enableConfirmations: false } });
		const email = address('autoconfirm');
		await requestCode(clientFor(s), s, email);
		expect(s.messages(email).map((m) => m.template)).toEqual(['magic_link']);
		const rows = await database.transaction((q) =>
			q('select email_confirmed_at from auth.users where email = $1', [email])
		);
		expect(rows[0]!.email_confirmed_at).not.toBeNull();
	});
});

describe('password sign-up and sign-in', () => {
	it('with confirmations on: an unconfirmed user, no session, and password sign-in refused with email_not_confirmed', async () => {
		const s = await standIn({ auth: { enableConfirmations: true } });
		const email = address('unconfirmed');
		const signedUp = await clientFor(s).auth.signUp({ email, password: 'correct horse battery' });
		expect(signedUp.error).toBeNull();
		expect(signedUp.data.session).toBeNull();
		expect(signedUp.data.user?.email_confirmed_at).toBeUndefined();
		expect(s.messages(email).map((m) => m.template)).toEqual(['confirmation']);
		const refused = await clientFor(s).auth.signInWithPassword({ email, password: 'correct horse battery' });
		expect(refused.error).toBeInstanceOf(AuthApiError);
		expect(refused.error).toMatchObject({ status: 400, code: 'email_not_confirmed', message: 'Email not confirmed' });
		const wrong = await clientFor(s).auth.signInWithPassword({ email, password: 'not the password' });
		expect(wrong.error).toMatchObject({
			status: 400,
			code: 'invalid_credentials',
			message: 'Invalid login credentials'
		});
	});

	it('with confirmations off: the sign-up is confirmed at once and has a session (anyone can pre-claim an address)', async () => {
		const s = await standIn({ auth: { enableConfirmations: false } });
		const email = address('preclaim');
		const signedUp = await clientFor(s).auth.signUp({ email, password: 'correct horse battery' });
		expect(signedUp.error).toBeNull();
		expect(signedUp.data.session).not.toBeNull();
		expect(s.messages(email)).toEqual([]);
		expect((await clientFor(s).auth.signInWithPassword({ email, password: 'correct horse battery' })).error).toBeNull();
		const twice = await clientFor(s).auth.signUp({ email, password: 'another password' });
		expect(twice.error).toMatchObject({ status: 422, code: 'user_already_exists' });
	});

	it('with confirmations on, signing up a confirmed address answers a made-up user and changes nothing', async () => {
		const s = await standIn({ auth: { enableConfirmations: true } });
		const email = address('taken');
		const client = clientFor(s);
		await client.auth.verifyOtp({ email, token: await requestCode(client, s, email), type: 'email' });
		const real = (await client.auth.getUser()).data.user!;
		const again = await clientFor(s).auth.signUp({ email, password: 'correct horse battery' });
		expect(again.error).toBeNull();
		expect(again.data.session).toBeNull();
		expect(again.data.user?.id).not.toBe(real.id);
		expect(again.data.user?.identities).toEqual([]);
		expect(
			(await clientFor(s).auth.signInWithPassword({ email, password: 'correct horse battery' })).error
		).toMatchObject({
			code: 'invalid_credentials'
		});
	});

	it('secure_password_change: a session older than a day must reauthenticate to set a password', async () => {
		const s = await standIn({ auth: { securePasswordChange: true } });
		const client = clientFor(s);
		const email = address('secure');
		await client.auth.verifyOtp({ email, token: await requestCode(client, s, email), type: 'email' });
		expect((await client.auth.updateUser({ password: 'a fresh password' })).error).toBeNull();
		s.advanceClock(25 * 3600);
		await client.auth.refreshSession();
		const late = await client.auth.updateUser({ password: 'another fresh one' });
		expect(late.error).toMatchObject({ status: 400, code: 'reauthentication_needed' });
	});
});

describe("Supabase's built-in mailer", () => {
	it('mails only the organisation members: anyone else is email_address_not_authorized and no user is made', async () => {
		const s = await standIn({
			auth: { enableConfirmations: true },
			builtInMailer: { members: ['owner@team.example'] }
		});
		const stranger = address('stranger');
		const otp = await clientFor(s).auth.signInWithOtp({ email: stranger });
		expect(otp.error).toMatchObject({
			status: 400,
			code: 'email_address_not_authorized',
			message: `Email address "${stranger}" cannot be used as it is not authorized`
		});
		const signUp = await clientFor(s).auth.signUp({ email: stranger, password: 'correct horse battery' });
		expect(signUp.error).toMatchObject({ status: 400, code: 'email_address_not_authorized' });
		expect(await usersNamed(stranger)).toBe(0);
		expect((await clientFor(s).auth.signInWithOtp({ email: 'owner+phone@team.example' })).error).toBeNull();
	});

	it('sends a few emails an hour for the whole project, then 429 over_email_send_rate_limit', async () => {
		const members = ['a@team.example', 'b@team.example', 'c@team.example'];
		const s = await standIn({ auth: { enableConfirmations: true }, builtInMailer: { members, perHour: 2 } });
		expect((await clientFor(s).auth.signInWithOtp({ email: members[0]! })).error).toBeNull();
		expect((await clientFor(s).auth.signInWithOtp({ email: members[1]! })).error).toBeNull();
		const third = await clientFor(s).auth.signInWithOtp({ email: members[2]! });
		expect(third.error).toMatchObject({
			status: 429,
			code: 'over_email_send_rate_limit',
			message: 'email rate limit exceeded'
		});
		s.advanceClock(3601);
		expect((await clientFor(s).auth.signInWithOtp({ email: members[2]! })).error).toBeNull();
	});
});

describe('code requests per IP address', () => {
	it('30 at once, then sign_in_sign_ups per 5 minutes: 429 over_request_rate_limit, which the app words', async () => {
		// config.toml's own limit (10 per 5 minutes), from one address (this test's).
		const s = await standIn();
		expect(s.settings.signInsPerFiveMinutes).toBe(10);
		const ask = (n: number) => clientFor(s).auth.signInWithOtp({ email: `visitor${n}@example.org` });
		for (let n = 0; n < 30; n++) expect((await ask(n)).error, `request ${n + 1}`).toBeNull();
		const refused = await ask(30);
		expect(refused.error).toMatchObject({
			status: 429,
			code: 'over_request_rate_limit',
			message: 'Request rate limit reached'
		});
		expect(sendCodeMessage(refused.error!)).toBe(
			'Too many sign-in codes were asked for from this network. Try again in a few minutes.'
		);
		// Another address is not held back; this one gets a request back every 30 seconds.
		const elsewhere = await fetch(`${s.url}/auth/v1/otp`, {
			method: 'POST',
			headers: { apikey: s.anonKey, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
			body: JSON.stringify({ email: 'elsewhere@example.org', create_user: true })
		});
		expect(elsewhere.status).toBe(200);
		s.advanceClock(30);
		expect((await ask(31)).error).toBeNull();
		expect((await ask(32)).error).toMatchObject({ code: 'over_request_rate_limit' });
	});
});

describe('refresh tokens', () => {
	async function refresh(s: StandIn, token: string) {
		const response = await fetch(`${s.url}/auth/v1/token?grant_type=refresh_token`, {
			method: 'POST',
			headers: { apikey: s.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
			body: JSON.stringify({ refresh_token: token })
		});
		return { status: response.status, body: (await response.json()) as Record<string, string> };
	}

	it('rotate; an old one reused after the reuse interval is refresh_token_already_used and ends the session', async () => {
		const s = await standIn({ auth: { refreshTokenReuseInterval: 10 } });
		const client = clientFor(s);
		const email = address('rotate');
		await client.auth.verifyOtp({ email, token: await requestCode(client, s, email), type: 'email' });
		const t0 = (await client.auth.getSession()).data.session!.refresh_token;
		const r1 = await refresh(s, t0);
		expect(r1.status).toBe(200);
		expect(r1.body.refresh_token).not.toBe(t0);
		// A client that lost the answer may present its last token again: it gets the same answer.
		expect((await refresh(s, t0)).body.refresh_token).toBe(r1.body.refresh_token);
		const r2 = await refresh(s, r1.body.refresh_token!);
		s.advanceClock(11);
		expect(await refresh(s, t0)).toEqual({
			status: 400,
			body: { code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' }
		});
		// GoTrue revokes the whole session: the newest token dies with it.
		expect((await refresh(s, r2.body.refresh_token!)).body.code).toBe('refresh_token_already_used');
		const viaJs = await clientFor(s).auth.refreshSession({ refresh_token: t0 });
		expect(viaJs.error).toBeInstanceOf(AuthApiError);
		expect(viaJs.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
	});

	it('with rotation off, a reused one is still refused, but the session lives on', async () => {
		const s = await standIn({ auth: { refreshTokenRotation: false, refreshTokenReuseInterval: 10 } });
		const client = clientFor(s);
		const email = address('norotation');
		await client.auth.verifyOtp({ email, token: await requestCode(client, s, email), type: 'email' });
		const t0 = (await client.auth.getSession()).data.session!.refresh_token;
		const r1 = await refresh(s, t0);
		const r2 = await refresh(s, r1.body.refresh_token!);
		s.advanceClock(11);
		expect((await refresh(s, t0)).body.code).toBe('refresh_token_already_used');
		expect((await refresh(s, r2.body.refresh_token!)).status).toBe(200);
	});

	it('an unknown one is refresh_token_not_found', async () => {
		const s = await standIn();
		expect(await refresh(s, 'never-issued')).toEqual({
			status: 400,
			body: { code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' }
		});
	});
});

describe('access tokens', () => {
	it('live jwt_expiry seconds; PostgREST refuses one from 30 seconds after', async () => {
		const s = await standIn({ auth: { jwtExpiry: 120 } });
		const client = clientFor(s);
		const email = address('expiring');
		await client.auth.verifyOtp({ email, token: await requestCode(client, s, email), type: 'email' });
		const session = (await client.auth.getSession()).data.session!;
		expect(session.expires_in).toBe(120);
		const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString()) as Record<
			string,
			number
		>;
		expect(claims.exp! - claims.iat!).toBe(120);
		s.advanceClock(140);
		expect((await client.rpc('sync_pull', { since: 0, lim: 1 })).error).toBeNull();
		s.advanceClock(11);
		const late = await client.rpc('sync_pull', { since: 0, lim: 1 });
		expect(late.status).toBe(401);
		expect(late.error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
	});
});

describe('error bodies', () => {
	it('are { code, message } for API version 2024-01-01 (echoed back), the old shape without it', async () => {
		const s = await standIn();
		const post = (headers: Record<string, string>) =>
			fetch(`${s.url}/auth/v1/verify`, {
				method: 'POST',
				headers: { apikey: s.anonKey, 'content-type': 'application/json', ...headers },
				body: JSON.stringify({ email: address('nobody'), token: '123456', type: 'email' })
			});
		const current = await post({ 'X-Supabase-Api-Version': '2024-01-01' });
		expect(current.status).toBe(403);
		expect(current.headers.get('x-supabase-api-version')).toBe('2024-01-01');
		expect(await current.json()).toEqual({ code: 'otp_expired', message: 'Token has expired or is invalid' });
		const legacy = await post({});
		expect(await legacy.json()).toEqual({
			code: 403,
			error_code: 'otp_expired',
			msg: 'Token has expired or is invalid'
		});
		// supabase-js sends the header and maps the answer to an AuthApiError with code and status.
		const { error } = await clientFor(s).auth.verifyOtp({ email: address('nobody'), token: '123456', type: 'email' });
		expect(error).toBeInstanceOf(AuthApiError);
		expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
	});
});
