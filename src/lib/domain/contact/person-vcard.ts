import type { Person } from '../capture/records';
import { writeVCard } from './vcard-write';

/** A person as a .vcf for the phone's contacts, with where and why we met as the note. */
export function personToVCard(person: Person, note = ''): string {
	return writeVCard({
		name: person.name,
		org: person.org,
		title: person.title,
		phone: person.phone,
		email: person.email,
		urls: [person.linkedin, person.url],
		note
	});
}
