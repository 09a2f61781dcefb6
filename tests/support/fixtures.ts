import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BadgeFixture {
	id: string;
	kind: string;
	payload: string;
	expect: Record<string, string | boolean>;
}

export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The shared badge and card payloads with what a person should see parsed. */
export const badgeFixtures: BadgeFixture[] = JSON.parse(
	readFileSync(new URL('./fixtures/badges.json', import.meta.url), 'utf8')
);

/** One fixture by id; throws when a test names one that does not exist. */
export function badgeFixture(id: string): BadgeFixture {
	const fixture = badgeFixtures.find((f) => f.id === id);
	if (!fixture) throw new Error(`No badge fixture "${id}"`);
	return fixture;
}
