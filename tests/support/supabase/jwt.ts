// TEST TOOL: HS256 JWTs as Supabase's services sign and check them, on the stand-in's clock.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { jwtError, type PostgrestError } from './postgrest-errors';

export type Claims = Record<string, unknown>;

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs claims with HS256 (GoTrue signs access tokens this way with the project's JWT secret). */
export function signJwt(claims: Claims, secret: Uint8Array): string {
	const body = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
	return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`;
}

/** The header and claims of a token whose HS256 signature is right; an error naming what is wrong. */
function decode(token: string, secret: Uint8Array): { claims?: Claims; error?: PostgrestError } {
	// PostgREST/postgrest src/PostgREST/Auth/Jwt.hs parseToken, messages from Error.hs (JwtDecodeError).
	if (token === '') return { error: jwtError('PGRST301', 'Empty JWT is sent in Authorization header') };
	const parts = token.split('.');
	if (parts.length !== 3) return { error: jwtError('PGRST301', `Expected 3 parts in JWT; got ${parts.length}`) };
	let header: { alg?: unknown };
	try {
		header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
	} catch {
		return { error: jwtError('PGRST301', 'JWT cryptographic operation failed') };
	}
	if (header.alg !== 'HS256') {
		const known = ['HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
		return {
			error: known.includes(String(header.alg))
				? jwtError('PGRST301', 'No suitable key or wrong key type')
				: jwtError('PGRST301', 'Wrong or unsupported encoding algorithm')
		};
	}
	const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
	const given = Buffer.from(parts[2]!, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		return { error: jwtError('PGRST301', 'JWT cryptographic operation failed') };
	try {
		const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
		if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('not an object');
		return { claims: claims as Claims };
	} catch {
		return { error: jwtError('PGRST303', 'Parsing claims failed') };
	}
}

/**
 * The claims of a JWT as PostgREST accepts them, or the error it answers (src/PostgREST/Auth/Jwt.hs
 * checkForErrors): exp, nbf and iat are checked with 30 seconds of allowed clock skew, in that
 * order, then aud against the configured jwt-aud (a token without aud is accepted).
 */
export function verifyForPostgrest(
	token: string,
	secret: Uint8Array,
	nowSeconds: number,
	audience: string | null
): Claims | PostgrestError {
	const { claims, error } = decode(token, secret);
	if (error) return error;
	const skew = 30;
	const time = (key: string, bad: (t: number) => boolean, message: string): PostgrestError | null => {
		const v = claims![key];
		if (v === undefined || v === null) return null;
		if (typeof v !== 'number') return jwtError('PGRST303', `The JWT '${key}' claim must be a number`);
		return bad(Math.trunc(v)) ? jwtError('PGRST303', message) : null;
	};
	const failure =
		time('exp', (exp) => nowSeconds - skew > exp, 'JWT expired') ??
		time('nbf', (nbf) => nowSeconds + skew < nbf, 'JWT not yet valid') ??
		time('iat', (iat) => nowSeconds + skew < iat, 'JWT issued at future');
	if (failure) return failure;
	const aud = claims!.aud;
	if (aud !== undefined && aud !== null) {
		const valid = typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string'));
		if (!valid) return jwtError('PGRST303', "The JWT 'aud' claim must be a string or an array of strings");
		const auds = typeof aud === 'string' ? [aud] : (aud as string[]);
		if (audience !== null && auds.length > 0 && !auds.includes(audience))
			return jwtError('PGRST303', 'JWT not in audience');
	}
	return claims!;
}

/**
 * The claims of a user's access token as GoTrue accepts them (golang-jwt: signature and exp, no
 * skew), or null. GoTrue answers a bad one 403 bad_jwt (supabase/auth internal/api/auth.go).
 */
export function verifyForGotrue(token: string, secret: Uint8Array, nowSeconds: number): Claims | null {
	const { claims, error } = decode(token, secret);
	if (error || !claims) return null;
	if (typeof claims.exp === 'number' && nowSeconds >= claims.exp) return null;
	return claims;
}
