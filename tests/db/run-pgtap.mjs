// npm run test:db — supabase/tests/*.sql (the files `supabase test db` runs) with pg_prove, on a
// throwaway Postgres 15 cluster migrated like a Supabase project.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, startMigratedCluster } from './postgres-cluster.mjs';

const tests = readdirSync(join(root, 'supabase/tests'))
	.filter((f) => f.endsWith('.sql'))
	.sort()
	.map((f) => join('supabase/tests', f));
const cluster = await startMigratedCluster({ pgtap: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cluster.stop();
		process.exit(130);
	});
}
let status = 0;
try {
	execFileSync(
		'pg_prove',
		['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', 'postgres', '--verbose', ...tests],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
} catch {
	status = 1;
} finally {
	cluster.stop();
}
process.exit(status);
