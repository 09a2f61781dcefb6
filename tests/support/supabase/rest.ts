// TEST TOOL: the stand-in's PostgREST (/rest/v1). What it does as PostgREST does, with the source:
// - the caller is the JWT in Authorization (else the apikey, as Supabase's gateway passes it on),
//   checked as src/PostgREST/Auth/Jwt.hs checks it (jwt.ts); the role claim becomes the database
//   role, anon when absent;
// - one transaction per request, as authenticator, with what src/PostgREST/Query.hs (setPgLocals)
//   sets locally: the search_path (the profile's schema, then [api] extra_search_path), the role,
//   request.jwt.claims, request.method, request.path, request.headers, request.cookies, and the
//   impersonated role's own settings (statement_timeout: 8s authenticated, 3s anon on Supabase;
//   docs "Impersonated Role Settings");
// - only the schemas of `[api] schemas` are served; Accept-Profile / Content-Profile choose one
//   (406 PGRST106 for another), the first is the default;
// - /rpc/<fn>: the function is found from pg_proc by schema, name and argument names (404 PGRST202
//   when none fits) and called through json_to_recordset with each parameter's declared type
//   (src/PostgREST/Query/QueryBuilder.hs callPlanToQuery): a jsonb parameter sent as a JSON string
//   stays a jsonb string; omitted parameters take their defaults;
// - /<relation>: tables and views of the exposed schema (404 PGRST205 for anything else) — see
//   rest-tables.ts;
// - errors as src/PostgREST/Error.hs answers them (postgrest-errors.ts).
// The schema is read from the catalog on every request: a real PostgREST caches it and needs
// `NOTIFY pgrst, 'reload schema'` after a migration (a stale cache answers PGRST202/PGRST205).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiSettings } from './config';
import type { Query, Sql } from './database';
import { verifyForPostgrest, type Claims } from './jwt';
import { errorBody, pgrst, PostgrestError, statusFor } from './postgrest-errors';
import { handleTable } from './rest-tables';

export interface RestContext {
	database: Sql;
	api: ApiSettings;
	secret: Uint8Array;
	/** PostgREST's jwt-aud; null accepts any audience. */
	jwtAudience: string | null;
	/** The stand-in's clock, in milliseconds. */
	now(): number;
}

/** A request as PostgREST sees it once the JWT is checked. */
export interface RestRequest {
	method: string;
	path: string;
	search: URLSearchParams;
	headers: IncomingMessage['headers'];
	schema: string;
	role: string;
	claims: Claims;
	body: string;
}

/** What a handler answers: status, headers and a body (already JSON text) or none. */
export interface RestResponse {
	status: number;
	headers?: Record<string, string>;
	body?: string;
}

const ANON_ROLE = 'anon';
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function write(response: ServerResponse, answer: RestResponse) {
	const headers: Record<string, string> = { ...answer.headers };
	if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
	response.writeHead(answer.status, headers);
	response.end(answer.body);
}

function errorResponse(error: PostgrestError): RestResponse {
	return {
		status: error.status,
		headers: { 'proxy-status': `PostgREST; error=${error.body.code}`, ...error.headers },
		body: JSON.stringify(error.body)
	};
}

/** Sets what PostgREST sets for a request, inside its transaction, as authenticator. */
async function prepareTransaction(query: Query, ctx: RestContext, req: RestRequest) {
	// The settings of authenticator (applied at its login on a real server) and of the role the
	// request runs as, those a user may set (context 'user'), database-specific ones last.
	const settings = await query(
		`select split_part(c, '=', 1) as name, substr(c, strpos(c, '=') + 1) as value
		 from pg_catalog.pg_db_role_setting s
		 join pg_catalog.pg_roles r on r.oid = s.setrole
		 cross join lateral unnest(s.setconfig) as c
		 where r.rolname = any($1)
		   and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = current_database()))
		   and split_part(c, '=', 1) in (select name from pg_catalog.pg_settings where context = 'user')
		 order by r.rolname = 'authenticator' desc, s.setdatabase`,
		[['authenticator', req.role]]
	);
	const searchPath = [req.schema, ...ctx.api.extraSearchPath].map(quoteIdent).join(', ');
	const headers = Object.fromEntries(
		Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)])
	);
	const cookies = Object.fromEntries(
		(req.headers.cookie ?? '')
			.split(';')
			.map((c) => c.trim().split('='))
			.filter(([k]) => k)
			.map(([k, ...v]) => [k, v.join('=')])
	);
	await query(`select set_config('search_path', $1, true)`, [searchPath]);
	// A role that does not exist fails here with 22023, one authenticator may not use with 42501.
	await query(`select set_config('role', $1, true)`, [req.role]);
	for (const { name, value } of settings) await query(`select set_config($1, $2, true)`, [name, value]);
	await query(
		`select set_config('request.jwt.claims', $1, true), set_config('request.method', $2, true),
		        set_config('request.path', $3, true), set_config('request.headers', $4, true),
		        set_config('request.cookies', $5, true)`,
		[JSON.stringify(req.claims), req.method, req.path, JSON.stringify(headers), JSON.stringify(cookies)]
	);
}

/** Answers one /rest/v1 request. */
export async function handleRest(
	ctx: RestContext,
	request: IncomingMessage,
	response: ServerResponse,
	path: string,
	search: URLSearchParams
): Promise<void> {
	let role = ANON_ROLE;
	try {
		const method = request.method ?? 'GET';
		const bearer = /^Bearer (.*)$/i.exec(request.headers.authorization ?? '')?.[1];
		const token = bearer ?? (request.headers.apikey as string | undefined);
		let claims: Claims = { role: ANON_ROLE };
		if (token !== undefined) {
			const verified = verifyForPostgrest(token, ctx.secret, Math.floor(ctx.now() / 1000), ctx.jwtAudience);
			if (verified instanceof PostgrestError) return write(response, errorResponse(verified));
			claims = verified;
		}
		// The role claim, anon when there is none (db-anon-role); PostgREST puts it back in the claims.
		role =
			typeof claims.role === 'string'
				? claims.role
				: claims.role === undefined
					? ANON_ROLE
					: JSON.stringify(claims.role);
		claims = { ...claims, role };

		const reading = method === 'GET' || method === 'HEAD';
		const profile = request.headers[reading ? 'accept-profile' : 'content-profile'] as string | undefined;
		const schema = profile ?? ctx.api.schemas[0]!;
		if (!ctx.api.schemas.includes(schema))
			throw pgrst(
				406,
				'PGRST106',
				`Invalid schema: ${schema}`,
				null,
				`Only the following schemas are exposed: ${ctx.api.schemas.join(', ')}`
			);

		const req: RestRequest = {
			method,
			path,
			search,
			headers: request.headers,
			schema,
			role,
			claims,
			body: await readBody(request)
		};
		const rpc = /^\/rpc\/([^/]+)$/.exec(path);
		const relation = /^\/([^/]+)$/.exec(path);
		if (!rpc && !relation) throw pgrst(404, 'PGRST125', 'Invalid path specified in request URL');

		const answer = await ctx.database.transaction(async (query) => {
			await prepareTransaction(query, ctx, req);
			return rpc
				? callFunction(query, ctx, req, decodeURIComponent(rpc[1]!))
				: handleTable(query, ctx, req, decodeURIComponent(relation![1]!));
		}, 'authenticator');
		write(response, answer);
	} catch (error) {
		if (error instanceof PostgrestError) return write(response, errorResponse(error));
		const body = errorBody(error);
		const status = statusFor(body.code, body.message, role !== ANON_ROLE);
		const headers: Record<string, string> = { 'proxy-status': `PostgREST; error=${body.code}` };
		if (status === 401) headers['www-authenticate'] = 'Bearer';
		write(response, { status, headers, body: JSON.stringify(body) });
	}
}

interface Routine {
	inputs: { name: string; type: string }[];
	defaults: number;
	returnsSet: boolean;
	returnsVoid: boolean;
	returnsComposite: boolean;
}

/** The functions of a schema with a name, as PostgREST's schema cache describes them. */
async function routines(query: Query, schema: string, name: string): Promise<Routine[]> {
	const rows = await query(
		`select coalesce(p.proargnames, '{}') as names, coalesce(p.proargmodes::text[], '{}') as modes,
		        array(select pg_catalog.format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) as t) as types,
		        p.pronargs, p.pronargdefaults, p.proretset, p.prorettype = 'pg_catalog.void'::regtype as returns_void,
		        rt.typtype = 'c' or p.prorettype = 'pg_catalog.record'::regtype as returns_composite
		 from pg_catalog.pg_proc p
		 join pg_catalog.pg_namespace n on n.oid = p.pronamespace
		 join pg_catalog.pg_type rt on rt.oid = p.prorettype
		 where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'`,
		[schema, name]
	);
	return rows.map((r) => {
		const names = r.names as string[];
		const modes = r.modes as string[];
		const types = r.types as string[];
		const inputs = types
			.map((type, i) => ({ name: names[i] ?? '', type, mode: modes[i] ?? 'i' }))
			.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v')
			.map(({ name, type }) => ({ name, type }));
		return {
			inputs,
			defaults: Number(r.pronargdefaults),
			returnsSet: Boolean(r.proretset),
			returnsVoid: Boolean(r.returns_void),
			returnsComposite: Boolean(r.returns_composite)
		};
	});
}

/** POST /rpc/<fn>: PostgREST's function call. */
async function callFunction(query: Query, ctx: RestContext, req: RestRequest, fn: string): Promise<RestResponse> {
	if (req.method !== 'POST') throw pgrst(405, 'PGRST101', `Cannot use the ${req.method} method on RPC`);
	let payload: unknown = {};
	if (req.body.trim() !== '') {
		try {
			payload = JSON.parse(req.body);
		} catch (error) {
			throw pgrst(400, 'PGRST102', `Empty or invalid json: ${(error as Error).message}`);
		}
	}
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
		throw pgrst(400, 'PGRST102', 'The body of a function call must be a JSON object');
	const keys = Object.keys(payload).sort();
	const candidates = (await routines(query, req.schema, fn)).filter((r) => {
		const singleJson = r.inputs.length === 1 && r.inputs[0]!.name === '' && /^jsonb?$/.test(r.inputs[0]!.type);
		if (singleJson) return true;
		const names = r.inputs.map((p) => p.name);
		const required = names.slice(0, names.length - r.defaults);
		return keys.every((k) => names.includes(k)) && required.every((n) => keys.includes(n));
	});
	const qualified = `${req.schema}.${fn}`;
	if (candidates.length === 0) {
		// src/PostgREST/Error/SchemaCacheError.hs NoRpc
		const params = keys.length ? `(${keys.join(', ')})` : ' without parameters';
		const details = keys.length
			? ` with parameter${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`
			: ' without parameters';
		throw pgrst(
			404,
			'PGRST202',
			`Could not find the function ${qualified}${params} in the schema cache`,
			`Searched for the function ${qualified}${details} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
		);
	}
	if (candidates.length > 1)
		throw pgrst(
			300,
			'PGRST203',
			`Could not choose the best candidate function between: ${qualified}`,
			null,
			'Try renaming the parameters or the function itself in the database so function overloading can be resolved'
		);
	const routine = candidates[0]!;
	const callee = `${quoteIdent(req.schema)}.${quoteIdent(fn)}`;
	let prefix = '';
	let call = `${callee}()`;
	let params: unknown[] = [];
	if (routine.inputs.length === 1 && routine.inputs[0]!.name === '') {
		call = `${callee}($1::${routine.inputs[0]!.type})`;
		params = [JSON.stringify(payload)];
	} else if (keys.length > 0) {
		const given = routine.inputs.filter((p) => keys.includes(p.name));
		const columns = given.map((p) => `${quoteIdent(p.name)} ${p.type}`).join(', ');
		prefix = `with pgrst_args as (select * from json_to_recordset($1::json) as _(${columns})) `;
		const args = given.map((p) => `${quoteIdent(p.name)} := (select ${quoteIdent(p.name)} from pgrst_args limit 1)`);
		call = `${callee}(${args.join(', ')})`;
		params = [JSON.stringify([payload])];
	}
	if (routine.returnsVoid) {
		await query(`${prefix}select ${call}`, params);
		return { status: 204 };
	}
	const limit = ctx.api.maxRows === null ? '' : ` limit ${ctx.api.maxRows}`;
	const sql = routine.returnsSet
		? `${prefix}select coalesce(json_agg(pgrst_row), '[]')::text as body from (select * from ${call} as pgrst_row${limit}) pgrst_row`
		: routine.returnsComposite
			? `${prefix}select to_json(pgrst_row)::text as body from ${call} as pgrst_row`
			: `${prefix}select coalesce(to_json(${call})::text, 'null') as body`;
	const rows = await query(sql, params);
	return { status: 200, body: String(rows[0]?.body ?? 'null') };
}
