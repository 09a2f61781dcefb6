/**
 * What the UI may ask of the device, wired in one place so components and routes never reach
 * into adapters themselves (only the camera and the styled QR, which are widgets, wrap theirs).
 */
export { canShare, copyText, downloadBlob, fileNameFor, shareFiles, shareLink } from '$lib/adapters/device/files';
export { buzz } from '$lib/adapters/device/vibration';
export { keepScreenOn } from '$lib/adapters/device/wake-lock';
export { defaultRegion, deviceTimeZone } from '$lib/adapters/device/locale';
export { isStoragePersistent, requestPersistentStorage } from '$lib/adapters/device/storage';
export { reminderSetting, type ReminderAnswer, type ReminderSetting } from '$lib/adapters/notifications/permission';
export { registerServiceWorker, type AppVersions } from '$lib/adapters/device/service-worker';

/** A picture chosen for the QR's logo, as a small PNG data: URL (its code loads when one is chosen). */
export async function imageFileToDataUrl(file: File): Promise<string> {
	return (await import('$lib/adapters/device/images')).imageFileToDataUrl(file);
}
