import { websiteHost } from './card-email';
import type { ContactFields } from './types';

const TITLE_WORDS =
	/\b(chief|officer|head|manager|engineer|director|lead|ceo|cto|cfo|coo|cmo|vp|vice|president|founder|co-founder|partner|designer|scientist|researcher|research|architect|executive|fellow|developer|consultant|analyst|specialist|coordinator|intern|student|professor|editor|advisor|associate|owner|strategist|recruiter|counsel|attorney|accountant|officer)\b/i;
// Titles and departments as cards in other languages print them, matched without accents (OCR
// drops them): Analista, Jefa de Producto, Ingénieur, Geschäftsführer, Salgschef, Myyntipäällikkö,
// Toimitusjohtaja, Główna Księgowa, Jednatelka…, and the departments under them.
const TITLE_ELSEWHERE =
	/\b(analista|ingenier[oa]|ingenieur|ingeniera|inzenyr|jef[ea]|director[a]?|directeur|directrice|direktor(?:in)?|direttore|direttrice|diretor[a]?|dyrektor|reditel(?:ka)?|gerente|responsab(?:le|ile)|geschaftsfuhrer(?:in)?|leiter(?:in)?|charge[e]?|commercial[e]?|consultor[a]?|asesor[a]?|gestor[a]?|tecnic[oa]|coordinador[a]?|coordinatrice|presidente|socio|socia|fundador[a]?|fondat(?:eur|rice)|grunder(?:in)?|inhaber(?:in)?|prokurist(?:in)?|referent(?:in)?|sachbearbeiter(?:in)?|vertrieb|einkauf|verkauf|toimitusjohtaja|johtaja|paallikko|asiantuntija|ksiegow[ay]|kierownik|prezes|specjalist[a]?|jednatel(?:ka)?|manazer(?:ka)?|obchodni|radgiver|radgivare|konsulent|projektleder|projektledare|saljare|saljchef|raadgever|adviseur|verkoper|medewerker|department|departamento|departement|dipartimento|division|abteilung|afdeling|avdelning|osasto|dzial|oddeleni|diretoria|direccion|direzione|ventas|vendas|vendite|marketing|compras|finanzas|producto|produto|proyectos|projetos|progetti|sistemas|commerciale|affaires|\p{L}+(?:chef|leiter|leder|ledare|johtaja|paallikko))\b/iu;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
/** A title (or department) in English or, without accents, in another language. */
const isTitle = (text: string) => TITLE_WORDS.test(fold(text)) || TITLE_ELSEWHERE.test(fold(text));
const ORG_WORDS =
	/\b(ltd|limited|inc|llc|llp|gmbh|ag|sa|bv|plc|corp|corporation|co|company|group|labs?|systems|foundation|studio|partners|media|capital|health|energy|traders|analytics|robotics|security|biotech|logistics|aerospace|payments|cloud|legal|travel|foods|design|technologies|solutions|university|institute|bank|agency)\b\.?/i;
// The legal forms companies put after their names in other countries, at the end of the line:
// S.L., S.A., Sp. z o.o., s.r.o., a.s., AB, A/S, ApS, Oy, B.V., N.V., Lda., S.r.l., SAS, KG, Pty Ltd…
const LEGAL_FORM =
	/(?:^|\s)(?:s\.?\s?[la]|sp\.?\s?z\s?[o0]\.?\s?[o0]|s\.?\s?r\.?\s?[ol]|a\.?\s?s|ab|a\/s|aps|oyj?|[bn]\.?\s?v|lda|ltda|s\.?p\.?a|sas|sarl|kg|ohg|e\.?\s?k|pty|pvt|bhd|kft|zrt|d\.?o\.?o|ou|as|spa|srl|inc)\.?(?:\s+(?:ltd|limited)\.?)?\)?$/i;
/**
 * A company by its words or its legal form; matched without accents, since \b takes "Å" for a break
 * (ORG_WORDS found "sa" in "Åsa").
 */
const isOrg = (text: string) => ORG_WORDS.test(fold(text)) || LEGAL_FORM.test(fold(text).trim());
// Printed on badges around the person: the event, the attendee's role.
const BADGE_WORDS =
	/\b(attendee|speaker|exhibitor|press|sponsor|staff|visitor|delegate|organi[sz]er|volunteer|vip|20\d\d|conf|conference|summit|expo|week|days|festival|meetup)\b/i;

/** A line that may be the person's name, title or company. */
export interface Candidate {
	text: string;
	height: number;
	y: number;
	x: number;
	confidence: number;
}

/** Letters only, as in a name: 2–4 words, each starting with a capital (van, de, O'… allowed). */
export function looksLikeName(text: string): boolean {
	const words = text.split(/\s+/);
	if (words.length < 1 || words.length > 4) return false;
	return (
		words.every((w) =>
			/^(\p{Lu}[\p{L}'’.-]*|[cosuvwxz][\p{L}'’.-]{2,}|van|von|de|der|den|da|das|do|dos|du|des|di|del|della|le|la|ten|ter|bin|al|af|zu|y|e|'t|’t)$/u.test(
				w
			)
		) &&
		/\p{Lu}/u.test(text) &&
		!isTitle(text) &&
		!isOrg(text) &&
		!BADGE_WORDS.test(text)
	);
}

const letters = (text: string) =>
	text
		.normalize('NFD')
		.toLowerCase()
		.replace(/[^a-z]/g, '');

/** How many of the line's words (of 3 letters or more) are in the part of the email address before "@". */
export function wordsInAddress(text: string, email: string): number {
	const local = letters(email.slice(0, Math.max(0, email.lastIndexOf('@'))));
	if (local.length < 3) return 0;
	return text.split(/\s+/).filter((word) => letters(word).length >= 3 && local.includes(letters(word))).length;
}

const inAddress = (text: string, email: string) => wordsInAddress(text, email) > 0;

/** A name as read, with capitals where OCR read a capital C, O, S… as its small letter. */
export function capitalised(text: string): string {
	return text.replace(/(^|\s)([cosuvwxz])/g, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** The parts of a line printed as "Title · Company" or "Title | Company". */
export function parts(text: string): string[] {
	return text
		.split(/\s+[·•|»«+]\s+|\s+[-–—]\s+|\s*[·•|]\s*/)
		.map((p) => p.trim())
		.filter(Boolean);
}

function domainWord(fields: ContactFields): string {
	const host = /@([^.]+)/.exec(fields.email)?.[1] ?? websiteHost(fields.url).split('.')[0]!;
	return host.replace(/[^a-z]/g, '');
}

/** How surely the reader read the lines the name, title and company came from, and how the company was found. */
export interface PersonLinesRead {
	confidence: Partial<Record<'name' | 'title' | 'org', number>>;
	/** The company's line starts like the email's or website's domain. */
	orgByDomain: boolean;
}

const squash = (text: string) =>
	text
		.normalize('NFD')
		.toLowerCase()
		.replace(/[^a-z]/g, '');

export function pickPersonLines(candidates: Candidate[], fields: ContactFields): PersonLinesRead {
	const read: PersonLinesRead = { confidence: {}, orgByDomain: false };
	// Large and clearly read: an event banner misread ("HealthTech Exo") is large but unsure.
	const weight = (c: Candidate) => c.height * (c.confidence / 100) ** 2;
	const byHeight = [...candidates].sort((a, b) => weight(b) - weight(a));
	// The name the email address was made from ("lukash@" for Lukas Haddad), over a large company
	// name that reads like a name ("Analytical Enginet").
	// A line spelling the email's or website's domain ("Dunav Soft", dunavsoft.rs), or a word of it
	// ("Digital", casadigital.ma), is the company's.
	const domainName = domainWord(fields);
	const isDomain = (text: string) =>
		domainName.length >= 5 &&
		!inAddress(text, fields.email) &&
		(squash(text).includes(domainName.slice(0, 8)) || (squash(text).length >= 5 && domainName.includes(squash(text))));
	const name =
		byHeight.find((c) => looksLikeName(c.text) && inAddress(c.text, fields.email)) ??
		byHeight.find((c) => looksLikeName(c.text) && !isDomain(c.text));
	if (name) {
		fields.name = capitalised(name.text);
		read.confidence.name = name.confidence;
		// A badge that prints the first name large and the last name on the line below; a card that sets
		// the last name under the first and reads more surely (or larger) on the last.
		if (!name.text.includes(' ')) {
			const below = candidates
				.filter((c) => c !== name && c.y > name.y && c.y - name.y < name.height * 2.5 && looksLikeName(c.text))
				.sort((a, b) => a.y - b.y)[0];
			const above = candidates
				.filter(
					(c) =>
						c !== name &&
						c.y < name.y &&
						name.y - c.y < c.height * 2.5 &&
						!c.text.includes(' ') &&
						looksLikeName(c.text)
				)
				.sort((a, b) => b.y - a.y)[0];
			const other = below ?? above;
			if (other) {
				fields.name = other === below ? `${fields.name} ${other.text}` : `${other.text} ${fields.name}`;
				read.confidence.name = Math.min(name.confidence, other.confidence);
				candidates = candidates.filter((c) => c !== other);
			}
		}
	}
	const others = candidates.filter((c) => c !== name).flatMap((c) => parts(c.text).map((text) => ({ ...c, text })));
	const domain = domainName;
	const title = others.find((c) => isTitle(c.text) && !isOrg(c.text)) ?? others.find((c) => isTitle(c.text));
	if (title) {
		fields.title = title.text;
		read.confidence.title = title.confidence;
	}
	const left = others.filter((c) => c !== title && !BADGE_WORDS.test(c.text));
	const startsLikeDomain = (text: string) =>
		domain.length >= 3 &&
		(squash(text).startsWith(domain.slice(0, 4)) ||
			domain.startsWith(squash(text).slice(0, 5)) ||
			(domain.length >= 6 && squash(text).includes(domain)));
	const byDomain = left.find((c) => startsLikeDomain(withoutLogo(c.text, domain)));
	const org = byDomain ?? left.find((c) => isOrg(c.text)) ?? [...left].sort((a, b) => b.height - a.height)[0];
	if (!org) return read;
	fields.org = withoutLogo(org.text, domain);
	read.confidence.org = org.confidence;
	read.orgByDomain = Boolean(byDomain);
	// A company name set on two lines in a narrow column ("Open Field" / "Foundation").
	const next = left.find(
		(c) =>
			c !== org &&
			c.y > org.y &&
			c.y - (org.y + org.height) < org.height &&
			Math.abs(c.height - org.height) < org.height * 0.35 &&
			/^\p{Lu}[\p{L}&.]*(?: [\p{Lu}&][\p{L}.]*)?$/u.test(c.text)
	);
	if (next && !startsLikeDomain(next.text)) {
		fields.org = `${fields.org} ${next.text}`;
		read.confidence.org = Math.min(org.confidence, next.confidence);
	}
	return read;
}

/** The company name without what OCR made of a logo just before it ("(9) Helios", "O Sable…"). */
export function withoutLogo(text: string, domain: string): string {
	const words = text.split(' ');
	const squashed = (from: number) =>
		words
			.slice(from)
			.join('')
			.toLowerCase()
			.replace(/[^a-z]/g, '');
	// Where the email's or website's domain starts, the company's name starts.
	const start =
		domain.length >= 4 ? words.findIndex((_, i) => i > 0 && squashed(i).startsWith(domain.slice(0, 4))) : -1;
	// Only what OCR made of a logo goes (scraps, not words: "Cafés Serra Azul" at serraazul.com.br).
	const scrap = (word: string) => word.replace(/[^\p{L}]/gu, '').length <= 2 || /[^\p{L}&.'’-]/u.test(word);
	if (start > 0 && !squashed(0).startsWith(domain.slice(0, 4))) {
		if (words.slice(0, start).every(scrap)) words.splice(0, start);
		else while (words.length > 1 && scrap(words[0]!)) words.shift();
	}
	while (words.length > 1 && (words[0]!.length === 1 || /[^\p{L}&]/u.test(words[0]!))) words.shift();
	return words.join(' ');
}
