import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFiles, pgliteDatabase, type PrivilegeRegime, type Sql } from '../support/supabase/database';

// The PGlite database the stand-in runs on is set up as a Supabase project: the migrations run as
// the non-superuser postgres (supabase/postgres migrations/db/migrations/10000000000000_demote-postgres.sql)
// under either default-privilege regime, and each service works as the role that logs in for it.
describe.each(['legacy', 'current'] as PrivilegeRegime[])("with the '%s' default privileges", (privileges) => {
	let database: Sql;
	beforeAll(async () => {
		database = await pgliteDatabase({ privileges });
	}, 60_000);
	afterAll(() => database?.close());

	it('the migrations ran as postgres, which is not a superuser', async () => {
		const [postgres] = await database.transaction((q) =>
			q(
				`select rolsuper, rolcreatedb, rolcreaterole, rolcanlogin, rolreplication, rolbypassrls from pg_roles where rolname = 'postgres'`
			)
		);
		expect(postgres).toEqual({
			rolsuper: false,
			rolcreatedb: true,
			rolcreaterole: true,
			rolcanlogin: true,
			rolreplication: true,
			rolbypassrls: true
		});
		const owners = await database.transaction((q) =>
			q(
				`select distinct tableowner from pg_tables where schemaname not in ('pg_catalog', 'information_schema', 'auth')`
			)
		);
		expect(owners).toEqual([{ tableowner: 'postgres' }]);
	});

	it('new objects postgres makes in public are granted to the API roles only under the legacy regime', async () => {
		const granted = await database
			.transaction(async (q) => {
				await q('create table public.standin_probe (id integer)');
				const [row] = await q(`select has_table_privilege('anon', 'public.standin_probe', 'insert') as anon`);
				throw Object.assign(new Error('rollback'), { row });
			}, 'postgres')
			.catch((e: { row?: { anon: boolean } }) => e.row?.anon);
		expect(granted).toBe(privileges === 'legacy');
	});

	it('each service is its own role: PostgREST logs in as authenticator, GoTrue as supabase_auth_admin', async () => {
		const [rest] = await database.transaction(
			(q) => q(`select current_user, session_user, current_setting('is_superuser') as su`),
			'authenticator'
		);
		expect(rest).toEqual({ current_user: 'authenticator', session_user: 'authenticator', su: 'off' });
		await expect(database.transaction((q) => q('set local role postgres'), 'authenticator')).rejects.toThrow(
			/permission denied to set role/
		);
		const [auth] = await database.transaction((q) => q('select current_user'), 'supabase_auth_admin');
		expect(auth).toEqual({ current_user: 'supabase_auth_admin' });
		const [admin] = await database.transaction((q) => q('select current_user'));
		expect(admin).toEqual({ current_user: 'supabase_admin' });
	});
});

it('a migration that needs a superuser fails, as `supabase db push` would', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'standin-migration-'));
	const file = join(dir, '99999999999999_superuser.sql');
	writeFileSync(file, 'create role standin_root superuser;');
	await expect(pgliteDatabase({ migrations: [...migrationFiles(), file] })).rejects.toThrow(/superuser/);
}, 60_000);
