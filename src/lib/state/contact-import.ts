import { importSummary } from '$lib/domain/people/import-plan';
import { readVcfFileInChunks, vcfSizeProblem } from '$lib/domain/people/vcf-read';
import { newId } from './app';
import { peopleStore } from './people';
import { defaultRegion } from './device';

export type ContactImportResult = { ok: true; message: string } | { ok: false; message: string; cancelled?: true };

/** How far an import is: reading the file's cards, then writing the people. */
export interface ImportProgress {
	phase: 'reading' | 'writing';
	done: number;
	total: number;
}

const CANCELLED = { ok: false, cancelled: true, message: 'Import cancelled. Nothing was changed.' } as const;
// A timer, not a microtask: the browser draws the progress and handles a press of Cancel.
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Imports a contacts file (.vcf) chosen by the person: the people in it are added without a
 * meeting, so check-ins can cover them. Nothing is written unless the whole file is; `signal` is
 * the Cancel button (nothing is changed then).
 */
export async function importContactsFile(
	file: File,
	options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {}
): Promise<ContactImportResult> {
	const { signal, onProgress } = options;
	const tooLarge = vcfSizeProblem(file.size);
	if (tooLarge) return { ok: false, message: tooLarge };
	const read = await readVcfFileInChunks(await file.text(), {
		defaultCountry: defaultRegion(),
		signal,
		onProgress: (done, total) => onProgress?.({ phase: 'reading', done, total }),
		pause
	});
	if (!read || signal?.aborted) return CANCELLED;
	if (!read.ok) return read;
	try {
		const plan = await peopleStore().importContacts(read, Date.now(), newId, {
			signal,
			onProgress: (done, total) => onProgress?.({ phase: 'writing', done, total })
		});
		return { ok: true, message: importSummary(plan) };
	} catch (error) {
		if (signal?.aborted) return CANCELLED;
		throw error;
	}
}
