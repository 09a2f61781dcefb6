import type { SupabaseClient } from '@supabase/supabase-js';
import { readReminderSettings, reminderSettingsPatch, type ReminderSettings } from '$lib/domain/reminders/settings';
import type { Database, Json } from './database.types';
import { classifyError } from './gateway';

/**
 * The reminder RPCs of supabase/migrations/…_reminders.sql, for the signed-in user: this device's
 * push subscription and the account's reminder settings. Each call takes an AbortSignal (a person
 * leaving Settings abandons it) and throws a RemoteError, with the server's own sentence for a
 * refused value.
 */
export class ReminderServer {
	constructor(private readonly client: SupabaseClient<Database>) {}

	async savePushSubscription(subscription: unknown, timeZone: string, signal: AbortSignal): Promise<void> {
		const { error, status } = await this.client
			.rpc('save_push_subscription', { subscription: subscription as Json, time_zone: timeZone })
			.abortSignal(signal);
		if (error) throw classifyError(status, error);
	}

	async forgetPushSubscription(endpoint: string, signal: AbortSignal): Promise<void> {
		const { error, status } = await this.client.rpc('forget_push_subscription', { endpoint }).abortSignal(signal);
		if (error) throw classifyError(status, error);
	}

	async settings(signal: AbortSignal): Promise<ReminderSettings> {
		const { data, error, status } = await this.client.rpc('get_reminder_settings').abortSignal(signal);
		if (error) throw classifyError(status, error);
		const settings = readReminderSettings(data);
		if (!settings)
			throw classifyError(500, { message: 'The reminder settings came back in a shape the app does not know.' });
		return settings;
	}

	async saveSettings(change: Partial<ReminderSettings>, signal: AbortSignal): Promise<ReminderSettings> {
		const { data, error, status } = await this.client
			.rpc('save_reminder_settings', { settings: reminderSettingsPatch(change) })
			.abortSignal(signal);
		if (error) throw classifyError(status, error);
		const settings = readReminderSettings(data);
		if (!settings)
			throw classifyError(500, { message: 'The reminder settings came back in a shape the app does not know.' });
		return settings;
	}
}
