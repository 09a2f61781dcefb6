// People as a Portuguese sentence names them: the article a first name takes, after "a".
import { polish } from './pt-nouns';

const FEMALE = new Set(
	'inês ines beatriz raquel isabel carmen ruth luz mercedes dolores pilar íris iris ester miriam lourdes conceição graça leonor'.split(
		' '
	)
);
const MALE_IN_A = new Set(['luca', 'nikita', 'joshua', 'elia']);
const MALE = new Set(
	'rui luís luis luiz joão joao josé jose miguel rafael daniel samuel manuel gabriel henrique andré andre vicente raul joel martim duarte nuno vítor vitor hugo jorge alexandre felipe filipe'.split(
		' '
	)
);

/** "à Joana Pires", "ao Gustavo", "a Kwame": the person after "apresentar você", with the article a first name takes. */
export function toPerson(who: string): string {
	if (/^(?:nosso|nossa|nossos|nossas|seu|sua|seus|suas)\s/i.test(who))
		return polish(`a ${/^\S+as?\s/i.test(who) ? 'a' : 'o'}${/^\S+s\s/.test(who) ? 's' : ''} ${who.toLowerCase()}`);
	if (/^(?:o|a|os|as)\s/i.test(who)) return polish(`a ${who.charAt(0).toLowerCase()}${who.slice(1)}`);
	if (/^(?:Dra|Sra|Profa)\.?\s/.test(who)) return `à ${who}`;
	if (/^(?:Dr|Sr|Eng|Prof)\.?\s/.test(who)) return `ao ${who}`;
	const first = who.split(' ')[0]!.toLowerCase();
	if (!/^\p{Lu}/u.test(who)) return `a ${who}`;
	if (FEMALE.has(first) || (/a$/.test(first) && !MALE_IN_A.has(first))) return `à ${who}`;
	if (MALE.has(first) || /os?$/.test(first)) return `ao ${who}`;
	return `a ${who}`;
}

/** "Nossa Recrutadora" (a request read as a name) → "nossa recrutadora": someone of ours, not a name. */
export function unnamed(who: string): string {
	return /^(?:Noss[oa]s?|Meu|Minha|Seu|Sua|O|A|Os|As)\s/.test(who) ? who.toLowerCase() : who;
}
