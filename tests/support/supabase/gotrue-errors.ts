// TEST TOOL: how GoTrue (supabase/auth) answers errors, for the stand-in.
// Body formats: supabase/auth internal/api/errors.go HandleResponseError — with the request header
// X-Supabase-Api-Version at 2024-01-01 or later (supabase-js sends it, and reads it back from the
// response to find `code`) the body is { code, message } and the version is echoed; before, it is
// { code: <status>, error_code, msg }. Both carry the x-sb-error-code header. Error codes:
// internal/api/apierrors/errorcode.go.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class GotrueError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		/** Extra fields of the body (weak_password's reasons). */
		readonly extra: Record<string, unknown> = {}
	) {
		super(message);
	}
}

/** An OAuth-style error (`{ error, error_description }`, always 400), as GoTrue's OAuthError. */
export class OAuthError extends Error {
	constructor(
		readonly error: string,
		readonly description: string
	) {
		super(description);
	}
}

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = Date.parse('2024-01-01T00:00:00Z');

/** Whether the request asked for the 2024-01-01 API (supabase/auth internal/api/apiversions.go). */
export function wantsApi2024(request: IncomingMessage): boolean {
	const header = String(request.headers[API_VERSION_HEADER] ?? '');
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(header);
	return !!m && Date.parse(`${header}T00:00:00Z`) >= API_VERSION_2024;
}

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
) {
	response.writeHead(status, { 'content-type': 'application/json', ...headers });
	response.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Answers an error as GoTrue's HandleResponseError does. */
export function sendError(request: IncomingMessage, response: ServerResponse, error: unknown) {
	if (error instanceof OAuthError)
		return sendJson(response, 400, { error: error.error, error_description: error.description });
	// GoTrue logs what it answers 500 for ("please check server logs"); so does the stand-in.
	if (!(error instanceof GotrueError)) console.error('stand-in GoTrue:', error);
	const e =
		error instanceof GotrueError
			? error
			: new GotrueError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
	const headers: Record<string, string> = { 'x-sb-error-code': e.code };
	if (wantsApi2024(request)) {
		headers['X-Supabase-Api-Version'] = '2024-01-01';
		return sendJson(response, e.status, { code: e.code, message: e.message, ...e.extra }, headers);
	}
	sendJson(response, e.status, { code: e.status, error_code: e.code, msg: e.message, ...e.extra }, headers);
}
