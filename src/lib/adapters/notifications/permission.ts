import { REMIND_HOURS } from '$lib/domain/queue/queue-rules';
import { keepReminderDatabase } from './reminder-target';
import { REMINDER_TAG } from './reminders';

/**
 * What reminders can do here: 'background' (notifications allowed, and the browser wakes the app
 * to check), 'allowed' (notifications allowed, but no background checks in this browser), 'ask'
 * (not asked yet, or the question was closed), 'denied' (the browser or the person said no), or
 * 'unsupported' (no notifications in this browser).
 */
export type ReminderSetting = 'background' | 'allowed' | 'ask' | 'denied' | 'unsupported';

/** What asking came to: the setting, or 'dismissed' when the question was closed unanswered. */
export type ReminderAnswer = ReminderSetting | 'dismissed';

interface PeriodicSyncManager {
	register(tag: string, options: { minInterval: number }): Promise<void>;
	unregister(tag: string): Promise<void>;
	getTags(): Promise<string[]>;
}

function periodicSync(registration: ServiceWorkerRegistration | undefined): PeriodicSyncManager | null {
	return (registration as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager })?.periodicSync ?? null;
}

const supported = () => typeof Notification !== 'undefined' && 'serviceWorker' in navigator;

/** What reminders can do here, without asking anything. */
export async function reminderSetting(): Promise<ReminderSetting> {
	if (!supported()) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	if (Notification.permission !== 'granted') return 'ask';
	const sync = periodicSync(await navigator.serviceWorker.getRegistration());
	return sync && (await sync.getTags().catch((): string[] => [])).includes(REMINDER_TAG) ? 'background' : 'allowed';
}

/**
 * Asks for notification permission and, where the browser offers Periodic Background Sync (an
 * installed app in Chromium), asks it to wake the service worker a few times a day to check for
 * follow-ups coming due in `database` (the one the app has open). No push server is involved, and
 * none is pretended.
 */
export async function enableReminders(database: string): Promise<ReminderAnswer> {
	if (!supported()) return 'unsupported';
	const permission = await Notification.requestPermission();
	if (permission === 'denied') return 'denied';
	if (permission !== 'granted') return 'dismissed';
	await keepReminderDatabase(database);
	// getRegistration, not ready: ready never settles where the service worker failed to register.
	const sync = periodicSync(await navigator.serviceWorker.getRegistration());
	if (!sync) return 'allowed';
	try {
		await sync.register(REMINDER_TAG, { minInterval: REMIND_HOURS * 3_600_000 });
		return 'background';
	} catch {
		// Chromium allows it only for installed apps with some engagement.
		return 'allowed';
	}
}

/**
 * Sign-out and "Delete all my data": the service worker names no database any more (so reminders
 * neither name this person's contacts to the next one nor re-create erased data), the browser stops
 * waking it for them, and the reminders still on screen close (they name people).
 */
export async function stopReminders(registration?: ServiceWorkerRegistration | null): Promise<void> {
	await keepReminderDatabase(null);
	if (registration === undefined) {
		if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		registration = await navigator.serviceWorker.getRegistration();
	}
	if (!registration) return;
	await periodicSync(registration)
		?.unregister(REMINDER_TAG)
		.catch(() => undefined);
	for (const notification of await registration.getNotifications()) notification.close();
}
