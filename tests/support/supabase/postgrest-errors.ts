// TEST TOOL: how PostgREST turns a Postgres error into an HTTP status and body
// (https://postgrest.org/en/stable/references/errors.html), for the local stand-in.

export interface PostgrestErrorBody {
	code: string;
	message: string;
	details: string | null;
	hint: string | null;
}

interface PgError {
	code?: string;
	message?: string;
	detail?: string;
	hint?: string;
}

/** PostgREST's status for a SQLSTATE; 42501 is 401 for anonymous callers and 403 otherwise. */
export function statusFor(code: string, anonymous: boolean): number {
	if (code === '42501') return anonymous ? 401 : 403;
	if (code === '23503' || code === '23505') return 409;
	if (code === '42883' || code === '42P01') return 404;
	if (code === 'P0001') return 400;
	if (code === '25006') return 405;
	if (/^(08|53)/.test(code)) return 503;
	if (/^(09|25|2D|38|39|3B|40|54|55|57|58|F0|HV|P0|XX)/.test(code)) return 500;
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
