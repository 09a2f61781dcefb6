// npm run test:functions — the send-reminders Edge Function under `deno test`, against a throwaway
// Postgres 15 migrated like a Supabase project. Deno reads the certificates it trusts when it starts
// (DENO_CERT for fetch, NODE_EXTRA_CA_CERTS for node:https and node:tls, which web-push and the
// mailer use), so the throw-away certificate authority of the local push and SMTP servers is made
// here, before Deno starts. Each test file makes its own databases from the migrated one.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startMigratedCluster, root } from '../db/postgres-cluster.mjs';
import { makeCertificate } from '../support/push-service.mjs';

const deno = join(root, 'node_modules/.bin/deno');
const certificate = makeCertificate();
const cluster = await startMigratedCluster();
let status = 1;
try {
	const env = {
		...process.env,
		DENO_CERT: certificate.caFile,
		NODE_EXTRA_CA_CERTS: certificate.caFile,
		TEST_CERT_DIR: certificate.dir,
		TEST_PG_PORT: String(cluster.port),
		NO_COLOR: '1'
	};
	const functionDir = join(root, 'supabase/functions/send-reminders');
	const check = spawnSync(deno, ['check', 'index.ts'], { cwd: functionDir, stdio: 'inherit', env });
	if (check.status !== 0) throw new Error('deno check failed for supabase/functions/send-reminders');
	const files = process.argv.slice(2);
	const args = ['test', '-A', '--config', join(root, 'tests/functions/deno.json')];
	const run = spawnSync(deno, [...args, ...(files.length ? files : [join(root, 'tests/functions')])], {
		cwd: root,
		stdio: 'inherit',
		env
	});
	status = run.status ?? 1;
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
} finally {
	cluster.stop();
	certificate.remove();
}
process.exit(status);
