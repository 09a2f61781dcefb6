import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { runSchedule } from '../support/sync/schedule';

// At least 200 in CI; `npm run bench:sync-faults -- --schedules 2000` runs more.
const SCHEDULES = Number(process.env.SYNC_FAULT_SCHEDULES ?? 200);
const FIRST_SEED = Number(process.env.SYNC_FAULT_SEED ?? 1);

let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
beforeAll(async () => {
	database = await pgliteDatabase();
	// 800 devices sign in here: an hourly email cap a config.toml may set ([auth.rate_limit]
	// email_sent) is the mail service's business, not sync's, so it is lifted for this test.
	standIn = await startStandIn({ database, auth: { emailSentPerHour: null } });
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

describe('sync under faults (supabase-js → stand-in → PGlite)', () => {
	it(`${SCHEDULES} seeded schedules: nothing lost, duplicated, diverged or crossing users`, async () => {
		let faults = 0;
		const problems = {
			lost: [] as string[],
			duplicated: [] as string[],
			diverged: [] as string[],
			crossUser: [] as string[]
		};
		for (let seed = FIRST_SEED; seed < FIRST_SEED + SCHEDULES; seed++) {
			const result = await runSchedule(seed, standIn, database);
			faults += result.faults;
			for (const key of ['lost', 'duplicated', 'diverged', 'crossUser'] as const) {
				problems[key].push(...result[key].map((p) => `seed ${seed}: ${p}`));
			}
		}
		console.log(
			`sync-faults: ${SCHEDULES} schedules, ${faults} faults: ${problems.lost.length} lost, ${problems.duplicated.length} duplicated, ${problems.diverged.length} diverged, ${problems.crossUser.length} cross-user`
		);
		expect(faults).toBeGreaterThan(SCHEDULES);
		expect(problems).toEqual({ lost: [], duplicated: [], diverged: [], crossUser: [] });
	}, 1_800_000);
});
