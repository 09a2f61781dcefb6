import { cleanLine } from '../text/display';

/** The parts of a backup, as a person calls their records. */
export type BackupPart = 'events' | 'people' | 'encounters' | 'followUps' | 'promises' | 'drafts';

/** A record of a backup that was cut to fit, or left out, and why. `position` counts from 1. */
export interface RestoreNote {
	part: BackupPart;
	position: number;
	/** Its name, or the start of its text, to recognise it by. */
	label: string;
	/** Cut: the fields cut. Left out: the field that does not fit, or the reference left out with its record. */
	fields: string[];
	/** Left out because the record it belongs to was left out (a conversation of a person left out). */
	dependent?: boolean;
}

const PART: Record<BackupPart, string> = {
	events: 'Event',
	people: 'Person',
	encounters: 'Conversation',
	followUps: 'Follow-up',
	promises: 'Promise',
	drafts: 'Unfinished note'
};

const FIELD: Record<string, string> = {
	org: 'company',
	helpOffer: '“how I can help”',
	raw: 'scanned text',
	matchKeys: 'match keys',
	closedReason: 'reason',
	metAt: 'date met',
	startDate: 'first day',
	endDate: 'last day',
	timeZone: 'time zone',
	dueAt: 'due date',
	queueAt: 'date in the queue',
	snoozedUntil: 'snooze',
	doneAt: 'date done',
	settledAt: 'date kept or dropped',
	badgeId: 'badge id',
	linkedin: 'LinkedIn',
	url: 'website',
	personId: 'person',
	eventId: 'event',
	encounterId: 'conversation',
	followUpId: 'follow-up'
};

const fieldName = (field: string) => FIELD[field] ?? field;
const list = (fields: readonly string[]) => fields.map(fieldName).join(', ');

/** "Person 3 (“Ada Lovelace”)". */
function thing(note: RestoreNote): string {
	const label = cleanLine(note.label, 40);
	return `${PART[note.part]} ${note.position}${label ? ` (“${label}”)` : ''}`;
}

/** One line for a record cut to fit: "Person 3 (“Ada Lovelace”): name cut to what the app keeps". */
export function cutLine(note: RestoreNote): string {
	return `${thing(note)}: ${list(note.fields)} cut to what the app keeps`;
}

/** One line for a record left out: "Conversation 2 (“Solar…”): left out, its person was left out". */
export function leftOutLine(note: RestoreNote): string {
	return note.dependent
		? `${thing(note)}: left out with its ${list(note.fields)}`
		: `${thing(note)}: left out, its ${list(note.fields)} is outside what the app keeps`;
}

const records = (n: number) => (n === 1 ? '1 record' : `${n.toLocaleString('en')} records`);

/** "Restored 10 records; 1 was cut to fit and 2 were left out (listed below)." */
export function restoreSummary(restored: number, cut: number, leftOut: number): string {
	const parts = [`Restored ${records(restored)}`];
	if (cut) parts.push(`${cut === 1 ? '1 was' : `${cut.toLocaleString('en')} were`} cut to fit`);
	if (leftOut) parts.push(`${records(leftOut)} ${leftOut === 1 ? 'was' : 'were'} left out`);
	return `${parts.join('; ')}${cut || leftOut ? ' (listed below)' : ''}.`;
}
