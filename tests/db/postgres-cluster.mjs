// TEST TOOL: a throwaway Postgres 15 cluster (Debian's postgresql-15 package) set up like a Supabase
// project: initdb with the bootstrap superuser supabase_admin (as Supabase's image), Supabase's
// roles (tests/support/supabase/roles.sql), then per database the extensions and auth schemas and
// one default-privilege regime, and the migrations applied by psql as the non-superuser postgres,
// one transaction per file (tests/support/supabase/setup.mjs). One database per regime:
// `postgres` is 'legacy' (everything new in public granted to the API roles), `postgres_current`
// is 'current' (nothing exposed by default). Used by `npm run test:db`, `npm run gen:types`, the
// server benchmark and the stand-in's Postgres test. Fails loudly when Postgres is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterSetupFiles, databaseSetupFiles, migrationFiles, root } from '../support/supabase/setup.mjs';

export { migrationFiles, root };

export const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;
/** @type {Record<'legacy' | 'current', string>} */
export const DATABASE_OF = { legacy: 'postgres', current: 'postgres_current' };

function run(command, args, options = {}) {
	const settings = { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options };
	return asRoot
		? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], settings)
		: execFileSync(command, args, settings);
}

/** @returns {Promise<number>} */
async function freePort() {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(address.port));
		});
	});
}

/**
 * Starts an empty cluster whose bootstrap superuser is supabase_admin.
 * @param {{ settings?: Record<string, string> }} [options] more server settings (`-c name=value`)
 */
export async function startCluster({ settings = {} } = {}) {
	if (!existsSync(join(BIN, 'initdb'))) {
		throw new Error(
			`Postgres 15 is not installed (${BIN}/initdb missing): apt-get install -y postgresql-15 postgresql-15-pgtap postgresql-15-cron`
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'enc-pg-'));
	if (asRoot)
		chownSync(
			dir,
			Number(execFileSync('id', ['-u', 'postgres']).toString()),
			Number(execFileSync('id', ['-g', 'postgres']).toString())
		);
	const port = await freePort();
	const data = join(dir, 'data');
	run(join(BIN, 'initdb'), [
		'-D',
		data,
		'-U',
		'supabase_admin',
		'--auth=trust',
		'--no-sync',
		'-E',
		'UTF8',
		'--locale=C.UTF-8'
	]);
	run(join(BIN, 'pg_ctl'), [
		'-D',
		data,
		'-w',
		'-l',
		join(dir, 'log'),
		'-o',
		[
			`-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`,
			...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)
		].join(' '),
		'start'
	]);
	const urlFor = (role = 'postgres', database = 'postgres') => `postgresql://${role}@127.0.0.1:${port}/${database}`;
	return {
		port,
		urlFor,
		/**
		 * Runs SQL text or a file with psql, stopping at the first error.
		 * @param {{ sql?: string, file?: string, user?: string, database?: string, singleTransaction?: boolean }} what
		 */
		psql({ sql, file, user = 'supabase_admin', database = 'postgres', singleTransaction = false }) {
			const args = [
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				database,
				'-v',
				'ON_ERROR_STOP=1',
				'-q',
				'-X'
			];
			if (singleTransaction) args.push('--single-transaction');
			return execFileSync('psql', file ? [...args, '-f', file] : [...args, '-c', String(sql)], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			});
		},
		stop() {
			const stop = [join(BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'];
			if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', ...stop], { stdio: 'ignore' });
			else spawnSync(stop[0], stop.slice(1), { stdio: 'ignore' });
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A started cluster with Supabase's roles, one database per privilege regime asked for (each with
 * the auth schema and the migrations), and pgTAP if asked.
 * @param {{ pgtap?: boolean, privileges?: ('legacy' | 'current')[], settings?: Record<string, string> }} [options]
 */
export async function startMigratedCluster({ pgtap = false, privileges = ['legacy'], settings = {} } = {}) {
	const cluster = await startCluster({ settings });
	/** @type {{ name: string, privileges: 'legacy' | 'current' }[]} */
	const databases = [];
	try {
		for (const file of clusterSetupFiles()) cluster.psql({ file });
		for (const regime of privileges) {
			const name = DATABASE_OF[regime];
			if (name !== 'postgres') cluster.psql({ sql: `create database ${name}` });
			for (const file of databaseSetupFiles(regime)) cluster.psql({ file, database: name });
			for (const file of migrationFiles())
				cluster.psql({ file, database: name, user: 'postgres', singleTransaction: true });
			// `supabase test db` enables pgTAP in the extensions schema before running pg_prove
			// (supabase/cli internal/db/test/test.go); the superuser does it here.
			if (pgtap) cluster.psql({ sql: 'create extension if not exists pgtap with schema extensions', database: name });
			databases.push({ name, privileges: regime });
		}
	} catch (error) {
		cluster.stop();
		const failure = /** @type {{ stderr?: string, message: string }} */ (error);
		throw new Error(`Setting up the throwaway cluster failed:\n${failure.stderr ?? failure.message}`);
	}
	const first = databases[0]?.name ?? 'postgres';
	return {
		...cluster,
		databases,
		/** The first database, as postgres (what `supabase db` commands connect as). */
		url: cluster.urlFor('postgres', first)
	};
}
