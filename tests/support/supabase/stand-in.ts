// TEST TOOL — a local stand-in for the parts of Supabase's HTTP API this app uses, so the real
// supabase-js client can be tested here (Supabase's Docker stack cannot run on these machines). Not
// a server for real users. Every way it is kinder than Supabase is a way for a test to pass while
// production fails, so each rule follows the real service, with its source beside it:
// - /auth/v1: GoTrue (auth.ts, auth-users.ts, mailer.ts, gotrue-errors.ts), with the settings of
//   supabase/config.toml (config.ts) unless a test overrides them;
// - /rest/v1: PostgREST (rest.ts, rest-tables.ts, jwt.ts, postgrest-errors.ts);
// - a gateway in front, as Supabase's: requests need an `apikey` (the anon or service_role key).
// The stand-in has its own clock (`advanceClock`), used for everything time-bound in auth and
// in JWTs, so a test can let a minute or an hour pass.
// - GET /__test/mailbox?email=…: what was "sent" to an address (Supabase's local stack has a test
//   mailbox too).
// Runs over PGlite or a real Postgres (database.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createAuth } from './auth';
import { checkAuthSettings, readProjectConfig, type ApiSettings, type AuthSettings } from './config';
import type { Sql } from './database';
import { signJwt, verifyForGotrue, type Claims } from './jwt';
import { Mailer, type BuiltInMailer, type MailMessage } from './mailer';
import { handleRest } from './rest';
import { STAND_IN_SECRET } from './secret.mjs';

export type { AuthSettings, ApiSettings } from './config';
export type { BuiltInMailer, MailMessage } from './mailer';

export interface StandInOptions {
	database: Sql;
	/** A fixed port (the browser test's app is built for it); a free one by default. */
	port?: number;
	/** Called before each request is handled; may answer it itself (fault injection in tests). */
	intercept?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
	/** Auth settings that replace those of config.toml for this stand-in. */
	auth?: Partial<AuthSettings>;
	/** API settings that replace those of config.toml. */
	api?: Partial<ApiSettings>;
	/** Another config.toml than the project's. */
	configPath?: string;
	/** Supabase's built-in mailer (no custom SMTP): organisation members only, a few emails an hour. */
	builtInMailer?: BuiltInMailer;
	/** PostgREST's jwt-aud (default 'authenticated'); null accepts any audience. */
	jwtAudience?: string | null;
	/** Lifetime of access tokens, in seconds (same as auth.jwtExpiry). */
	accessTokenTtl?: number;
}

export interface StandIn {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** The auth settings in force (config.toml with the test's overrides). */
	settings: AuthSettings;
	api: ApiSettings;
	/** The codes sent to an address, newest last. */
	mailbox(email: string): string[];
	/** The emails sent to an address, oldest first, with the template each used. */
	messages(email: string): MailMessage[];
	/** Signs a user's access token directly (tests that need a given expiry or claims). */
	signAccessToken(userId: string, email: string, ttlSeconds?: number, claims?: Claims): Promise<string>;
	/** The stand-in's clock, milliseconds. */
	now(): number;
	/** Lets time pass on the stand-in's clock. */
	advanceClock(seconds: number): void;
	close(): Promise<void>;
}

const CORS = {
	'access-control-allow-origin': '*',
	'access-control-allow-headers':
		'authorization, apikey, content-type, x-client-info, prefer, content-profile, accept-profile, x-supabase-api-version',
	'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
	// GoTrue's CORS exposes its API version header; supabase-js in a browser reads it to find `code`.
	'access-control-expose-headers': 'X-Supabase-Api-Version, x-sb-error-code, content-range, proxy-status'
};

/** Starts the stand-in on a local port. */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
	const config = readProjectConfig(options.configPath);
	const settings = checkAuthSettings({
		...config.auth,
		...(options.accessTokenTtl === undefined ? {} : { jwtExpiry: options.accessTokenTtl }),
		...options.auth
	});
	const api: ApiSettings = { ...config.api, ...options.api };
	let offset = 0;
	const now = () => Date.now() + offset;
	let url = '';
	const secret = STAND_IN_SECRET;
	const iat = Math.floor(now() / 1000);
	// The project's API keys are JWTs with a role and no audience (Supabase's anon/service_role keys).
	const anonKey = signJwt({ iss: 'supabase', role: 'anon', iat, exp: iat + 10 * 365 * 86400 }, secret);
	const serviceRoleKey = signJwt({ iss: 'supabase', role: 'service_role', iat, exp: iat + 10 * 365 * 86400 }, secret);
	const mailer = new Mailer(options.builtInMailer ?? null);
	const auth = createAuth({ database: options.database, settings, secret, mailer, url: () => url, now });
	const rest = {
		database: options.database,
		api,
		secret,
		jwtAudience: options.jwtAudience === undefined ? 'authenticated' : options.jwtAudience,
		now
	};

	/** The gateway's key check: an apikey that is one of the project's keys (anon or service_role). */
	function keyRefused(request: IncomingMessage, search: URLSearchParams): { message: string } | null {
		const key = (request.headers.apikey as string | undefined) ?? search.get('apikey');
		if (!key) return { message: 'No API key found in request' };
		const claims = verifyForGotrue(key, secret, Math.floor(now() / 1000));
		return claims && (claims.role === 'anon' || claims.role === 'service_role') ? null : { message: 'Invalid API key' };
	}

	const server = createServer(async (request, response) => {
		for (const [k, v] of Object.entries(CORS)) response.setHeader(k, v);
		try {
			if (request.method === 'OPTIONS') {
				response.writeHead(204);
				return response.end();
			}
			if (options.intercept && (await options.intercept(request, response))) return;
			const { pathname, searchParams } = new URL(request.url ?? '/', 'http://stand-in');
			if (pathname === '/__test/mailbox') {
				const messages = mailer.messages(String(searchParams.get('email') ?? ''));
				response.writeHead(200, { 'content-type': 'application/json' });
				return response.end(JSON.stringify({ messages }));
			}
			if (pathname.startsWith('/rest/v1/') || pathname.startsWith('/auth/v1/')) {
				const refused = keyRefused(request, searchParams);
				if (refused) {
					response.writeHead(401, { 'content-type': 'application/json' });
					return response.end(JSON.stringify(refused));
				}
			}
			if (pathname.startsWith('/rest/v1/'))
				return await handleRest(rest, request, response, pathname.slice('/rest/v1'.length), searchParams);
			if (pathname.startsWith('/auth/v1/'))
				return await auth.handle(request, response, pathname.slice('/auth/v1'.length), searchParams);
			response.writeHead(404, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ message: 'no Route matched with those values' }));
		} catch (error) {
			if (!response.headersSent) {
				response.writeHead(500, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ message: String(error) }));
			}
		}
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('The stand-in did not get a port.');
	url = `http://127.0.0.1:${address.port}`;

	return {
		url,
		anonKey,
		serviceRoleKey,
		settings,
		api,
		mailbox: (email) => mailer.messages(email).map((m) => m.code),
		messages: (email) => mailer.messages(email),
		signAccessToken: async (userId, email, seconds, claims) => auth.signAccessToken(userId, email, seconds, claims),
		now,
		advanceClock: (seconds) => {
			offset += seconds * 1000;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
