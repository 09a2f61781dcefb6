import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { LocalDb } from './db';
import { DraftRow, readRows } from './rows';

/**
 * Scans whose note is not finished yet, as every screen's "Finish your note" banner lists them.
 * Making and saving them is CaptureStore's.
 */
export class UnfinishedNotes {
	constructor(protected readonly db: LocalDb) {}

	/**
	 * The oldest `limit` unfinished notes but the one `except` (open on screen), and how many there
	 * are in all but that one: what the banner shows. It is read again after every change to a
	 * draft (each note being typed is one), so it reads `limit` rows, not every draft.
	 */
	async oldest(limit: number, except: string | null): Promise<{ drafts: CaptureDraft[]; total: number }> {
		const { drafts } = this.db;
		const [rows, total, open] = await Promise.all([
			drafts
				.orderBy('updatedAt')
				.filter((row) => row.id !== except)
				.limit(limit)
				.toArray(),
			drafts.count(),
			except ? drafts.get(except) : undefined
		]);
		return { drafts: readRows(DraftRow, rows, 'draft'), total: total - (open ? 1 : 0) };
	}
}
