// What a backup file holds, and the checks each of its records passes before it is restored.
import * as v from 'valibot';
import { isStorableTime } from '$lib/domain/sync/bounds';
import { LOCAL_TABLES, type LocalTable } from '$lib/domain/sync/mapping';
import { fitRecord, leftOutReference } from '$lib/domain/sync/record-fit';
import type { BackupPart, RestoreNote } from '$lib/domain/sync/restore-report';
import { oneLine, unifyLineBreaks } from '$lib/domain/text/line-breaks';
import { storableJson } from '$lib/domain/text/storable';
import { CardRow, DraftRow, EncounterRow, EventRow, FollowUpRow, PromiseRow, PersonRow } from './rows';

export const BACKUP_FORMAT = 'networking-companion-backup';
export const BACKUP_VERSION = 1;
const MAX_ROWS = 200_000;
/** Records checked, or written, between two looks at the screen (and at Cancel). */
const CHUNK = 500;

// Only known fields are kept from a backup file (it is a trust boundary like a scan).
const strict = <T extends v.LooseObjectSchema<v.ObjectEntries, undefined>>(schema: T) => v.object(schema.entries);
export const RECORD_SCHEMA = {
	events: strict(EventRow),
	people: strict(PersonRow),
	encounters: strict(EncounterRow),
	followUps: strict(FollowUpRow),
	promises: strict(PromiseRow),
	drafts: DraftRow
} satisfies Record<BackupPart, v.GenericSchema>;

const rows = v.pipe(v.array(v.unknown()), v.maxLength(MAX_ROWS));
const FileSchema = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(BACKUP_VERSION),
	exportedAt: v.string(),
	card: v.nullable(CardRow),
	...(Object.fromEntries(Object.keys(RECORD_SCHEMA).map((part) => [part, rows])) as Record<BackupPart, typeof rows>)
});

export interface RestoreProgress {
	phase: 'checking' | 'writing';
	done: number;
	total: number;
}
export interface RestoreOptions {
	signal?: AbortSignal;
	onProgress?: (progress: RestoreProgress) => void;
}
const notABackup = (where: string) => ({
	ok: false as const,
	message: `This file is not a backup this app can restore${where ? ` (at ${where.slice(0, 80)})` : ''}. Nothing was changed.`
});
const pathOf = (issues: readonly v.BaseIssue<unknown>[]) => issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '';
// A timer, not a microtask: the browser draws the progress and handles a press of Cancel.
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Row = Record<string, unknown> & { id: string };
const labelOf = (row: Row) => String(row.name ?? row.note ?? row.text ?? '');

/** A draft's text as restored: line breaks one kind (drafts do not sync, so only that). */
function tidyDraft(draft: v.InferOutput<typeof DraftRow>) {
	const fields = Object.fromEntries(Object.entries(draft.fields).map(([k, value]) => [k, oneLine(value)]));
	const lines = (text: string) => unifyLineBreaks(text);
	return {
		...draft,
		fields: fields as typeof draft.fields,
		note: lines(draft.note),
		helpOffer: lines(draft.helpOffer),
		raw: lines(draft.raw)
	};
}

/** My card as restored: each of its fields one line, as the card form keeps them. */
function tidyCard(card: v.InferOutput<typeof CardRow>) {
	const line = (key: 'name' | 'title' | 'company' | 'email' | 'phone' | 'link' | 'helpWith') => oneLine(card[key]);
	return {
		...card,
		...Object.fromEntries(
			(['name', 'title', 'company', 'email', 'phone', 'link', 'helpWith'] as const).map((k) => [k, line(k)])
		)
	};
}

/**
 * Checks a backup file's records, a chunk at a time: each must be a record of this app (or the file
 * is refused), then is made to fit what the server stores (fitRecord) or is left out, with what
 * depends on it. Null when cancelled.
 */
export async function checkBackup(text: string, options: RestoreOptions) {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false as const, message: 'This file is not a backup from this app (it is not JSON).' };
	}
	const file = v.safeParse(FileSchema, json);
	if (!file.success) return notABackup(pathOf(file.issues));
	const card = file.output.card ? tidyCard(v.parse(CardRow, storableJson(file.output.card))) : null;
	const parts = Object.keys(RECORD_SCHEMA) as BackupPart[];
	const total = parts.reduce((n, part) => n + file.output[part].length, 0);
	const kept = new Map<BackupPart, Row[]>(parts.map((part) => [part, []]));
	const cut: RestoreNote[] = [];
	const leftOut: RestoreNote[] = [];
	const skipped = new Map<LocalTable, Set<string>>(LOCAL_TABLES.map((t) => [t, new Set()]));
	let done = 0;
	for (const part of parts) {
		for (const [index, raw] of file.output[part].entries()) {
			// A file can hold what Postgres cannot (NUL, lone surrogates): restored records sync.
			const read = v.safeParse(RECORD_SCHEMA[part], storableJson(raw));
			if (!read.success) return notABackup(`${part}.${index}.${pathOf(read.issues)}`);
			const row = read.output as Row;
			const note = { part, position: index + 1, label: labelOf(row) };
			if (part === 'drafts') {
				if (isStorableTime(row.metAt)) kept.get(part)!.push(tidyDraft(row as never) as Row);
				else leftOut.push({ ...note, fields: ['metAt'] });
			} else {
				const fitted = fitRecord(part, row);
				const reference = fitted.ok ? leftOutReference(part, fitted.record, skipped) : null;
				if (!fitted.ok || reference) {
					skipped.get(part)!.add(row.id);
					leftOut.push({ ...note, fields: [fitted.ok ? reference! : fitted.field], dependent: !!reference });
				} else {
					kept.get(part)!.push(fitted.record as Row);
					if (fitted.cut.length) cut.push({ ...note, fields: fitted.cut });
				}
			}
			if (++done % CHUNK === 0) {
				options.onProgress?.({ phase: 'checking', done, total });
				await breathe();
				if (options.signal?.aborted) return null;
			}
		}
	}
	return { ok: true as const, card, kept, cut, leftOut };
}
