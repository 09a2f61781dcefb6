import { timing } from '$lib/domain/queue/countdown';
import { dueWithin, REMIND_HOURS } from '$lib/domain/queue/queue-rules';
import { cleanLine } from '$lib/domain/text/display';
import Dexie from 'dexie';
import { DEFAULT_DB } from '../local/accounts';
import { LocalDb } from '../local/db';
import { FollowUpQueue } from '../local/follow-up-queue';
import { readReminderDatabase } from './reminder-target';

/** The Periodic Background Sync tag under which the service worker looks for follow-ups coming due. */
export const REMINDER_TAG = 'follow-up-reminders';

/**
 * Shows one notification per follow-up due within six hours (or overdue). Runs in the service
 * worker when the browser wakes it; each notification is tagged with its follow-up, so waking
 * again replaces it instead of piling up. Reads the database the app named (reminder-target.ts):
 * none after sign-out or "Delete all my data", and never one that no longer exists, which opening
 * would create again. Returns how many were shown.
 */
export async function showDueReminders(registration: ServiceWorkerRegistration, now: number): Promise<number> {
	const name = await readReminderDatabase();
	if (name === null) return 0;
	if (!(await Dexie.exists(name ?? DEFAULT_DB))) return 0;
	const db = new LocalDb(name ?? DEFAULT_DB);
	let rows;
	try {
		rows = await new FollowUpQueue(db).allInQueue(now);
	} finally {
		db.close();
	}
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
