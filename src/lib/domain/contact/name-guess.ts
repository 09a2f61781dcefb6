/**
 * Names guessed from what a code holds when it carries no name: a LinkedIn profile's slug
 * (`/in/daniel-okafor-cto/`) or an email address (`ana.pereira@…`). Both are guesses: the capture
 * form marks them "Guessed from the badge: check it." and the person confirms before saving.
 */

// Words people put after their name in a slug ("-cto", "-software-engineer", "-phd"): roles,
// degrees, job words. Dropped from the end only, where none of them is a name.
const TITLE_WORDS = new Set(
	(
		'ceo cto cfo coo cmo cio cpo cso cro cdo vp svp evp avp phd md mba msc bsc cpa cfa pmp dr prof ' +
		'co founder cofounder engineer developer dev designer consultant recruiter architect analyst ' +
		'scientist manager director official officer chief president partner owner specialist ' +
		'software data product marketing sales senior junior lead head principal staff fullstack ' +
		'frontend backend web ux ui hr it pm growth digital tech technical'
	).split(' ')
);
// Honorifics before a name.
const HONORIFICS = new Set(['dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'sir']);
// Name particles, written in lower case inside a name ("Jan van der Berg", "Ana de Souza").
const PARTICLES = new Set('van von de der den del della degli di da das do dos du zu ter ten'.split(' ').concat(['y']));
// "la" and "le" are particles only after another one ("de la Cruz"); alone they start a surname.
const AFTER_PARTICLE = new Set(['la', 'le', 'las', 'los']);
// Given names written with a hyphen: a slug turns "Jean-Pierre" into "jean-pierre" like any two
// words, so only pairs known to be one name are joined again.
const COMPOUND_GIVEN = new Set(
	(
		'jean-pierre jean-paul jean-luc jean-marc jean-michel jean-claude jean-baptiste jean-louis ' +
		'jean-philippe jean-françois jean-christophe marie-claire marie-laure marie-christine marie-france ' +
		'marie-pierre marie-hélène anne-marie anne-sophie anne-laure anne-claire hans-peter hans-jürgen ' +
		'karl-heinz klaus-dieter eun-ji ji-hoon seung-hoon'
	).split(' ')
);
// Addresses of a role or a team, not of a person.
const ROLE_WORDS = new Set(
	(
		'info information sales hello hi hey contact contacts noreply no reply donotreply support admin ' +
		'office team press media marketing events event hr jobs careers billing help enquiries inquiries ' +
		'mail webmaster postmaster bookings booking orders service services partners partnerships ' +
		'invoices accounts newsletter feedback general business hola bonjour kontakt welcome ' +
		'community talk'
	).split(' ')
);

const WORD = /^\p{L}+(?:['’]\p{L}+)*$/u;

function capitalise(word: string): string {
	// "o'brien" → "O'Brien": each part after an apostrophe starts a name too.
	return word
		.split(/(['’])/)
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join('');
}

/**
 * Writes words in lower case as a name: particles stay lower case inside it, single letters become
 * initials ("J."), and known hyphenated given names are joined again. '' when nothing is left.
 */
function nameOf(words: string[]): string {
	const parts = [...words];
	const first = parts.slice(0, 2).join('-');
	if (parts.length > 2 && COMPOUND_GIVEN.has(first)) parts.splice(0, 2, first);
	return parts
		.map((word, i) => {
			const previous = parts[i - 1] ?? '';
			if (i > 0 && i < parts.length - 1 && PARTICLES.has(word)) return word;
			if (i > 0 && i < parts.length - 1 && AFTER_PARTICLE.has(word) && PARTICLES.has(previous)) return word;
			if (word.length === 1) return `${word.toUpperCase()}.`;
			return word.split('-').map(capitalise).join('-');
		})
		.join(' ');
}

/**
 * A name guessed from a LinkedIn profile slug: `/in/carla-mendes-7a1b2c/` → "Carla Mendes",
 * `/in/daniel-okafor-cto` → "Daniel Okafor", `/in/jan-van-der-berg-123` → "Jan van der Berg".
 * Id suffixes (any part with a digit), trailing roles and degrees, and a leading honorific are
 * dropped. '' when no name is left.
 */
export function guessNameFromLinkedIn(url: string): string {
	const match = /\/in\/([^/?#]+)/.exec(url);
	if (!match?.[1]) return '';
	let slug: string;
	try {
		slug = decodeURIComponent(match[1]);
	} catch {
		return '';
	}
	const words = slug
		.toLowerCase()
		.split(/[-_]/)
		.filter((word) => WORD.test(word));
	while (words.length && TITLE_WORDS.has(words[words.length - 1]!)) words.pop();
	while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
	return nameOf(words);
}

/**
 * A name guessed from an email address: `ana.pereira@example.pt` → "Ana Pereira". Only from an
 * address of two or more words (a single word may be a nickname or initials), never from a role
 * address (`info@`, `sales@`, `no-reply@`…); a "+tag" and trailing digits are ignored. '' otherwise.
 */
export function guessNameFromEmail(email: string): string {
	const local = (email.split('@')[0] ?? '').split('+')[0]!.toLowerCase();
	const words = local
		.split(/[._-]/)
		.map((word) => word.replace(/\d+$/, ''))
		.filter(Boolean);
	if (words.length < 2 || !words.every((word) => WORD.test(word))) return '';
	if (words.some((word) => ROLE_WORDS.has(word))) return '';
	// "j.s@…": initials alone are no name.
	if (words.every((word) => word.length === 1)) return '';
	return nameOf(words);
}
