// Builds the app a second time, configured for Supabase at the test stand-in's fixed address, into
// build-sync/ (the two-device browser test serves it). Runs before the normal build, which the
// other browser tests use; both go through .svelte-kit/output, so the order matters.
import { spawnSync } from 'node:child_process';
import { SignJWT } from 'jose';
import { STAND_IN_SECRET, SYNC_STAND_IN_PORT } from '../support/supabase/secret.mjs';
import { TEST_VAPID_PUBLIC_KEY } from '../support/vapid.mjs';

const anonKey = await new SignJWT({ role: 'anon', iss: 'supabase-stand-in' })
	.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
	.setIssuedAt()
	.setExpirationTime('3650d')
	.sign(STAND_IN_SECRET);

const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
	stdio: 'inherit',
	env: {
		...process.env,
		BUILD_DIR: 'build-sync',
		PUBLIC_SUPABASE_URL: `http://127.0.0.1:${SYNC_STAND_IN_PORT}`,
		PUBLIC_SUPABASE_ANON_KEY: anonKey,
		// Web Push reminders set up too (Settings → Reminders), with a throw-away key.
		PUBLIC_VAPID_PUBLIC_KEY: TEST_VAPID_PUBLIC_KEY
	}
});
process.exit(run.status ?? 1);
