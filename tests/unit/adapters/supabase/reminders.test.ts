import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ReminderServer } from '$lib/adapters/supabase/reminders';
import type { Database } from '$lib/adapters/supabase/database.types';

type Answer = { data: unknown; error: { code?: string; message: string } | null; status: number };

/**
 * supabase-js's rpc() as far as ReminderServer uses it: the call, then abortSignal(), which sends
 * it. (The real client over HTTP is exercised by tests/e2e/settings-reminders.test.ts.)
 */
function fakeClient(answer: (name: string, args: unknown, signal: AbortSignal) => Promise<Answer>) {
	const calls: { name: string; args: unknown; signal: AbortSignal }[] = [];
	const client = {
		rpc: (name: string, args?: unknown) => ({
			abortSignal: (signal: AbortSignal) => {
				calls.push({ name, args, signal });
				return answer(name, args, signal);
			}
		})
	} as unknown as SupabaseClient<Database>;
	return { client, calls };
}

const SETTINGS = {
	digest: true,
	digest_time: '07:30',
	quiet_start: '21:00',
	quiet_end: '08:00',
	time_zone: 'Asia/Tokyo',
	hide_names: false
};

describe('ReminderServer', () => {
	it('saves a subscription with its time zone, and forgets one by endpoint', async () => {
		const { client, calls } = fakeClient(async () => ({ data: null, error: null, status: 200 }));
		const server = new ReminderServer(client);
		const signal = new AbortController().signal;
		await server.savePushSubscription({ endpoint: 'https://push.example/a' }, 'Europe/Berlin', signal);
		await server.forgetPushSubscription('https://push.example/a', signal);
		expect(calls.map(({ name, args }) => ({ name, args }))).toEqual([
			{
				name: 'save_push_subscription',
				args: { subscription: { endpoint: 'https://push.example/a' }, time_zone: 'Europe/Berlin' }
			},
			{ name: 'forget_push_subscription', args: { endpoint: 'https://push.example/a' } }
		]);
		expect(calls.every((c) => c.signal === signal)).toBe(true);
	});

	it("reads and saves the settings in the app's words, sending only what changed", async () => {
		const { client, calls } = fakeClient(async () => ({ data: SETTINGS, error: null, status: 200 }));
		const server = new ReminderServer(client);
		const signal = new AbortController().signal;
		expect(await server.settings(signal)).toMatchObject({ digest: true, digestTime: '07:30', timeZone: 'Asia/Tokyo' });
		await server.saveSettings({ hideNames: true }, signal);
		expect(calls[1]).toMatchObject({ name: 'save_reminder_settings', args: { settings: { hide_names: true } } });
	});

	it('an abandoned load stops the request it started', async () => {
		const { client } = fakeClient(
			(_, __, signal) =>
				new Promise((resolve) =>
					signal.addEventListener('abort', () =>
						resolve({ data: null, error: { message: 'AbortError: The operation was aborted.' }, status: 0 })
					)
				)
		);
		const controller = new AbortController();
		const loading = new ReminderServer(client).settings(controller.signal);
		controller.abort();
		await expect(loading).rejects.toMatchObject({ name: 'RemoteError', kind: 'offline' });
	});

	it("keeps the server's sentence for a refused value, and refuses an answer of another shape", async () => {
		const refused = fakeClient(async () => ({
			data: null,
			error: { code: '22023', message: 'time_zone must be an IANA name such as Europe/Berlin.' },
			status: 400
		}));
		await expect(
			new ReminderServer(refused.client).saveSettings({ timeZone: 'Mars' }, new AbortController().signal)
		).rejects.toMatchObject({
			kind: 'refused',
			message: 'time_zone must be an IANA name such as Europe/Berlin.'
		});
		const odd = fakeClient(async () => ({ data: { digest: 'yes' }, error: null, status: 200 }));
		await expect(new ReminderServer(odd.client).settings(new AbortController().signal)).rejects.toMatchObject({
			name: 'RemoteError'
		});
	});
});
