import type { LocalTable } from './mapping';

/**
 * The text the server stores, field by field (the `char_length` checks in
 * supabase/migrations/20261123120000_schema.sql; a unit test reads them from there): at most `max`
 * characters, `required` ones not blank. `lines` fields keep their line breaks; in every other field
 * a line break is a space. `cut: false`: a value too long is no value at all (a time zone cut short
 * names no zone), so the record is left out instead of cut.
 */
export interface TextBound {
	max: number;
	required?: true;
	lines?: true;
	cut?: false;
}

export const TEXT_BOUNDS: Record<LocalTable, Record<string, TextBound>> = {
	events: { name: { max: 200, required: true }, timeZone: { max: 64, required: true, cut: false } },
	people: {
		name: { max: 200, required: true },
		org: { max: 200 },
		title: { max: 200 },
		email: { max: 254 },
		phone: { max: 40 },
		linkedin: { max: 2048 },
		url: { max: 2048 },
		badgeId: { max: 512 }
	},
	encounters: {
		note: { max: 20_000, required: true, lines: true },
		helpOffer: { max: 2000, lines: true },
		raw: { max: 16_384, lines: true }
	},
	followUps: { closedReason: { max: 200 } },
	promises: { text: { max: 300, required: true } }
};

/** A follow-up's edited message: at most this many bytes as Postgres writes the jsonb out. */
export const MESSAGE_MAX_OCTETS = 40_000;
