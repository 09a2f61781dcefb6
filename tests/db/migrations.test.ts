import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDatabase, type PrivilegeRegime } from '../support/supabase/database';

describe.each(['legacy', 'current'] as PrivilegeRegime[])(
	"migrations on PGlite, '%s' default privileges",
	(privileges) => {
		let database: Awaited<ReturnType<typeof pgliteDatabase>>;
		beforeAll(async () => {
			database = await pgliteDatabase({ privileges });
		}, 60_000);
		afterAll(() => database.close());

		it('create every table with RLS enabled and forced', async () => {
			const rows = await database.transaction((q) =>
				q(
					`select relname, relrowsecurity, relforcerowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`
				)
			);
			expect(rows.map((r) => r.relname)).toEqual([
				'encounters',
				'events',
				'follow_ups',
				'note_revisions',
				'people',
				'promises',
				'sync_ledger',
				'sync_state'
			]);
			expect(rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
		});
	}
);
