// TEST TOOL: a Postgres set up as a Supabase project (roles, `auth`, default privileges) with this
// project's migrations applied as the non-superuser postgres — in PGlite (Postgres in WebAssembly)
// for vitest, or a real Postgres 15 reached with node-postgres (tests/db/postgres-cluster.mjs).
//
// PGlite differs from Supabase in ways the stand-in cannot hide; tests that depend on them run on
// Postgres 15 (tests/db/stand-in-postgres.test.ts):
// - its one session is always the bootstrap superuser's. That superuser is renamed supabase_admin
//   (Supabase's own bootstrap superuser) and every unit of work switches to the role that would
//   have logged in (postgres for migrations, authenticator for PostgREST, supabase_auth_admin for
//   GoTrue) with SET SESSION AUTHORIZATION: current_user and session_user are then exactly what a
//   login as that role gives, and superuser rights are gone until the switch back.
// - it does not enforce statement_timeout (no timer signals in WebAssembly): the setting is applied
//   and visible, but a long statement is not cancelled.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { clusterSetupFiles, databaseSetupFiles, migrationFiles, type PrivilegeRegime } from './setup.mjs';

export type { PrivilegeRegime } from './setup.mjs';
export { migrationFiles } from './setup.mjs';

/** The roles that log in to a Supabase database, and what logs in as each. */
export type DbRole =
	| 'supabase_admin' // the bootstrap superuser (tests inspecting data use it)
	| 'postgres' // migrations, the SQL editor, `supabase test db`
	| 'authenticator' // PostgREST
	| 'supabase_auth_admin'; // GoTrue

export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** What the HTTP stand-in needs from a database. */
export interface Sql {
	/** 'pglite' or 'postgres' (some behaviour, e.g. statement_timeout, exists only on the latter). */
	readonly kind: 'pglite' | 'postgres';
	/** Runs `work` in one transaction as `as` (default supabase_admin); rolls back if `work` throws. */
	transaction<T>(work: (query: Query) => Promise<T>, as?: DbRole): Promise<T>;
	close(): Promise<void>;
}

/** A fresh PGlite database set up as a Supabase project, migrated as postgres. */
export async function pgliteDatabase(
	options: { privileges?: PrivilegeRegime; migrations?: string[] } = {}
): Promise<Sql & { db: PGlite }> {
	const db = await PGlite.create();
	// Supabase's bootstrap superuser is supabase_admin (initial-schema.sql alters it); PGlite's is
	// postgres, a name the non-superuser migration role needs.
	await db.exec(`update pg_catalog.pg_authid set rolname = 'supabase_admin' where oid = 10`);
	for (const file of [...clusterSetupFiles(), ...databaseSetupFiles(options.privileges ?? 'legacy')])
		await db.exec(readFileSync(file, 'utf8'));
	const database = {
		kind: 'pglite' as const,
		db,
		async transaction<T>(work: (query: Query) => Promise<T>, as: DbRole = 'supabase_admin'): Promise<T> {
			return db.transaction(async (tx) => {
				// SET LOCAL SESSION AUTHORIZATION outlives COMMIT in PGlite, so the switch back is
				// explicit; a failed transaction undoes the switch itself.
				if (as !== 'supabase_admin') await tx.query(`set local session authorization ${as}`);
				const result = await work(
					async (text, params) => (await tx.query<Record<string, unknown>>(text, params as unknown[])).rows
				);
				if (as !== 'supabase_admin') await tx.query('set session authorization supabase_admin');
				return result;
			});
		},
		close: () => db.close()
	};
	for (const file of options.migrations ?? migrationFiles()) {
		const sql = readFileSync(file, 'utf8');
		try {
			await db.transaction(async (tx) => {
				await tx.query('set local session authorization postgres');
				await tx.exec(sql);
				await tx.query('set session authorization supabase_admin');
			});
		} catch (error) {
			throw new Error(`Migration ${file} failed as postgres: ${(error as Error).message}`);
		}
	}
	return database;
}

/** A real Postgres already set up and migrated (tests/db/postgres-cluster.mjs), one pool per role. */
export async function postgresDatabase(urlFor: (role: DbRole) => string): Promise<Sql> {
	const { default: pg } = await import('pg');
	const pools = new Map<DbRole, InstanceType<typeof pg.Pool>>();
	const pool = (role: DbRole) => {
		let p = pools.get(role);
		if (!p) pools.set(role, (p = new pg.Pool({ connectionString: urlFor(role), max: 4 })));
		return p;
	};
	return {
		kind: 'postgres',
		async transaction(work, as = 'supabase_admin') {
			const client = await pool(as).connect();
			try {
				await client.query('begin');
				const result = await work(async (text, params) => (await client.query(text, params as unknown[])).rows);
				await client.query('commit');
				return result;
			} catch (error) {
				await client.query('rollback').catch(() => {});
				throw error;
			} finally {
				client.release();
			}
		},
		close: async () => {
			await Promise.all([...pools.values()].map((p) => p.end()));
		}
	};
}
