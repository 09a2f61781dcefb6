import { downloadBlob } from '$lib/adapters/device/files';
import { peopleCsv, peopleVCards } from '$lib/domain/people/exports';
import { followUpsToIcs } from '$lib/domain/queue/calendar';
import { app } from './app';

async function everyone() {
	const [summaries, events] = await Promise.all([app().people.summaries(), app().events.list()]);
	return { list: summaries, events: new Map(events.map((e) => [e.id, e])) };
}

const today = () => new Date().toISOString().slice(0, 10);

/** Everyone as one .vcf for the phone's contacts. Returns how many people. */
export async function downloadAllVCards(): Promise<number> {
	const { list, events } = await everyone();
	downloadBlob(new Blob([peopleVCards(list, events)], { type: 'text/vcard' }), `contacts-${today()}.vcf`);
	return list.length;
}

/** Everyone as a CSV that HubSpot and Salesforce import. Returns how many people. */
export async function downloadCsv(): Promise<number> {
	const { list, events } = await everyone();
	// A byte-order mark, so spreadsheet apps read the names as UTF-8.
	downloadBlob(new Blob(['\uFEFF', peopleCsv(list, events)], { type: 'text/csv' }), `contacts-${today()}.csv`);
	return list.length;
}

/** Open follow-ups and check-ins as calendar events (.ics). Returns how many. */
export async function downloadFollowUpsIcs(): Promise<number> {
	const now = Date.now();
	const items = await app().followUps.calendarItems(now);
	downloadBlob(new Blob([followUpsToIcs(items, now)], { type: 'text/calendar' }), 'follow-ups.ics');
	return items.length;
}
