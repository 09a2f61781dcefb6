import { REMIND_HOURS } from '$lib/domain/queue/queue-rules';
import { REMINDER_TAG } from './reminders';

export type ReminderSetting = 'background' | 'in-app' | 'denied' | 'unsupported';

interface PeriodicSyncManager {
	register(tag: string, options: { minInterval: number }): Promise<void>;
	getTags(): Promise<string[]>;
}

function periodicSync(registration: ServiceWorkerRegistration): PeriodicSyncManager | null {
	return (registration as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }).periodicSync ?? null;
}

/** What reminders can do here, without asking anything. */
export async function reminderSetting(): Promise<ReminderSetting> {
	if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	if (Notification.permission !== 'granted') return 'in-app';
	const registration = await navigator.serviceWorker.getRegistration();
	const sync = registration && periodicSync(registration);
	return sync && (await sync.getTags().catch((): string[] => [])).includes(REMINDER_TAG) ? 'background' : 'in-app';
}

/**
 * Asks for notification permission and, where the browser offers Periodic Background Sync (an
 * installed app in Chromium), asks it to wake the service worker a few times a day to check for
 * follow-ups coming due. No push server is involved, and none is pretended.
 */
export async function enableReminders(): Promise<ReminderSetting> {
	if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
	const permission = await Notification.requestPermission();
	if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'in-app';
	const registration = await navigator.serviceWorker.ready;
	const sync = periodicSync(registration);
	if (!sync) return 'in-app';
	try {
		await sync.register(REMINDER_TAG, { minInterval: REMIND_HOURS * 3_600_000 });
		return 'background';
	} catch {
		// Chromium allows it only for installed apps with some engagement.
		return 'in-app';
	}
}

/** Closes the follow-up reminders still on screen (they name people, e.g. after a delete). */
export async function closeReminders(): Promise<void> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.getRegistration();
	for (const notification of (await registration?.getNotifications()) ?? []) notification.close();
}
