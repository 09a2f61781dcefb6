// TEST TOOL: a throwaway Postgres 15 cluster (Debian's postgresql-15 package), migrated like a
// Supabase project: the auth stand-in, then supabase/migrations in order. Used by `npm run test:db`,
// `npm run gen:types` and the server benchmarks. Fails loudly when Postgres is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

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

/** Starts an empty cluster; returns how to reach it and how to throw it away. */
export async function startCluster() {
	if (!existsSync(join(BIN, 'initdb'))) {
		throw new Error(
			`Postgres 15 is not installed (${BIN}/initdb missing): apt-get install -y postgresql-15 postgresql-15-pgtap`
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
	run(join(BIN, 'initdb'), [
		'-D',
		join(dir, 'data'),
		'-U',
		'postgres',
		'--auth=trust',
		'--no-sync',
		'-E',
		'UTF8',
		'--locale=C.UTF-8'
	]);
	run(join(BIN, 'pg_ctl'), [
		'-D',
		join(dir, 'data'),
		'-w',
		'-l',
		join(dir, 'log'),
		'-o',
		`-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`,
		'start'
	]);
	const connection = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' };
	return {
		port,
		url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
		connection,
		/**
		 * Runs SQL (a file or text) with psql, stopping at the first error.
		 * @param {string | null} sql
		 * @param {string} [file]
		 */
		psql(sql, file) {
			const args = [
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				'postgres',
				'-v',
				'ON_ERROR_STOP=1',
				'-q',
				'-X'
			];
			return execFileSync('psql', file ? [...args, '-f', file] : [...args, '-c', sql], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			});
		},
		stop() {
			const stop = [join(BIN, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', 'stop'];
			if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', ...stop], { stdio: 'ignore' });
			else spawnSync(stop[0], stop.slice(1), { stdio: 'ignore' });
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** The auth stand-in and every migration, in order. */
export function migrationFiles() {
	const migrations = readdirSync(join(root, 'supabase/migrations'))
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((f) => join(root, 'supabase/migrations', f));
	return [join(root, 'tests/support/supabase/auth-schema.sql'), ...migrations];
}

/** A started cluster with Supabase's roles, the migrations and (optionally) pgTAP. */
export async function startMigratedCluster({ pgtap = false } = {}) {
	const cluster = await startCluster();
	try {
		// As on Supabase: extensions live in their own schema, on the search_path, usable by the API roles.
		cluster.psql('create schema if not exists extensions');
		cluster.psql('alter database postgres set search_path to "$user", public, extensions');
		for (const file of migrationFiles()) cluster.psql(null, file);
		cluster.psql('grant usage on schema extensions to anon, authenticated, service_role');
		if (pgtap) cluster.psql('create extension if not exists pgtap with schema extensions');
	} catch (error) {
		cluster.stop();
		const failure = /** @type {{ stderr?: string, message: string }} */ (error);
		throw new Error(`Migrating the throwaway cluster failed:\n${failure.stderr ?? failure.message}`);
	}
	return cluster;
}
