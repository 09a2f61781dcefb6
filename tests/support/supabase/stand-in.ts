// TEST TOOL — a small local stand-in for the parts of Supabase's HTTP API this app uses, so the
// real supabase-js client can be tested here (Supabase's Docker stack cannot run on these
// machines). Not a server for real users.
//
// - POST /rest/v1/rpc/<fn>: PostgREST semantics — named JSON arguments; the role and
//   request.jwt.claims come from the bearer JWT (or the apikey) and are set per request inside a
//   transaction; PostgREST-shaped error bodies and statuses.
// - /auth/v1: email one-time codes (otp, verify), token refresh, user, logout — tokens are HS256
//   JWTs signed with `jose`, as GoTrue issues them.
// - GET /__test/mailbox?email=…: the codes "sent" to an address (Supabase's local development
//   has a test mailbox too).
// Runs over PGlite or a real Postgres (see database.ts).
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Sql } from './database';
import { errorBody, statusFor } from './postgrest-errors';
import { STAND_IN_SECRET } from './secret.mjs';

export interface StandInOptions {
	database: Sql;
	/** Lifetime of access tokens, in seconds (Supabase's default is 3600). */
	accessTokenTtl?: number;
	/** A fixed port (the browser test's app is built for it); a free one by default. */
	port?: number;
	/** Called before each request is handled; may answer it itself (fault injection in tests). */
	intercept?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
}

export interface StandIn {
	url: string;
	anonKey: string;
	/** The codes sent to an address, newest last. */
	mailbox(email: string): string[];
	/** Signs an access token for a user id directly (for tests that need a specific expiry). */
	signAccessToken(userId: string, email: string, ttlSeconds?: number): Promise<string>;
	close(): Promise<void>;
}

interface Session {
	userId: string;
	email: string;
	refreshTokens: Set<string>;
}

const SECRET = STAND_IN_SECRET;
const FUNCTION_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const ARGUMENT_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function readJson(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text ? JSON.parse(text) : {};
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
	const cors = {
		'access-control-allow-origin': '*',
		'access-control-allow-headers':
			'authorization, apikey, content-type, x-client-info, prefer, content-profile, accept-profile, x-supabase-api-version',
		'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS'
	};
	if (body === undefined) {
		response.writeHead(status, { ...cors, ...headers });
		response.end();
		return;
	}
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...cors, ...headers });
	response.end(JSON.stringify(body));
}

function authError(response: ServerResponse, status: number, errorCode: string, message: string) {
	send(response, status, { code: status, error_code: errorCode, msg: message });
}

/** Starts the stand-in on a free local port. */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
	const ttl = options.accessTokenTtl ?? 3600;
	const codes = new Map<string, { code: string; expires: number }[]>();
	const sessions = new Map<string, Session>();
	const refreshIndex = new Map<string, string>();
	let url = '';

	const sign = (claims: JWTPayload, seconds: number) =>
		new SignJWT(claims)
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setIssuedAt()
			.setExpirationTime(`${seconds}s`)
			.sign(SECRET);
	const anonKey = await sign({ role: 'anon', iss: 'supabase-stand-in' }, 10 * 365 * 24 * 3600);

	async function signAccessToken(userId: string, email: string, seconds = ttl, sessionId: string = randomUUID()) {
		return sign(
			{
				aud: 'authenticated',
				iss: `${url}/auth/v1`,
				sub: userId,
				email,
				phone: '',
				role: 'authenticated',
				aal: 'aal1',
				amr: [{ method: 'otp', timestamp: Math.floor(Date.now() / 1000) }],
				session_id: sessionId,
				is_anonymous: false,
				app_metadata: { provider: 'email', providers: ['email'] },
				user_metadata: {}
			},
			seconds
		);
	}

	function userJson(id: string, email: string) {
		const now = new Date().toISOString();
		return {
			id,
			aud: 'authenticated',
			role: 'authenticated',
			email,
			email_confirmed_at: now,
			phone: '',
			confirmed_at: now,
			last_sign_in_at: now,
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: {},
			identities: [],
			created_at: now,
			updated_at: now,
			is_anonymous: false
		};
	}

	async function sessionResponse(sessionId: string, session: Session) {
		const refreshToken = randomBytes(18).toString('base64url');
		session.refreshTokens.add(refreshToken);
		refreshIndex.set(refreshToken, sessionId);
		const accessToken = await signAccessToken(session.userId, session.email, ttl, sessionId);
		return {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: ttl,
			expires_at: Math.floor(Date.now() / 1000) + ttl,
			refresh_token: refreshToken,
			user: userJson(session.userId, session.email)
		};
	}

	/** The caller's claims: from a user's bearer token, else from the apikey; null if invalid. */
	async function claimsOf(request: IncomingMessage): Promise<JWTPayload | null> {
		const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
		const token = bearer ?? (request.headers.apikey as string | undefined);
		if (!token) return null;
		try {
			return (await jwtVerify(token, SECRET)).payload;
		} catch {
			return null;
		}
	}

	async function rpc(request: IncomingMessage, response: ServerResponse, fn: string) {
		const claims = await claimsOf(request);
		if (!claims) {
			send(
				response,
				401,
				{ code: 'PGRST301', message: 'JWT expired or invalid', details: null, hint: null },
				{ 'www-authenticate': 'Bearer error="invalid_token"' }
			);
			return;
		}
		const role = claims.role === 'authenticated' || claims.role === 'service_role' ? claims.role : 'anon';
		let args: unknown;
		try {
			args = await readJson(request);
		} catch {
			send(response, 400, { code: 'PGRST102', message: 'Empty or invalid json', details: null, hint: null });
			return;
		}
		if (!FUNCTION_NAME.test(fn) || typeof args !== 'object' || args === null || Array.isArray(args)) {
			send(response, 400, {
				code: 'PGRST102',
				message: 'Expected a JSON object of named arguments',
				details: null,
				hint: null
			});
			return;
		}
		const entries = Object.entries(args);
		if (entries.some(([name]) => !ARGUMENT_NAME.test(name))) {
			send(response, 404, {
				code: 'PGRST202',
				message: `Could not find the function public.${fn} with those arguments`,
				details: null,
				hint: null
			});
			return;
		}
		const call = `select public.${fn}(${entries.map(([name], i) => `${name} => $${i + 1}`).join(', ')}) as result`;
		const params = entries.map(([, value]) =>
			value === null ? null : typeof value === 'object' ? JSON.stringify(value) : String(value)
		);
		try {
			const rows = await options.database.transaction(async (query) => {
				await query(`set local role ${role}`);
				await query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
				return query(call, params);
			});
			send(response, 200, rows[0]?.result ?? null);
		} catch (error) {
			const body = errorBody(error);
			if (body.code === '42883') {
				send(response, 404, { ...body, code: 'PGRST202', hint: 'Perhaps you meant to call another function' });
				return;
			}
			send(response, statusFor(body.code, role === 'anon'), body);
		}
	}

	async function auth(request: IncomingMessage, response: ServerResponse, path: string, search: URLSearchParams) {
		if (request.method === 'POST' && path === '/otp') {
			const body = (await readJson(request)) as { email?: string; create_user?: boolean };
			const email = String(body.email ?? '')
				.trim()
				.toLowerCase();
			if (!/^[^\s@]+@[^\s@]+$/.test(email))
				return authError(response, 400, 'validation_failed', 'Unable to validate email address: invalid format');
			const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
			codes.set(email, [...(codes.get(email) ?? []), { code, expires: Date.now() + 3_600_000 }]);
			return send(response, 200, {});
		}
		if (request.method === 'POST' && path === '/verify') {
			const body = (await readJson(request)) as { email?: string; token?: string; type?: string };
			const email = String(body.email ?? '')
				.trim()
				.toLowerCase();
			const sent = codes.get(email) ?? [];
			const match = sent.find((c) => c.code === String(body.token ?? '') && c.expires > Date.now());
			if (!match || body.type !== 'email')
				return authError(response, 403, 'otp_expired', 'Token has expired or is invalid');
			codes.set(email, []);
			const rows = await options.database.transaction((query) =>
				query(
					`insert into auth.users (id, email, email_confirmed_at, last_sign_in_at) values ($1, $2, now(), now())
					 on conflict (email) where (is_sso_user = false) do update set last_sign_in_at = now() returning id`,
					[randomUUID(), email]
				)
			);
			const sessionId = randomUUID();
			const session: Session = { userId: String(rows[0]!.id), email, refreshTokens: new Set() };
			sessions.set(sessionId, session);
			return send(response, 200, await sessionResponse(sessionId, session));
		}
		if (request.method === 'POST' && path === '/token' && search.get('grant_type') === 'refresh_token') {
			const body = (await readJson(request)) as { refresh_token?: string };
			const token = String(body.refresh_token ?? '');
			const sessionId = refreshIndex.get(token);
			const session = sessionId ? sessions.get(sessionId) : undefined;
			if (!sessionId || !session || !session.refreshTokens.has(token)) {
				return authError(response, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
			}
			return send(response, 200, await sessionResponse(sessionId, session));
		}
		const claims = await claimsOf(request);
		const sessionId = typeof claims?.session_id === 'string' ? claims.session_id : '';
		if (request.method === 'GET' && path === '/user') {
			if (!claims || claims.role !== 'authenticated')
				return authError(response, 403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
			return send(response, 200, userJson(String(claims.sub), String(claims.email ?? '')));
		}
		if (request.method === 'POST' && path === '/logout') {
			if (!claims || claims.role !== 'authenticated')
				return authError(response, 403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
			const session = sessions.get(sessionId);
			for (const token of session?.refreshTokens ?? []) refreshIndex.delete(token);
			sessions.delete(sessionId);
			return send(response, 204);
		}
		return authError(response, 404, 'not_found', 'Not found');
	}

	const server = createServer(async (request, response) => {
		try {
			if (request.method === 'OPTIONS') return send(response, 204);
			if (options.intercept && (await options.intercept(request, response))) return;
			const { pathname, searchParams } = new URL(request.url ?? '/', 'http://stand-in');
			const rpcMatch = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(pathname);
			if (rpcMatch && request.method === 'POST') return await rpc(request, response, decodeURIComponent(rpcMatch[1]!));
			if (pathname.startsWith('/auth/v1/'))
				return await auth(request, response, pathname.slice('/auth/v1'.length), searchParams);
			if (pathname === '/__test/mailbox') {
				const email = String(searchParams.get('email') ?? '').toLowerCase();
				return send(response, 200, { messages: (codes.get(email) ?? []).map((c) => ({ code: c.code })) });
			}
			send(response, 404, { code: 'PGRST125', message: `Invalid path ${pathname}`, details: null, hint: null });
		} catch (error) {
			if (!response.headersSent)
				send(response, 500, { code: 'XX000', message: String(error), details: null, hint: null });
		}
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('The stand-in did not get a port.');
	url = `http://127.0.0.1:${address.port}`;

	return {
		url,
		anonKey,
		mailbox: (email) => (codes.get(email.toLowerCase()) ?? []).map((c) => c.code),
		signAccessToken: (userId, email, seconds) => signAccessToken(userId, email, seconds),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
