// TEST TOOL: a Postgres with Supabase's roles and auth schema and this project's migrations, in
// PGlite (Postgres in WebAssembly) for vitest, or a real Postgres reached with node-postgres.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const migrationsDir = join(root, 'supabase/migrations');

/** The SQL that makes an empty database look like a migrated Supabase project, in order. */
export function setupSql(): string[] {
	const migrations = readdirSync(migrationsDir)
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((f) => readFileSync(join(migrationsDir, f), 'utf8'));
	return [readFileSync(fileURLToPath(new URL('./auth-schema.sql', import.meta.url)), 'utf8'), ...migrations];
}

/** What the HTTP stand-in needs from a database: one transaction at a time, as one role. */
export interface Sql {
	/** Runs `work` in a transaction; `query` returns rows. Rolls back if `work` throws. */
	transaction<T>(
		work: (query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>
	): Promise<T>;
	close(): Promise<void>;
}

/** A fresh PGlite database, migrated. */
export async function pgliteDatabase(): Promise<Sql & { db: PGlite }> {
	const db = await PGlite.create();
	for (const sql of setupSql()) await db.exec(sql);
	return {
		db,
		async transaction(work) {
			return db.transaction(async (tx) =>
				work(async (text, params) => (await tx.query<Record<string, unknown>>(text, params as unknown[])).rows)
			);
		},
		close: () => db.close()
	};
}

/** A real Postgres (already migrated, e.g. the throwaway cluster of `npm run test:db`). */
export async function postgresDatabase(connectionString: string): Promise<Sql> {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({ connectionString, max: 8 });
	return {
		async transaction(work) {
			const client = await pool.connect();
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
		close: () => pool.end()
	};
}
