// TEST TOOL: how PostgREST answers errors, for the local stand-in. Statuses and messages as
// PostgREST/postgrest src/PostgREST/Error.hs (pgErrorStatus, JwtError), Error/SchemaCacheError.hs
// and Error/ApiRequestError.hs; the table is also docs/references/errors.rst.

export interface PostgrestErrorBody {
	code: string;
	message: string;
	details: string | null;
	hint: string | null;
}

/** An error PostgREST itself raises (PGRSTxxx), with its HTTP status and extra headers. */
export class PostgrestError extends Error {
	constructor(
		readonly status: number,
		readonly body: PostgrestErrorBody,
		readonly headers: Record<string, string> = {}
	) {
		super(body.message);
	}
}

export const pgrst = (
	status: number,
	code: string,
	message: string,
	details: string | null = null,
	hint: string | null = null
) => new PostgrestError(status, { code, message, details, hint });

/** A JWT PostgREST refuses: 401, and WWW-Authenticate says why (Error.hs invalidTokenHeader). */
export function jwtError(code: 'PGRST301' | 'PGRST303', message: string): PostgrestError {
	return new PostgrestError(
		401,
		{ code, message, details: null, hint: null },
		{ 'www-authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}` }
	);
}

interface PgError {
	code?: string;
	message?: string;
	detail?: string;
	hint?: string;
}

/**
 * PostgREST's status for a Postgres error (Error.hs pgErrorStatus). `authenticated` is whether the
 * request ran as a role other than the anonymous one: 42501 is then 403, else 401.
 */
export function statusFor(code: string, message: string, authenticated: boolean): number {
	if (code === '42501') return authenticated ? 403 : 401;
	if (code === '23503' || code === '23505') return 409;
	if (code === '25006') return 405;
	// pg-safeupdate's refusal is the client's fault; another cardinality violation is the server's.
	if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
	// A JWT naming a role that does not exist (PostgREST issue #3601).
	if (code === '22023') return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
	if (code === '42883') return 404;
	if (code === '42P01') return 404;
	if (code === '42P17') return 500;
	if (code === 'P0001') return 400;
	if (code === '53400') return 500;
	if (code === '57P01') return 503;
	if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
	if (/^(08|53)/.test(code)) return 503;
	if (/^54/.test(code)) return 500;
	if (/^(09|25|2D|38|39|3B|40|55|57|58|F0|HV|P0|XX)/.test(code)) return 500;
	if (/^(0L|0P|28)/.test(code)) return 403;
	return 400;
}

/** The body PostgREST sends for a database error. */
export function errorBody(error: unknown): PostgrestErrorBody {
	const e = (error ?? {}) as PgError;
	return {
		code: e.code ?? 'XX000',
		message: e.message ?? String(error),
		details: e.detail ?? null,
		hint: e.hint ?? null
	};
}
