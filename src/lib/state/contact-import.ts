import { importSummary } from '$lib/domain/people/import-plan';
import { readVcfFile, vcfSizeProblem } from '$lib/domain/people/vcf-read';
import { newId } from './app';
import { peopleStore } from './people';
import { defaultRegion } from './device';

export type ContactImportResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * Imports a contacts file (.vcf) chosen by the person: the people in it are added without a
 * meeting, so check-ins can cover them. Nothing is written unless the whole file is.
 */
export async function importContactsFile(file: File): Promise<ContactImportResult> {
	const tooLarge = vcfSizeProblem(file.size);
	if (tooLarge) return { ok: false, message: tooLarge };
	const read = readVcfFile(await file.text(), { defaultCountry: defaultRegion() });
	if (!read.ok) return read;
	const plan = await peopleStore().importContacts(read, Date.now(), newId);
	return { ok: true, message: importSummary(plan) };
}
