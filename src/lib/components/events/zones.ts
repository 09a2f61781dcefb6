/**
 * The IANA time zones this browser knows (Intl.supportedValuesOf, in every engine since 2022), with
 * `here` (the device's zone) among them even where the list leaves it out (some engines list "UTC"
 * only as an alias), sorted.
 */
export function zoneChoices(here: string): string[] {
	let zones: string[] = [];
	try {
		zones = Intl.supportedValuesOf('timeZone');
	} catch {
		// An older engine: the device's zone and UTC are still choices.
	}
	return [...new Set([...zones, here, 'UTC'])].sort();
}
