// TEST TOOL: the SQL that makes an empty Postgres look like a Supabase project before and while the
// migrations run, shared by PGlite (database.ts) and the Postgres 15 cluster (tests/db/postgres-cluster.mjs).
// Order and roles as on Supabase: the image sets up roles, schemas and `auth` as supabase_admin /
// supabase_auth_admin; the migrations run as the non-superuser postgres, each in its own transaction
// (supabase/cli applies each migration file in one transaction).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = (file) => join(root, 'tests/support/supabase', file);

/** The two default-privilege regimes a Supabase project may have (see privileges-legacy.sql). */
export const PRIVILEGE_REGIMES = /** @type {const} */ (['legacy', 'current']);

/** Once per cluster, as supabase_admin. */
export const clusterSetupFiles = () => [here('roles.sql')];

/**
 * Once per database, as supabase_admin, before the migrations.
 * @param {'legacy' | 'current'} privileges
 */
export function databaseSetupFiles(privileges) {
	if (!PRIVILEGE_REGIMES.includes(privileges)) throw new Error(`Unknown privilege regime ${privileges}`);
	const files = [here('database.sql'), here('auth-schema.sql')];
	if (privileges === 'legacy') files.push(here('privileges-legacy.sql'));
	return files;
}

/** supabase/migrations in order; each runs as postgres in its own transaction. */
export function migrationFiles() {
	const dir = join(root, 'supabase/migrations');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((f) => join(dir, f));
}
