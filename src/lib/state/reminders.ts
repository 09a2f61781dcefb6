import { enableReminders as enableRemindersFor, type ReminderAnswer } from '$lib/adapters/notifications/permission';
import { app } from './app';

/**
 * Turns reminders on for the data open here: the service worker's reminders read that database.
 * Apart from device.ts, which the app shell imports, so that none of this loads with it.
 */
export function enableReminders(): Promise<ReminderAnswer> {
	return enableRemindersFor(app().dbName);
}
