import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { LocalDb } from './db';
import { DraftRow, readRow } from './rows';

/**
 * Scans whose note is not finished yet, as every screen's "Finish your note" banner lists them.
 * Making and saving them is CaptureStore's.
 */
export class UnfinishedNotes {
	constructor(protected readonly db: LocalDb) {}

	/** Every unfinished note, oldest first. */
	async drafts(): Promise<CaptureDraft[]> {
		const rows = await this.db.drafts.orderBy('updatedAt').toArray();
		return rows.map((row) => readRow(DraftRow, row, 'draft')).filter((d): d is CaptureDraft => d !== null);
	}
}
