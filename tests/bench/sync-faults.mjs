// npm run bench:sync-faults -- --schedules 2000 [--seed 1]
// More of the seeded fault schedules that `npm test` runs 200 of; prints the same one-line figure.
import { spawnSync } from 'node:child_process';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : fallback;
};
const schedules = Number(arg('schedules', 2000));
const seed = Number(arg('seed', 1));
if (!Number.isInteger(schedules) || schedules < 1 || !Number.isInteger(seed)) {
	console.error('Usage: npm run bench:sync-faults -- --schedules <n> [--seed <first seed>]');
	process.exit(2);
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'db', 'tests/db/sync-faults.test.ts'], {
	stdio: 'inherit',
	env: { ...process.env, SYNC_FAULT_SCHEDULES: String(schedules), SYNC_FAULT_SEED: String(seed) }
});
process.exit(run.status ?? 1);
