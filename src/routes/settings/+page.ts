import { isStoragePersistent, reminderSetting } from '$lib/state/device';

// The page draws with the browser's answers in place: a "Checking…" line that then grows into a
// paragraph and a button would push every section below it down the screen.
export async function load() {
	const [persistent, reminders] = await Promise.all([isStoragePersistent(), reminderSetting()]);
	return { persistent, reminders };
}
