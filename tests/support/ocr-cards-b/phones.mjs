// TEST DATA for the second card set: valid phone numbers of a region (libphonenumber-js, full
// metadata) and the ways cards from that region print them. Every printed form is checked to read
// back to the same E.164 number in that region, so the truth file's `phone` is what is printed.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';

/** Regions whose numbers are printed "+49 (0)30 …" by many firms (the trunk 0 in brackets). */
const TRUNK_IN_BRACKETS = new Set(['DE', 'AT', 'CH', 'NL', 'GB', 'BE', 'IE', 'ZA']);
/** Regions where dots between the groups are common ("06.12.34.56.78"). */
const DOTTED = new Set(['FR', 'BE', 'ES', 'IT', 'PT', 'MA', 'CH']);

/**
 * @param {() => number} random
 * @param {string} digits
 * @param {number} keep how many leading digits stay
 */
function scramble(random, digits, keep) {
	return digits.slice(0, keep) + [...digits.slice(keep)].map(() => Math.floor(random() * 10)).join('');
}

/**
 * A valid mobile or landline number of the region.
 * @param {() => number} random
 * @param {import('./people.mjs').Locale} locale
 * @param {'mobile' | 'fixed'} kind
 */
export function makeNumber(random, locale, kind) {
	const region = /** @type {import('libphonenumber-js').CountryCode} */ (locale.region);
	if (!locale.fixed.length) kind = 'mobile';
	const wanted = kind === 'mobile' ? ['MOBILE', 'FIXED_LINE_OR_MOBILE'] : ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'];
	const example = parsePhoneNumberFromString(mobileExamples[region], region);
	if (!example) throw new Error(`no example number for ${region}`);
	for (let attempt = 0; attempt < 400; attempt++) {
		let national;
		if (kind === 'mobile') {
			const digits = String(example.nationalNumber);
			national = scramble(random, digits, Math.min(3, digits.length - 4));
		} else {
			const area = locale.fixed[Math.floor(random() * locale.fixed.length)];
			const length = attempt < 200 ? 6 + Math.floor(random() * 3) : 5 + Math.floor(random() * 6);
			national = area + Array.from({ length }, () => Math.floor(random() * 10)).join('');
		}
		const number = parsePhoneNumberFromString(national, region);
		if (number?.isValid() && number.country === region && wanted.includes(String(number.getType()))) return number;
	}
	throw new Error(`no valid ${kind} number found for ${region}`);
}

/**
 * The ways this number is printed on cards of its region; each reads back to the same number.
 * @param {import('libphonenumber-js').PhoneNumber} number
 * @returns {string[]}
 */
export function printedForms(number) {
	const region = /** @type {import('libphonenumber-js').CountryCode} */ (number.country);
	const national = number.formatNational();
	const international = number.formatInternational();
	// Within their own country most cards print the national form.
	const forms = [national, national, international];
	if (DOTTED.has(region)) forms.push(national.replace(/ /g, '.'));
	if (region === 'US' || region === 'CA')
		forms.push(national.replace(/^\((\d{3})\) /, '$1-'), national.replace(/^\((\d{3})\) (\d{3})-/, '$1.$2.'));
	if (TRUNK_IN_BRACKETS.has(region) && national.startsWith('0'))
		forms.push(`+${number.countryCallingCode} (0)${international.slice(number.countryCallingCode.length + 2)}`);
	if (region === 'KR' || region === 'IN' || region === 'SG')
		forms.push(international.replace(/ /g, '-').replace(/^(\+\d+)-/, '$1 '));
	return forms.filter((text) => parsePhoneNumberFromString(text, region)?.number === number.number);
}
