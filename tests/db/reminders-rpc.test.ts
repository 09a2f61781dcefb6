import { createECDH, randomBytes } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, signIn } from '../support/supabase/clients';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

// The reminders' four functions as the app calls them: supabase-js → the stand-in of Supabase's
// HTTP API → the migrations on PGlite. PushSubscription.toJSON() goes in as a JSON object.

let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;
let ada: SupabaseClient;
let grace: SupabaseClient;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database });
	ada = clientFor(standIn);
	grace = clientFor(standIn);
	await signIn(ada, standIn, 'ada@example.org');
	await signIn(grace, standIn, 'grace@example.org');
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

/** What a browser's PushSubscription.toJSON() gives: a fresh P-256 key and auth secret. */
function subscription(endpoint: string) {
	const key = createECDH('prime256v1');
	key.generateKeys();
	return {
		endpoint,
		expirationTime: null,
		keys: { p256dh: key.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }
	};
}

const devices = (owner: 'ada' | 'grace') =>
	database.transaction((q) =>
		q(
			`select s.endpoint from app_private.push_subscriptions s join auth.users u on u.id = s.owner_id
			 where u.email = $1 order by s.endpoint`,
			[`${owner}@example.org`]
		)
	);

describe('reminder functions through supabase-js → stand-in → PGlite', () => {
	it('register a device, take it over from another account, and forget it', async () => {
		const phone = await ada.rpc('save_push_subscription', {
			subscription: subscription('https://push.example/shared-phone'),
			time_zone: 'Europe/Berlin'
		});
		expect(phone.error).toBeNull();
		expect(phone.data).toMatch(/^[0-9a-f-]{36}$/);
		await ada.rpc('save_push_subscription', {
			subscription: subscription('https://push.example/ada-laptop'),
			time_zone: 'Europe/Berlin'
		});
		const taken = await grace.rpc('save_push_subscription', {
			subscription: subscription('https://push.example/shared-phone'),
			time_zone: 'Europe/Lisbon'
		});
		expect(taken.error).toBeNull();
		expect(taken.data).not.toBe(phone.data);
		expect(await devices('ada')).toEqual([{ endpoint: 'https://push.example/ada-laptop' }]);
		expect(await devices('grace')).toEqual([{ endpoint: 'https://push.example/shared-phone' }]);

		const forgotten = await grace.rpc('forget_push_subscription', { endpoint: 'https://push.example/ada-laptop' });
		expect(forgotten.error).toBeNull();
		expect(await devices('ada')).toEqual([{ endpoint: 'https://push.example/ada-laptop' }]);
		await grace.rpc('forget_push_subscription', { endpoint: 'https://push.example/shared-phone' });
		expect(await devices('grace')).toEqual([]);
	});

	it('refuse a subscription that is not one, with a sentence to show', async () => {
		const bad = await ada.rpc('save_push_subscription', {
			subscription: { ...subscription('http://push.example/plain'), endpoint: 'http://push.example/plain' },
			time_zone: 'Europe/Berlin'
		});
		expect(bad.error).toMatchObject({
			code: '22023',
			message: "The subscription's endpoint must be an https:// URL of at most 2048 characters."
		});
		const zone = await ada.rpc('save_push_subscription', {
			subscription: subscription('https://push.example/x'),
			time_zone: 'Europe/Atlantis'
		});
		expect(zone.error?.code).toBe('22023');
	});

	it('read the defaults, save some settings, and refuse unknown ones', async () => {
		const defaults = await grace.rpc('get_reminder_settings');
		expect(defaults.data).toEqual({
			digest: false,
			digest_time: '08:00',
			quiet_start: '21:00',
			quiet_end: '08:00',
			time_zone: 'Europe/Lisbon',
			hide_names: false
		});
		const saved = await grace.rpc('save_reminder_settings', { settings: { digest: true, digest_time: '07:30' } });
		expect(saved.error).toBeNull();
		expect(saved.data).toMatchObject({ digest: true, digest_time: '07:30', quiet_start: '21:00' });
		const unknown = await grace.rpc('save_reminder_settings', { settings: { digest: false, sms: true } });
		expect(unknown.error).toMatchObject({ code: '22023' });
		expect(unknown.error?.message).toContain('Unknown reminder setting "sms"');
		expect((await grace.rpc('get_reminder_settings')).data).toMatchObject({ digest: true });
	});

	it("refuse everything to a visitor who is not signed in, and serve nobody the sender's functions", async () => {
		const visitor = clientFor(standIn);
		const read = await visitor.rpc('get_reminder_settings');
		expect(read.error?.code).toBe('42501');
		// The sender's functions are in app_private, which the Data API does not serve.
		const claim = await visitor.rpc('claim_reminders', { p_now: new Date().toISOString(), p_limit: 10 });
		expect(claim.error?.code).toBe('PGRST202');
		const signedIn = await ada.rpc('claim_reminders', { p_now: new Date().toISOString(), p_limit: 10 });
		expect(signedIn.error?.code).toBe('PGRST202');
	});
});
