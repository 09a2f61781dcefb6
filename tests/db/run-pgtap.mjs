// npm run test:db — supabase/tests/*.sql (the files `supabase test db` runs) with pg_prove, on a
// throwaway Postgres 15 cluster set up like a Supabase project, once per default-privilege regime
// (a database each). pg_prove connects as the non-superuser postgres, as `supabase test db` does
// (supabase/cli internal/db/test/test.go sets PGUSER to the configured user, postgres locally).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, startMigratedCluster } from './postgres-cluster.mjs';

const tests = readdirSync(join(root, 'supabase/tests'))
	.filter((f) => f.endsWith('.sql'))
	.sort()
	.map((f) => join('supabase/tests', f));
const cluster = await startMigratedCluster({ pgtap: true, privileges: ['legacy', 'current'] });
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cluster.stop();
		process.exit(130);
	});
}
let status = 0;
try {
	for (const { name, privileges } of cluster.databases) {
		console.log(`\npgTAP with the '${privileges}' default privileges (database ${name}, as postgres):`);
		try {
			execFileSync(
				'pg_prove',
				['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', name, ...tests],
				{
					cwd: root,
					stdio: 'inherit'
				}
			);
		} catch {
			console.error(`pgTAP failed with the '${privileges}' default privileges.`);
			status = 1;
		}
	}
} finally {
	cluster.stop();
}
process.exit(status);
