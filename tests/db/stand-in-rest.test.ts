import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase, type Sql } from '../support/supabase/database';
import { signJwt } from '../support/supabase/jwt';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

// The stand-in's PostgREST keeps to PostgREST's rules (sources in tests/support/supabase/rest.ts);
// each test here fails if the stand-in were kinder than Supabase again.
let database: Sql;
let standIn: StandIn;
const ada = randomUUID();
const grace = randomUUID();

// Objects of this test only, made as postgres (the migration role) next to the project's.
const FIXTURES = [
	`create function public.standin_settings() returns jsonb language sql stable as $$
		select jsonb_build_object('statement_timeout', current_setting('statement_timeout'), 'role', current_user,
			'search_path', current_setting('search_path'), 'claims', current_setting('request.jwt.claims', true)::jsonb)
	$$`,
	`create function public.standin_defaults(a integer, b integer default 2) returns integer language sql immutable as $$ select a * 10 + b $$`,
	`create function public.standin_kind(value jsonb) returns text language sql immutable as $$ select jsonb_typeof(value) $$`,
	`create table public.standin_notes (id uuid primary key, owner_id uuid not null default auth.uid(), body text)`,
	`alter table public.standin_notes enable row level security`,
	`create policy "own rows" on public.standin_notes for select to authenticated using (owner_id = auth.uid())`,
	`create policy "add own rows" on public.standin_notes for insert to authenticated with check (owner_id = auth.uid())`,
	`create policy "change own rows" on public.standin_notes for update to authenticated using (owner_id = auth.uid())`,
	`revoke all on public.standin_notes from anon, authenticated, service_role`,
	`grant select, insert, update, delete on public.standin_notes to authenticated`,
	`create schema standin_private`,
	`create table standin_private.secrets (id integer primary key)`,
	`grant usage on schema standin_private to authenticated`,
	`grant all on standin_private.secrets to authenticated`
];

beforeAll(async () => {
	database = await pgliteDatabase();
	await database.transaction(async (q) => {
		for (const sql of FIXTURES) await q(sql);
	}, 'postgres');
	standIn = await startStandIn({ database });
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

async function call(
	path: string,
	token: string | null,
	init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}
) {
	const response = await fetch(`${standIn.url}/rest/v1${path}`, {
		method: init.method ?? 'POST',
		headers: {
			apikey: standIn.anonKey,
			'content-type': 'application/json',
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...init.headers
		},
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}
const token = (user = ada, ttl?: number, claims?: Record<string, unknown>) =>
	standIn.signAccessToken(user, `${user}@example.org`, ttl, claims);

describe('JWTs as PostgREST checks them', () => {
	it('a bad signature is 401 PGRST301', async () => {
		const forged = signJwt(
			{ sub: ada, role: 'authenticated', aud: 'authenticated' },
			new TextEncoder().encode('not-the-secret-of-this-project-0123456789')
		);
		const r = await call('/rpc/standin_settings', forged);
		expect(r.status).toBe(401);
		expect(r.body).toEqual({
			code: 'PGRST301',
			message: 'JWT cryptographic operation failed',
			details: null,
			hint: null
		});
		expect(r.headers.get('www-authenticate')).toBe(
			'Bearer error="invalid_token", error_description="JWT cryptographic operation failed"'
		);
	});

	it('expired is 401 PGRST303 "JWT expired" once past the 30 seconds of allowed skew', async () => {
		const r = await call('/rpc/standin_settings', await token(ada, -31));
		expect(r.status).toBe(401);
		expect(r.body).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
		expect((await call('/rpc/standin_settings', await token(ada, -20))).status).toBe(200);
	});

	it('an aud other than jwt-aud (authenticated) is 401 PGRST303; a token without aud is accepted', async () => {
		const r = await call('/rpc/standin_settings', await token(ada, undefined, { aud: 'somewhere-else' }));
		expect(r.status).toBe(401);
		expect(r.body).toMatchObject({ code: 'PGRST303', message: 'JWT not in audience' });
		// The anon key has no aud.
		expect((await call('/rpc/standin_settings', standIn.anonKey)).status).toBe(200);
	});

	it('a role that does not exist is 401; one authenticator may not switch to is 403 42501', async () => {
		const missing = await call('/rpc/standin_settings', await token(ada, undefined, { role: 'nobody_at_all' }));
		expect(missing.status).toBe(401);
		expect(missing.body).toMatchObject({ code: '22023', message: 'role "nobody_at_all" does not exist' });
		const postgres = await call('/rpc/standin_settings', await token(ada, undefined, { role: 'postgres' }));
		expect(postgres.status).toBe(403);
		expect(postgres.body).toMatchObject({ code: '42501', message: 'permission denied to set role "postgres"' });
	});
});

describe('each request runs as PostgREST runs it', () => {
	it("with the role's statement_timeout (8s authenticated, 3s anon), the claims and the exposed schema first", async () => {
		const authed = await call('/rpc/standin_settings', await token());
		expect(authed.body).toMatchObject({
			statement_timeout: '8s',
			role: 'authenticated',
			search_path: '"public", "public", "extensions"',
			claims: { sub: ada, role: 'authenticated' }
		});
		const anon = await call('/rpc/standin_settings', standIn.anonKey);
		expect(anon.body).toMatchObject({ statement_timeout: '3s', role: 'anon', claims: { role: 'anon' } });
	});

	it("needs an apikey, as Supabase's gateway does", async () => {
		const response = await fetch(`${standIn.url}/rest/v1/rpc/standin_settings`, { method: 'POST' });
		expect(response.status).toBe(401);
	});
});

describe('RPC arguments', () => {
	it('go through json_to_recordset: a jsonb argument sent as a JSON string stays a jsonb string', async () => {
		expect((await call('/rpc/standin_kind', await token(), { body: { value: '[1, 2]' } })).body).toBe('string');
		expect((await call('/rpc/standin_kind', await token(), { body: { value: [1, 2] } })).body).toBe('array');
		const pushed = await call('/rpc/sync_push', await token(), {
			body: {
				client_id: randomUUID(),
				mutations: JSON.stringify([{ mid: 1, table: 'people', id: randomUUID(), fields: { name: 'A' } }])
			}
		});
		expect(pushed.status).toBe(400);
		expect(pushed.body).toMatchObject({ code: '22023', message: 'mutations must be an array.' });
	});

	it('an unknown argument or function is 404 PGRST202; arguments with defaults may be left out', async () => {
		const unknown = await call('/rpc/standin_defaults', await token(), { body: { a: 1, nonsense: 2 } });
		expect(unknown.status).toBe(404);
		expect(unknown.body).toMatchObject({
			code: 'PGRST202',
			message: 'Could not find the function public.standin_defaults(a, nonsense) in the schema cache'
		});
		expect((await call('/rpc/standin_defaults', await token(), { body: { b: 1 } })).body).toMatchObject({
			code: 'PGRST202'
		});
		expect((await call('/rpc/no_such_function', await token(), { body: {} })).status).toBe(404);
		expect((await call('/rpc/standin_defaults', await token(), { body: { a: 4 } })).body).toBe(42);
		expect((await call('/rpc/standin_defaults', await token(), { body: { a: 4, b: 5 } })).body).toBe(45);
	});

	it('only functions of an exposed schema are found', async () => {
		const r = await call('/rpc/next_seq', await token(), { body: { owner: ada } });
		expect(r.status).toBe(404);
		expect(r.body).toMatchObject({ code: 'PGRST202' });
	});
});

describe('table endpoints', () => {
	const row = (id: string, body: string) => ({ id, body });

	it("insert, read, update and delete with the caller's grants and RLS", async () => {
		const id = randomUUID();
		const inserted = await call('/standin_notes', await token(), { body: row(id, 'first') });
		expect(inserted).toMatchObject({ status: 201, body: undefined });
		const represented = await call('/standin_notes', await token(), {
			body: row(randomUUID(), 'second'),
			headers: { prefer: 'return=representation' }
		});
		expect(represented.status).toBe(201);
		expect(represented.body).toEqual([expect.objectContaining({ body: 'second', owner_id: ada })]);
		expect((await call(`/standin_notes?id=eq.${id}`, await token(), { method: 'GET' })).body).toEqual([
			{ id, owner_id: ada, body: 'first' }
		]);
		expect((await call(`/standin_notes?id=eq.${id}`, await token(grace), { method: 'GET' })).body).toEqual([]);

		expect(
			(await call(`/standin_notes?id=eq.${id}`, await token(), { method: 'PATCH', body: { body: 'changed' } })).status
		).toBe(204);
		expect((await call(`/standin_notes?id=eq.${id}&select=body`, await token(), { method: 'GET' })).body).toEqual([
			{ body: 'changed' }
		]);
		// No delete policy: the row stays, and PostgREST still answers 204.
		expect((await call(`/standin_notes?id=eq.${id}`, await token(), { method: 'DELETE' })).status).toBe(204);
		expect((await call(`/standin_notes?id=eq.${id}`, await token(), { method: 'GET' })).body).toHaveLength(1);

		const upsert = await call('/standin_notes', await token(), {
			body: row(id, 'upserted'),
			headers: { prefer: 'resolution=merge-duplicates,return=representation' }
		});
		expect(upsert.body).toEqual([{ id, owner_id: ada, body: 'upserted' }]);
	});

	it('an update or delete without a filter is refused as pg-safeupdate refuses it on Supabase (400, 21000)', async () => {
		const patch = await call('/standin_notes', await token(), { method: 'PATCH', body: { body: 'everything' } });
		expect(patch.status).toBe(400);
		expect(patch.body).toMatchObject({ code: '21000', message: 'UPDATE requires a WHERE clause' });
		const del = await call('/standin_notes', await token(), { method: 'DELETE' });
		expect(del.status).toBe(400);
		expect(del.body).toMatchObject({ code: '21000', message: 'DELETE requires a WHERE clause' });
	});

	it('a missing grant is 401 for anon and 403 for a signed-in user (42501)', async () => {
		const anon = await call('/standin_notes', standIn.anonKey, { body: row(randomUUID(), 'x') });
		expect(anon.status).toBe(401);
		expect(anon.body).toMatchObject({ code: '42501' });
		const other = await call(
			`/standin_notes?id=eq.${randomUUID()}`,
			await token(undefined, undefined, { role: 'service_role' }),
			{ method: 'GET' }
		);
		expect(other.status).toBe(403);
	});

	it('serve only the exposed schemas: another profile is 406 PGRST106, another relation 404 PGRST205', async () => {
		const profile = await call('/secrets', await token(), {
			method: 'GET',
			headers: { 'accept-profile': 'standin_private' }
		});
		expect(profile.status).toBe(406);
		expect(profile.body).toEqual({
			code: 'PGRST106',
			message: 'Invalid schema: standin_private',
			details: null,
			hint: 'Only the following schemas are exposed: public'
		});
		const write = await call('/secrets', await token(), {
			body: { id: 1 },
			headers: { 'content-profile': 'standin_private' }
		});
		expect(write.status).toBe(406);
		const hidden = await call('/secrets', await token(), { method: 'GET' });
		expect(hidden.status).toBe(404);
		expect(hidden.body).toMatchObject({
			code: 'PGRST205',
			message: "Could not find the table 'public.secrets' in the schema cache"
		});
	});

	it('work through supabase-js', async () => {
		const client = clientFor(standIn);
		const userId = await signIn(client, standIn, `rest-${randomUUID().slice(0, 8)}@example.org`);
		const id = randomUUID();
		expect((await client.from('standin_notes').insert({ id, body: 'via js' })).status).toBe(201);
		const { data } = await client.from('standin_notes').select('id, owner_id, body').eq('id', id);
		expect(data).toEqual([{ id, owner_id: userId, body: 'via js' }]);
		const { error, status } = await client.from('standin_notes').delete().neq('body', 'nothing');
		expect({ status, error: error?.code ?? null }).toEqual({ status: 204, error: null });
	});
});
