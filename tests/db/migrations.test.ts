import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDatabase, type PrivilegeRegime } from '../support/supabase/database';

/** The schemas PostgREST serves, as supabase/config.toml `[api] schemas` lists them. */
function servedSchemas(): string[] {
	const config = readFileSync(new URL('../../supabase/config.toml', import.meta.url), 'utf8');
	const api = /^\[api\]$([\s\S]*?)^\[/m.exec(config)?.[1] ?? '';
	const list = /^schemas\s*=\s*\[([^\]]*)\]/m.exec(api)?.[1];
	if (list === undefined) throw new Error('supabase/config.toml has no [api] schemas');
	return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe.each(['legacy', 'current'] as PrivilegeRegime[])(
	"migrations on PGlite, '%s' default privileges",
	(privileges) => {
		let database: Awaited<ReturnType<typeof pgliteDatabase>>;
		beforeAll(async () => {
			database = await pgliteDatabase({ privileges });
		}, 60_000);
		afterAll(() => database.close());

		it('create every table in app_private with RLS enabled and forced', async () => {
			const rows = await database.transaction((q) =>
				q(
					`select relname, relrowsecurity, relforcerowsecurity from pg_class where relnamespace = 'app_private'::regnamespace and relkind = 'r' order by relname`
				)
			);
			expect(rows.map((r) => r.relname)).toEqual([
				'encounters',
				'events',
				'follow_ups',
				'note_revisions',
				'people',
				'promises',
				'push_subscriptions',
				'reminder_claims',
				'reminder_items',
				'reminder_settings',
				'reminder_targets',
				'sync_ledger',
				'sync_state'
			]);
			expect(rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
		});

		it('leave no table the signed-in or anonymous role can reach in a schema PostgREST serves', async () => {
			// The pgTAP check (supabase/tests/01_security.sql) covers `public` and `graphql_public`; this
			// holds the config to that list, so serving another schema means adding it there first.
			const schemas = servedSchemas();
			expect(schemas).toContain('public');
			expect(['public', 'graphql_public']).toEqual(expect.arrayContaining(schemas));
			const reachable = await database.transaction((q) =>
				q(
					`select n.nspname, c.relname, r.rolname from pg_class c join pg_namespace n on n.oid = c.relnamespace
					 cross join (values ('authenticated'), ('anon')) as r(rolname)
					 where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f')
					   and has_table_privilege(r.rolname, c.oid, 'select, insert, update, delete, truncate, references, trigger')`,
					[schemas]
				)
			);
			expect(reachable).toEqual([]);
			const tables = await database.transaction((q) =>
				q(
					`select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')`
				)
			);
			expect(tables).toEqual([]);
		});
	}
);
