import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fromServerFields, LOCAL_TABLE, type ServerTable } from '$lib/domain/sync/mapping';
import { BOUNDS_SCHEMA, fitRecord, messageOctets } from '$lib/domain/sync/record-fit';
import { MESSAGE_MAX_OCTETS, TEXT_BOUNDS } from '$lib/domain/sync/text-bounds';
import { makeFollowUp } from '../../../support/follow-ups';

const SCHEMA = readFileSync('supabase/migrations/20261123120000_schema.sql', 'utf8');

/** Every `char_length` check of a synced table's text column, as { table: { localField: bound } }. */
function boundsInSql() {
	const found: Record<string, Record<string, { max: number; required?: true }>> = {};
	let table: ServerTable | null = null;
	for (const line of SCHEMA.split('\n')) {
		const created = /^create table public\.(\w+)/.exec(line);
		if (created) table = created[1]! in LOCAL_TABLE ? (created[1] as ServerTable) : null;
		const check = /^\s+(\w+) text not null.*check \((.*)\),?$/.exec(line);
		if (!table || !check || !check[2]!.includes('char_length')) continue;
		const [, column, rule] = check as unknown as [string, string, string];
		const local = Object.keys(fromServerFields(LOCAL_TABLE[table], { [column]: '' }))[0]!;
		const max = Number(/(?:<=|and) (\d+)\s*$/.exec(rule)?.[1]);
		const required = /btrim/.test(rule) ? { required: true as const } : {};
		(found[LOCAL_TABLE[table]] ??= {})[local] = { max, ...required };
	}
	return found;
}

describe('the text bounds are the server’s (supabase/migrations/20261123120000_schema.sql)', () => {
	it('field by field: the same limit, and not blank where the server says so', () => {
		const app = Object.fromEntries(
			Object.entries(TEXT_BOUNDS).map(([table, fields]) => [
				table,
				Object.fromEntries(
					Object.entries(fields).map(([field, { max, required }]) => [
						field,
						{ max, ...(required ? { required } : {}) }
					])
				)
			])
		);
		const sql = boundsInSql();
		// The time zone's "between 1 and 64" is not btrim'd on the server; not blank here either.
		sql.events!.timeZone = { ...sql.events!.timeZone!, required: true };
		expect(app).toEqual(sql);
	});

	it('a follow-up message: the same byte limit, counted as Postgres writes the jsonb out', () => {
		expect(SCHEMA).toContain(`octet_length(message::text) <= ${MESSAGE_MAX_OCTETS}`);
		// jsonb::text of {"subject": "Hi", "body": "é"}: {"body": "é", "subject": "Hi"} — 32 bytes.
		expect(messageOctets({ subject: 'Hi', body: 'é' })).toBe(
			new TextEncoder().encode('{"body": "é", "subject": "Hi"}').length
		);
	});

	it('the schema refuses exactly what the server refuses', () => {
		const followUp = makeFollowUp();
		expect(v.safeParse(BOUNDS_SCHEMA.followUps, followUp).success).toBe(true);
		expect(v.safeParse(BOUNDS_SCHEMA.followUps, { ...followUp, closedReason: 'x'.repeat(201) }).success).toBe(false);
		expect(v.safeParse(BOUNDS_SCHEMA.followUps, { ...followUp, closedReason: '😀'.repeat(200) }).success).toBe(true);
		expect(fitRecord('followUps', { ...followUp, closedReason: 'x'.repeat(300) })).toMatchObject({
			ok: true,
			cut: ['closedReason']
		});
		expect(fitRecord('promises', { text: '  ', dueAt: followUp.dueAt, settledAt: null })).toEqual({
			ok: false,
			field: 'text'
		});
	});
});
