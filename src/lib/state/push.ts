import { deviceTimeZone } from '$lib/adapters/device/locale';
import {
	browserPushPorts,
	currentSubscription,
	devicePushFacts,
	showTestNotification
} from '$lib/adapters/notifications/push-device';
import { vapidPublicKey } from '$lib/push-config';
import type { PushFacts } from '$lib/domain/reminders/availability';
import { turnOffPush, turnOnPush, type PushOutcome } from '$lib/domain/reminders/device-push';
import type { ReminderSettings } from '$lib/domain/reminders/settings';
import type { AccountState, SyncService } from './sync.svelte';

/**
 * Reminders pushed by the server, for Settings → Reminders: this device's subscription (per
 * device) and the account's reminder settings. Loaded with that section only.
 */
export { showTestNotification };
export type { PushOutcome, ReminderSettings };

/** What the browser and the account say about push here, asking nothing. */
export function pushFacts(account: AccountState): PushFacts {
	return { ...devicePushFacts(vapidPublicKey() !== null), account };
}

/** Whether this device is subscribed now. */
export async function devicePushOn(): Promise<boolean> {
	return (await currentSubscription().catch(() => null)) !== null;
}

function ports(service: SyncService) {
	const key = vapidPublicKey();
	if (!key) throw new Error('Push is not set up in this copy of the app.');
	return browserPushPorts(key, {
		save: (subscription, timeZone, signal) =>
			service.reminders((server) => server.savePushSubscription(subscription.json, timeZone, signal)),
		forget: (endpoint, signal) => service.reminders((server) => server.forgetPushSubscription(endpoint, signal))
	});
}

/** "Notify me on this device" turned on (see turnOnPush). */
export function turnOnDevicePush(service: SyncService, signal: AbortSignal): Promise<PushOutcome> {
	return turnOnPush(ports(service), deviceTimeZone(), signal);
}

/** "Notify me on this device" turned off (see turnOffPush). */
export function turnOffDevicePush(
	service: SyncService,
	signal: AbortSignal
): Promise<'off' | 'off-locally' | 'aborted'> {
	return turnOffPush(ports(service), signal);
}

/** The account's reminder settings from the server. */
export function loadReminderSettings(service: SyncService, signal: AbortSignal): Promise<ReminderSettings> {
	return service.reminders((server) => server.settings(signal));
}

/** Saves a change to the account's reminder settings; resolves with all of them, as saved. */
export function saveReminderSettings(
	service: SyncService,
	change: Partial<ReminderSettings>,
	signal: AbortSignal
): Promise<ReminderSettings> {
	return service.reminders((server) => server.saveSettings(change, signal));
}

/** The device's time zone, which the account's reminders follow. */
export { deviceTimeZone };
