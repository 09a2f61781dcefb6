import type { ContactFields } from './types';

/** How many single-letter edits turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++)
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length]!;
}

const plain = (text: string) =>
	text
		.normalize('NFD')
		.toLowerCase()
		.replace(/[^a-z]/g, '');

/**
 * The addresses people's names usually make: ada.lovelace, a.lovelace, ada, adal, ada_lovelace…, and
 * the forms common outside the English-speaking world: ada.l, lovelace.a, lovelacea, ada-lovelace.
 */
function localsFromName(name: string): string[] {
	const words = name.split(/\s+/).map(plain).filter(Boolean);
	const first = words[0];
	const last = words.at(-1);
	if (!first || !last || words.length < 2) return [];
	return [
		`${first}.${last}`,
		`${first[0]}.${last}`,
		first,
		`${first}${last[0]}`,
		`${first}_${last}`,
		`${first}${last}`,
		`${first[0]}${last}`,
		last,
		// Agreement only, not repair targets (see repairEmail): keep these last.
		`${first}.${last[0]}`,
		`${last}.${first[0]}`,
		`${last}${first[0]}`,
		`${first}-${last}`
	];
}

/** A website's host without "www." ('' when it is not an http(s) address). */
export const websiteHost = (url: string) => /^https?:\/\/(?:www\.)?([^/]+)/.exec(url)?.[1] ?? '';

/**
 * How well an email address agrees with the rest of the card: 2 when the part before "@" is made
 * from the person's name in one of the usual forms (digits after it allowed), 1 more when its domain
 * is the website's.
 */
export function emailAgreement(email: string, fields: ContactFields): number {
	const at = email.lastIndexOf('@');
	if (at < 0) return 0;
	const stem = email.slice(0, at).replace(/\d+$/, '');
	return (
		(localsFromName(fields.name).includes(stem) ? 2 : 0) + (email.slice(at + 1) === websiteHost(fields.url) ? 1 : 0)
	);
}

/**
 * Of the ways an email address was read (the whole card, then its line again), the one that agrees
 * best with the name and the website; the first on a tie.
 */
export function likeliestEmail(readings: readonly string[], fields: ContactFields): string {
	const read = readings.filter(Boolean);
	let best = read[0] ?? '';
	for (const reading of read.slice(1))
		if (emailAgreement(reading, fields) > emailAgreement(best, fields)) best = reading;
	return best;
}

/**
 * The email address with one or two letters OCR got wrong put right, where the rest of the card says
 * what they should be: the domain from the website's (or the company's name), the part before "@"
 * from the person's name in one of the usual forms. Anything further off is left as read: the
 * person checks every field before saving.
 */
export function repairEmail(fields: ContactFields): string {
	const at = fields.email.lastIndexOf('@');
	if (at < 0) return fields.email;
	let local = fields.email.slice(0, at);
	let domain = fields.email.slice(at + 1);
	const site = websiteHost(fields.url);
	if (site && site !== domain && editDistance(site, domain) <= 2) domain = site;
	else if (!site) {
		const [label, ...rest] = domain.split('.');
		const company = plain(fields.org);
		const near = [company, ...company.split(/(?=[a-z]{4,})/)].find(
			(c) => c.length >= 5 && label && c !== plain(label) && editDistance(c, label) <= 1
		);
		if (near && rest.length) domain = [near, ...rest].join('.');
	}
	const digits = /\d*$/.exec(local)?.[0] ?? '';
	const stem = local.slice(0, local.length - digits.length);
	// Same length (a letter misread), or the whole of what was read inside the usual form (a dot or an
	// initial lost); never shorter, which would drop what OCR did read.
	const fits = (candidate: string) =>
		candidate.length === stem.length
			? editDistance(candidate, stem) <= 2
			: candidate.length - stem.length <= 2 && candidate.endsWith(stem);
	const usual = localsFromName(fields.name);
	if (usual.includes(stem)) return `${local}@${domain}`;
	// Not to the forms with an initial after the name (ada.l, lovelace.a): one letter off there is
	// as likely another person's initial (or a middle name's) as a misread.
	const nearest = usual
		.slice(0, 8)
		.filter((candidate) => candidate.replace(/[._]/g, '') !== stem.replace(/[._]/g, '') && fits(candidate))
		.sort((a, b) => editDistance(a, stem) - editDistance(b, stem))[0];
	if (nearest && stem.length >= 4) local = nearest + digits;
	return `${local}@${domain}`;
}
