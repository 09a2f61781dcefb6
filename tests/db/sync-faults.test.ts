import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';
import { runSchedule, type Case } from '../support/sync/schedule';

// At least 200 in CI; `npm run bench:sync-faults -- --schedules 2000` runs more.
const SCHEDULES = Number(process.env.SYNC_FAULT_SCHEDULES ?? 200);
const FIRST_SEED = Number(process.env.SYNC_FAULT_SEED ?? 1);

let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
beforeAll(async () => {
	database = await pgliteDatabase();
	// 800 devices sign in here, from one address: an hourly email cap a config.toml may set
	// ([auth.rate_limit] email_sent) and the per-IP code requests (sign_in_sign_ups) are the mail
	// service's and the auth server's business, not sync's, so they are lifted for this test.
	standIn = await startStandIn({ database, auth: { emailSentPerHour: null, signInsPerFiveMinutes: null } });
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

describe('sync under faults (supabase-js → stand-in → PGlite)', () => {
	it(`${SCHEDULES} seeded schedules: nothing lost, duplicated, diverged or crossing users`, async () => {
		let faults = 0;
		const cases: Record<Case, number> = {
			erasures: 0,
			'offline-expired': 0,
			'not-set-up': 0,
			'unstorable-captures': 0,
			'pre-claims': 0
		};
		const problems = {
			lost: [] as string[],
			duplicated: [] as string[],
			diverged: [] as string[],
			crossUser: [] as string[],
			resurrected: [] as string[]
		};
		for (let seed = FIRST_SEED; seed < FIRST_SEED + SCHEDULES; seed++) {
			const result = await runSchedule(seed, standIn, database);
			faults += result.faults;
			for (const [name, n] of Object.entries(result.cases)) cases[name as Case] += n;
			for (const key of ['lost', 'duplicated', 'diverged', 'crossUser', 'resurrected'] as const) {
				problems[key].push(...result[key].map((p) => `seed ${seed}: ${p}`));
			}
		}
		console.log(
			`sync-faults: ${SCHEDULES} schedules, ${faults} faults: ${problems.lost.length} lost, ${problems.duplicated.length} duplicated, ${problems.diverged.length} diverged, ${problems.crossUser.length} cross-user, ${problems.resurrected.length} resurrected`
		);
		console.log(
			`sync-faults cases: ${Object.entries(cases)
				.map(([name, n]) => `${n} ${name}`)
				.join(', ')}`
		);
		expect(faults).toBeGreaterThan(SCHEDULES);
		// Every field condition happened, many times over.
		for (const n of Object.values(cases)) expect(n).toBeGreaterThan(SCHEDULES / 20);
		expect(problems).toEqual({ lost: [], duplicated: [], diverged: [], crossUser: [], resurrected: [] });
	}, 1_800_000);
});
