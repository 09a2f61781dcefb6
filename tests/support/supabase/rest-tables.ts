// TEST TOOL: the stand-in's PostgREST table endpoints, /rest/v1/<relation>, for tables and views of
// the exposed schema, with the caller's grants and RLS (PostgREST docs "Tables and Views"):
// - GET (and HEAD): `select=` columns, filters `col=op.value` (eq, neq, gt, gte, lt, lte, like,
//   ilike, is, in, with `not.`), `order=`, `limit=`, `offset=`; at most `[api] max_rows` rows;
// - POST: one object or an array; `Prefer: resolution=merge-duplicates|ignore-duplicates` upserts on
//   the primary key or `on_conflict=`; 201;
// - PATCH and DELETE with filters; 204, or 200 with `Prefer: return=representation`;
// - PUT: an upsert of one row named by its whole primary key.
// Not there: embedding, aggregates, counts, Range. Supabase loads pg-safeupdate for the API
// (supabase/postgres migrations/db/migrations/20260403172611_safeupdate-data-api-enable.sql sets it
// in authenticator's session_preload_libraries): an UPDATE or DELETE without a WHERE clause fails
// with 21000 "... requires a WHERE clause", 400. Neither PGlite nor Debian's Postgres has the
// extension, so the stand-in refuses such a statement itself, with the same error.
import type { Query } from './database';
import { pgrst } from './postgrest-errors';
import { quoteIdent, type RestContext, type RestRequest, type RestResponse } from './rest';

const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);
const OPERATORS: Record<string, string> = {
	eq: '=',
	neq: '<>',
	gt: '>',
	gte: '>=',
	lt: '<',
	lte: '<=',
	like: 'like',
	ilike: 'ilike'
};

interface Relation {
	columns: Map<string, string>;
	primaryKey: string[];
}

async function relation(query: Query, schema: string, name: string): Promise<Relation> {
	const found = await query(
		`select c.oid from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
		 where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'v', 'm', 'f', 'p')`,
		[schema, name]
	);
	// src/PostgREST/Error/SchemaCacheError.hs TableNotFound
	if (found.length === 0)
		throw pgrst(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`);
	const oid = found[0]!.oid;
	const columns = await query(
		`select attname, pg_catalog.format_type(atttypid, atttypmod) as type from pg_catalog.pg_attribute
		 where attrelid = $1 and attnum > 0 and not attisdropped order by attnum`,
		[oid]
	);
	const key = await query(
		`select a.attname from pg_catalog.pg_index i
		 join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
		 where i.indrelid = $1 and i.indisprimary`,
		[oid]
	);
	return {
		columns: new Map(columns.map((c) => [String(c.attname), String(c.type)])),
		primaryKey: key.map((k) => String(k.attname))
	};
}

/** The WHERE clause of the request's filters, with its parameters appended to `params`. */
function where(req: RestRequest, params: unknown[], qualifier = ''): string[] {
	const conditions: string[] = [];
	for (const [name, raw] of req.search) {
		const column = name;
		const ident = qualifier + quoteIdent(column);
		if (RESERVED.has(name)) continue;
		const negated = raw.startsWith('not.');
		const filter = negated ? raw.slice(4) : raw;
		const dot = filter.indexOf('.');
		const op = dot < 0 ? '' : filter.slice(0, dot);
		const value = filter.slice(dot + 1);
		let condition: string;
		if (op in OPERATORS) {
			params.push(value);
			condition = `${ident} ${OPERATORS[op]} $${params.length}`;
		} else if (op === 'is' && ['null', 'true', 'false', 'unknown'].includes(value.toLowerCase())) {
			condition = `${ident} is ${value.toLowerCase()}`;
		} else if (op === 'in' && /^\(.*\)$/.test(value)) {
			params.push(
				value
					.slice(1, -1)
					.split(',')
					.map((v) => v.trim().replace(/^"(.*)"$/, '$1'))
			);
			condition = `${ident}::text = any($${params.length}::text[])`;
		} else {
			throw pgrst(400, 'PGRST100', `"failed to parse filter (${raw})" (line 1, column 1)`, 'unexpected filter');
		}
		conditions.push(negated ? `not (${condition})` : condition);
	}
	return conditions;
}

function prefer(req: RestRequest, name: string): string | undefined {
	const header = String(req.headers.prefer ?? '');
	for (const part of header.split(',')) {
		const [k, v] = part.trim().split('=');
		if (k === name) return v;
	}
	return undefined;
}

function parseBody(req: RestRequest): Record<string, unknown>[] {
	let body: unknown;
	try {
		body = JSON.parse(req.body);
	} catch (error) {
		throw pgrst(400, 'PGRST102', `Empty or invalid json: ${(error as Error).message}`);
	}
	const rows = Array.isArray(body) ? body : [body];
	if (rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r)))
		throw pgrst(400, 'PGRST102', 'All object keys must match');
	return rows as Record<string, unknown>[];
}

/** The body's columns (the first object's keys, as PostgREST takes them), each checked to exist. */
function bodyColumns(rel: Relation, rows: Record<string, unknown>[], table: string): string[] {
	const columns = Object.keys(rows[0] ?? {});
	for (const c of columns)
		if (!rel.columns.has(c))
			throw pgrst(400, 'PGRST204', `Could not find the '${c}' column of '${table}' in the schema cache`);
	return columns;
}

const safeupdate = (statement: 'UPDATE' | 'DELETE') =>
	Object.assign(new Error(`${statement} requires a WHERE clause`), { code: '21000' });

/** Answers a request on /rest/v1/<name>, inside the request's transaction. */
export async function handleTable(
	query: Query,
	ctx: RestContext,
	req: RestRequest,
	name: string
): Promise<RestResponse> {
	const rel = await relation(query, req.schema, name);
	const target = `${quoteIdent(req.schema)}.${quoteIdent(name)}`;
	const params: unknown[] = [];
	const returning = prefer(req, 'return') === 'representation';
	const wrap = async (statement: string, status: number, rowsOf = '*'): Promise<RestResponse> => {
		if (!returning) {
			await query(statement, params);
			return { status: status === 200 ? 204 : status };
		}
		const rows = await query(
			`with pgrst_source as (${statement} returning ${rowsOf}) select coalesce(json_agg(pgrst_source), '[]')::text as body from pgrst_source`,
			params
		);
		return { status, body: String(rows[0]!.body) };
	};

	switch (req.method) {
		case 'GET':
		case 'HEAD': {
			const select = (req.search.get('select') ?? '*')
				.split(',')
				.map((c) => c.trim())
				.map((c) => (c === '*' ? '*' : quoteIdent(c)))
				.join(', ');
			const conditions = where(req, params);
			const order = (req.search.get('order') ?? '')
				.split(',')
				.filter(Boolean)
				.map((term) => {
					const [column, ...mods] = term.split('.');
					const dir = mods.includes('desc') ? ' desc' : mods.includes('asc') ? ' asc' : '';
					const nulls = mods.includes('nullsfirst') ? ' nulls first' : mods.includes('nullslast') ? ' nulls last' : '';
					return `${quoteIdent(column!)}${dir}${nulls}`;
				});
			const limits = [Number(req.search.get('limit') ?? Infinity), ctx.api.maxRows ?? Infinity];
			const limit = Math.min(...limits);
			const offset = Number(req.search.get('offset') ?? 0);
			const sql =
				`select ${select} from ${target}` +
				(conditions.length ? ` where ${conditions.join(' and ')}` : '') +
				(order.length ? ` order by ${order.join(', ')}` : '') +
				(Number.isFinite(limit) ? ` limit ${Math.trunc(limit)}` : '') +
				(offset ? ` offset ${Math.trunc(offset)}` : '');
			const rows = await query(`select coalesce(json_agg(t), '[]')::text as body from (${sql}) t`, params);
			const body = String(rows[0]!.body);
			const count = (JSON.parse(body) as unknown[]).length;
			const range = count ? `${offset}-${offset + count - 1}/*` : '*/0';
			return { status: 200, headers: { 'content-range': range }, body: req.method === 'HEAD' ? undefined : body };
		}
		case 'POST':
		case 'PUT': {
			const rows = parseBody(req);
			const columns = bodyColumns(rel, rows, name);
			const resolution = req.method === 'PUT' ? 'merge-duplicates' : prefer(req, 'resolution');
			if (req.method === 'PUT') {
				const filtered = [...req.search.keys()].filter((k) => !RESERVED.has(k)).sort();
				if (rows.length !== 1 || filtered.join() !== [...rel.primaryKey].sort().join())
					throw pgrst(405, 'PGRST105', "Filters must include all and only primary key columns with 'eq' operators");
			}
			const list = columns.map(quoteIdent).join(', ');
			params.push(JSON.stringify(rows));
			let statement = `insert into ${target} (${list}) select ${list} from json_populate_recordset(null::${target}, $1::json)`;
			const conflict = (req.search.get('on_conflict') ?? '').split(',').filter(Boolean);
			const keys = conflict.length ? conflict : rel.primaryKey;
			if (resolution === 'merge-duplicates' && keys.length)
				statement += ` on conflict (${keys.map(quoteIdent).join(', ')}) do update set ${columns.map((c) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`).join(', ')}`;
			else if (resolution === 'ignore-duplicates') statement += ' on conflict do nothing';
			return wrap(statement, req.method === 'PUT' ? 200 : 201);
		}
		case 'PATCH': {
			const rows = parseBody(req);
			if (rows.length !== 1) throw pgrst(400, 'PGRST102', 'A PATCH body must be one object');
			const columns = bodyColumns(rel, rows, name);
			params.push(JSON.stringify(rows[0]));
			const conditions = where(req, params, 'pgrst_target.');
			if (conditions.length === 0) throw safeupdate('UPDATE');
			const sets = columns.map((c) => `${quoteIdent(c)} = pgrst_body.${quoteIdent(c)}`).join(', ');
			return wrap(
				`update ${target} as pgrst_target set ${sets} from (select * from json_populate_record(null::${target}, $1::json)) pgrst_body where ${conditions.join(' and ')}`,
				200,
				'pgrst_target.*'
			);
		}
		case 'DELETE': {
			const conditions = where(req, params);
			if (conditions.length === 0) throw safeupdate('DELETE');
			return wrap(`delete from ${target} where ${conditions.join(' and ')}`, 200);
		}
		default:
			throw pgrst(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
	}
}
