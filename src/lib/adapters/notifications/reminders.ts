import { timing } from '$lib/domain/queue/countdown';
import { dueWithin, REMIND_HOURS } from '$lib/domain/queue/queue-rules';
import { cleanLine } from '$lib/domain/text/display';
import { LocalDb } from '../local/db';
import { FollowUpQueue } from '../local/follow-up-queue';

/** The Periodic Background Sync tag under which the service worker looks for follow-ups coming due. */
export const REMINDER_TAG = 'follow-up-reminders';

/**
 * Shows one notification per follow-up due within six hours (or overdue). Runs in the service
 * worker when the browser wakes it; each notification is tagged with its follow-up, so waking
 * again replaces it instead of piling up. Returns how many were shown.
 */
export async function showDueReminders(registration: ServiceWorkerRegistration, now: number): Promise<number> {
	const store = new FollowUpQueue(new LocalDb());
	const rows = await store.allInQueue(now);
	const due = new Set(
		dueWithin(
			rows.map((r) => r.followUp),
			now,
			REMIND_HOURS
		)
	);
	let shown = 0;
	for (const row of rows) {
		if (!due.has(row.followUp) || !row.person) continue;
		const what = row.followUp.kind === 'check-in' ? 'Check in with' : 'Follow up with';
		await registration.showNotification(`${what} ${cleanLine(row.person.name, 80)}`, {
			body: [timing(row.followUp, now).text, cleanLine(row.note, 120)].filter(Boolean).join(' · '),
			tag: `follow-up-${row.followUp.id}`,
			data: { url: `/follow-ups/${row.followUp.id}` },
			icon: '/pwa-192x192.png'
		});
		shown++;
	}
	return shown;
}
