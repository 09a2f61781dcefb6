import { downloadBlob, fileNameFor } from '$lib/adapters/device/files';
import type { FollowUpDetail } from '$lib/domain/queue/views';
import { deviceTimeZone } from '$lib/adapters/device/locale';
import { localDay } from '$lib/domain/events/local-day';
import { eventStore } from './events';
import { followUpQueue } from './follow-ups';
import { peopleStore } from './people';

// The writers (papaparse for the CSV, ical.js for vCards and calendars) load when an export is
// asked for, not with the screens that offer one.
const peopleWriters = () => import('$lib/domain/people/exports');
const calendarWriter = () => import('$lib/domain/queue/calendar');

async function everyone() {
	const [summaries, events] = await Promise.all([peopleStore().summaries(), eventStore().list()]);
	return { list: summaries, events: new Map(events.map((e) => [e.id, e])) };
}

// The file is named by the person's own day, not UTC's.
const today = () => localDay(Date.now(), deviceTimeZone());

/** Everyone as one .vcf for the phone's contacts. Returns how many people. */
export async function downloadAllVCards(): Promise<number> {
	const [{ peopleVCards }, { list, events }] = await Promise.all([peopleWriters(), everyone()]);
	downloadBlob(
		new Blob([peopleVCards(list, events, deviceTimeZone())], { type: 'text/vcard' }),
		`contacts-${today()}.vcf`
	);
	return list.length;
}

/** Everyone as a CSV that HubSpot and Salesforce import. Returns how many people. */
export async function downloadCsv(): Promise<number> {
	const [{ peopleCsv }, { list, events }] = await Promise.all([peopleWriters(), everyone()]);
	// A byte-order mark, so spreadsheet apps read the names as UTF-8.
	downloadBlob(
		new Blob(['\uFEFF', peopleCsv(list, events, deviceTimeZone())], { type: 'text/csv' }),
		`contacts-${today()}.csv`
	);
	return list.length;
}

/** Open follow-ups and check-ins (however far off) as calendar events (.ics). Returns how many. */
export async function downloadFollowUpsIcs(): Promise<number> {
	const now = Date.now();
	const [{ followUpsToIcs }, items] = await Promise.all([calendarWriter(), followUpQueue().calendarItems()]);
	downloadBlob(new Blob([followUpsToIcs(items, now)], { type: 'text/calendar' }), 'follow-ups.ics');
	return items.length;
}

/**
 * One follow-up as a calendar event with its alarm (.ics), from its page: someone without an
 * account gets a reminder from their own calendar.
 */
export async function downloadFollowUpIcs(detail: FollowUpDetail): Promise<void> {
	const { followUpsToIcs } = await calendarWriter();
	const personName = detail.person?.name ?? 'Someone';
	const item = {
		followUp: detail.followUp,
		personName,
		note: detail.encounters.map((e) => e.note).join('\n'),
		promises: detail.promises.filter((p) => p.status === 'open').map((p) => p.text)
	};
	const name = fileNameFor(`follow-up ${personName}`, 'ics');
	downloadBlob(new Blob([followUpsToIcs([item], Date.now())], { type: 'text/calendar' }), name);
}
