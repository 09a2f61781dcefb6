// npm run test:db — supabase/tests/*.sql (the files `supabase test db` runs) with pg_prove, on a
// throwaway Postgres 15 cluster set up like a Supabase project, once per default-privilege regime
// (a database each). pg_prove connects as the non-superuser postgres, as `supabase test db` does
// (supabase/cli internal/db/test/test.go sets PGUSER to the configured user, postgres locally).
// Then the reminders' schedule (supabase/schedule/send-reminders.sql) is run against Debian's
// pg_cron (postgresql-15-cron, preloaded as on Supabase) with stand-ins of pg_net and Vault, and
// checked by tests/db/reminders-schedule.sql.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, root, startMigratedCluster } from './postgres-cluster.mjs';

if (!existsSync(join(BIN, '..', 'lib', 'pg_cron.so'))) {
	console.error('pg_cron is not installed (the reminders schedule runs on it): apt-get install -y postgresql-15-cron');
	process.exit(1);
}
const tests = readdirSync(join(root, 'supabase/tests'))
	.filter((f) => f.endsWith('.sql'))
	.sort()
	.map((f) => join('supabase/tests', f));
// pg_cron runs its jobs in one database (Supabase's: postgres, the 'legacy' one here).
const cluster = await startMigratedCluster({
	pgtap: true,
	privileges: ['legacy', 'current'],
	settings: { shared_preload_libraries: 'pg_cron', 'cron.database_name': 'postgres' }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cluster.stop();
		process.exit(130);
	});
}

/** @param {string[]} files @param {string} database */
function prove(files, database) {
	execFileSync(
		'pg_prove',
		['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', database, ...files],
		{ cwd: root, stdio: 'inherit' }
	);
}

/** The deploy step as a project runs it: psql as postgres, the URL and secret as variables. */
function schedule(variables) {
	return execFileSync(
		'psql',
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(cluster.port),
			'-U',
			'postgres',
			'-d',
			'postgres',
			'-X',
			'-q',
			...Object.entries(variables).flatMap(([name, value]) => ['-v', `${name}=${value}`]),
			'-f',
			'supabase/schedule/send-reminders.sql'
		],
		{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
	);
}

let status = 0;
try {
	for (const { name, privileges } of cluster.databases) {
		console.log(`\npgTAP with the '${privileges}' default privileges (database ${name}, as postgres):`);
		try {
			prove(tests, name);
		} catch {
			console.error(`pgTAP failed with the '${privileges}' default privileges.`);
			status = 1;
		}
	}

	console.log('\nThe reminders schedule (supabase/schedule/send-reminders.sql) on pg_cron:');
	try {
		// As on Supabase: the extension made by the platform's superuser, the postgres role allowed to
		// schedule jobs (supabase/postgres migrations/db/init-scripts, pg_cron's grants).
		cluster.psql({
			sql: `create extension pg_cron;
				grant usage on schema cron to postgres with grant option;
				grant all on all tables in schema cron to postgres with grant option;
				grant all on all functions in schema cron to postgres with grant option;`
		});
		cluster.psql({ file: join(root, 'tests/db/reminders-schedule-stand-ins.sql') });
		const url = 'https://abcdefghijklmnopqrst.supabase.co';
		for (const refused of [
			{ reminders_secret: 'first-reminders-secret-0123456789abcdef' },
			{ project_url: `${url}/`, reminders_secret: 'first-reminders-secret-0123456789abcdef' },
			{ project_url: url, reminders_secret: 'short' }
		]) {
			let ran = false;
			try {
				schedule(refused);
				ran = true;
			} catch {
				// Refused, as it should be.
			}
			if (ran) throw new Error(`The schedule ran with ${JSON.stringify(Object.keys(refused))} wrong or missing.`);
		}
		schedule({ project_url: url, reminders_secret: 'first-reminders-secret-0123456789abcdef' });
		schedule({ project_url: url, reminders_secret: 'second-reminders-secret-0123456789abcdef' });
		prove(['tests/db/reminders-schedule.sql'], 'postgres');
	} catch (error) {
		const failure = /** @type {{ stderr?: string, message: string }} */ (error);
		console.error(`The reminders schedule failed: ${failure.stderr ?? failure.message}`);
		status = 1;
	}
} finally {
	cluster.stop();
}
process.exit(status);
