import { isStoragePersistent, reminderSetting } from '$lib/state/device';

// The page draws with the browser's answers in place: a "Checking…" line that then grows into a
// paragraph and a button would push every section below it down the screen. The Reminders
// section's push code is a chunk of its own, fetched alongside.
export async function load() {
	const [persistent, reminders, push, section] = await Promise.all([
		isStoragePersistent(),
		reminderSetting(),
		import('$lib/state/push').then((push) => push.devicePushOn()),
		import('$lib/components/settings/push-reminders.svelte')
	]);
	return { persistent, reminders, pushOn: push, PushReminders: section.default };
}
