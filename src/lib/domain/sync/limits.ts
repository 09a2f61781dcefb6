import type { OutboxEntry, QuotaError } from './ports';

/**
 * The most a device sends in one push, in bytes of JSON. The server refuses a push over 2,000,000
 * bytes of its own jsonb text (supabase/migrations/20261208120000_push_limits.sql), which spaces
 * keys and values a little more than JSON.stringify does: half of it leaves room to spare, and the
 * largest change the field bounds allow (under 160 KB) still goes alone.
 */
export const PUSH_BYTES = 1_000_000;

const encoder = new TextEncoder();

/** The bytes one change takes in a push (UTF-8 JSON, as supabase-js sends it). */
export function changeBytes(entry: OutboxEntry): number {
	return encoder.encode(JSON.stringify(entry)).length;
}

/**
 * The first changes of `entries` that fit in `budget` bytes together, and always at least one (a
 * change too large on its own is for the server to refuse, with a reason the person sees).
 */
export function withinBytes(entries: OutboxEntry[], budget = PUSH_BYTES): OutboxEntry[] {
	let total = 2;
	let count = 0;
	for (const entry of entries) {
		total += changeBytes(entry) + 1;
		if (count > 0 && total > budget) break;
		count++;
	}
	return entries.slice(0, count);
}

/** How long a device waits before trying again after a quota refusal (Sync now does not wait). */
export const QUOTA_RETRY_MS = 60 * 60_000;

// What the person calls each table's rows.
const ROWS: Record<string, string> = {
	events: 'events',
	people: 'people',
	encounters: 'conversations',
	follow_ups: 'follow-ups',
	promises: 'promises',
	note_revisions: 'kept versions of notes'
};

/**
 * A person's words for a push refused at one of the server's shared limits. Nothing was applied and
 * nothing is lost: the changes wait on the device.
 */
export function quotaProblem(error: QuotaError): string {
	const kept = 'Your changes are kept on this device.';
	if (error.limit === 'bytes-per-day')
		return `This account has sent the server as much as it may in one day. ${kept} Sync goes on after midnight (UTC).`;
	const table = error.table ?? '';
	const rows = Object.hasOwn(ROWS, table) ? ROWS[table] : 'rows';
	return `This account holds as many ${rows} as the server keeps for one person, so new ones can't sync. ${kept}`;
}
