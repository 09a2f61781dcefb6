import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, requestCode } from '../support/supabase/clients';
import { pgliteDatabase, type Sql } from '../support/supabase/database';
import { startStandIn, type AuthSettings, type StandIn } from '../support/supabase/stand-in';

// Pre-claiming an address: an attacker who knows the victim's address signs up with a password
// before the victim ever signs in by code. Whether the attacker can then read what the victim syncs
// depends on the auth settings, so the same story runs with the project's config.toml and with
// confirmations off. The stand-in keeps GoTrue's rules (supabase/auth internal/api/signup.go,
// magic_link.go, verify.go, token.go): the victim's first code goes to the same unconfirmed user
// the attacker made, and confirming that user keeps the password the attacker chose — unless, as
// supabase/migrations/…_no_passwords.sql makes sure, auth.users keeps no password at all.
let database: Sql;
beforeAll(async () => {
	database = await pgliteDatabase();
}, 60_000);
afterAll(() => database?.close());

const PASSWORD = 'attacker-chosen-password';

interface Outcome {
	/** The victim's person, as each of the attacker's ways in saw it (null: refused or nothing). */
	seen: (string | null)[];
	victimId: string;
	attackerId: string | null;
}

async function preClaim(standIn: StandIn): Promise<Outcome> {
	const victim = `victim-${randomUUID().slice(0, 8)}@example.org`;
	const attacker = clientFor(standIn);
	const signedUp = await attacker.auth.signUp({ email: victim, password: PASSWORD });
	expect(signedUp.error).toBeNull();
	const earlyToken = signedUp.data.session?.access_token ?? null;
	const earlyRefresh = signedUp.data.session?.refresh_token ?? null;

	// The victim signs in by code as the app does (waiting out max_frequency if the attacker's
	// sign-up email was just sent) and syncs someone they met.
	const victimClient = clientFor(standIn);
	const code = await requestCode(victimClient, standIn, victim);
	const verified = await victimClient.auth.verifyOtp({ email: victim, token: code, type: 'email' });
	expect(verified.error).toBeNull();
	const personId = randomUUID();
	const pushed = await victimClient.rpc('sync_push', {
		client_id: randomUUID(),
		mutations: [
			{ mid: 1, table: 'people', id: personId, fields: { name: 'Katherine Johnson', email: 'kj@langley.example' } }
		]
	});
	expect(pushed.data?.results?.[0]?.status).toBe('applied');

	const seenWith = async (client: SupabaseClient): Promise<string | null> => {
		const { data } = await client.rpc('sync_pull', { since: 0, lim: 100 });
		const rows = (data?.rows ?? []) as { table: string; row: { id: string; name: string } }[];
		return rows.find((r) => r.row.id === personId)?.row.name ?? null;
	};
	const seen: (string | null)[] = [];
	// 1. The session the attacker got at sign-up, if any, refreshed now.
	if (earlyToken && earlyRefresh) {
		const early = clientFor(standIn);
		await early.auth.setSession({ access_token: earlyToken, refresh_token: earlyRefresh });
		seen.push(await seenWith(early));
	}
	// 2. A password sign-in now.
	const later = clientFor(standIn);
	const signIn = await later.auth.signInWithPassword({ email: victim, password: PASSWORD });
	seen.push(signIn.error ? null : await seenWith(later));
	return { seen, victimId: verified.data.user!.id, attackerId: signedUp.data.user?.id ?? null };
}

describe('pre-claiming the victim’s address with a password', () => {
	it('with the project’s config.toml, the attacker reads nothing of the victim’s', async () => {
		const standIn = await startStandIn({ database });
		try {
			const outcome = await preClaim(standIn);
			expect(outcome.seen.filter((name) => name !== null)).toEqual([]);
		} finally {
			await standIn.close();
		}
	});

	it('with confirmations off and secure password change off, the attacker does read it (the hole is the config’s)', async () => {
		const auth: Partial<AuthSettings> = { enableConfirmations: false, securePasswordChange: false };
		const standIn = await startStandIn({ database, auth });
		try {
			const outcome = await preClaim(standIn);
			// The attacker's sign-up made the account the victim then signed in to.
			expect(outcome.attackerId).toBe(outcome.victimId);
			expect(outcome.seen).toContain('Katherine Johnson');
		} finally {
			await standIn.close();
		}
	});

	it('without the migration that keeps no password, confirmations alone do not stop it', async () => {
		// GoTrue's confirmation by code keeps the password the attacker chose (internal/api/verify.go
		// signupVerify → models/user.go Confirm), which is why supabase/migrations/…_no_passwords.sql
		// exists: dropped here, the attacker signs in with the password once the victim has confirmed.
		const db = await pgliteDatabase();
		// Only auth.users' owner may drop its trigger (on Supabase, not postgres): done here as the admin.
		await db.transaction((q) => q('drop trigger keep_no_password on auth.users'), 'supabase_admin');
		const standIn = await startStandIn({ database: db, auth: { enableConfirmations: true } });
		try {
			const outcome = await preClaim(standIn);
			expect(outcome.attackerId).toBe(outcome.victimId);
			expect(outcome.seen).toEqual(['Katherine Johnson']);
		} finally {
			await standIn.close();
			await db.close();
		}
	}, 60_000);
});
