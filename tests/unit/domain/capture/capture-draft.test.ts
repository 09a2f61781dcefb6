import { describe, expect, it } from 'vitest';
import { draftFromScan, isUntouched, type CaptureDraft } from '$lib/domain/capture/capture-draft';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { emptyFields } from '$lib/domain/contact/types';
import { badgeFixture } from '../../../support/fixtures';

const context = { id: 'enc-1', now: Date.parse('2026-11-20T10:00:00Z'), eventId: 'event-1' };
/** What "Type it instead" opens: nothing scanned. */
const typed = (): CaptureDraft =>
	draftFromScan({ kind: 'empty', fields: emptyFields(), suggestions: {}, warnings: [], raw: '' }, { ...context });

describe('isUntouched', () => {
	it('is true for a typed form with nothing in it, whatever event is picked', () => {
		expect(isUntouched(typed())).toBe(true);
		expect(isUntouched({ ...typed(), eventId: null })).toBe(true);
		expect(isUntouched({ ...typed(), note: '  \n ' })).toBe(true);
	});

	it.each([
		['a name', { fields: { ...emptyFields(), name: 'K' } }],
		['an email', { fields: { ...emptyFields(), email: 'k@' } }],
		['a note', { note: 'Orbits' }],
		['a promise', { promises: ['Send the paper'] }],
		['a promise being typed', { promiseInput: 'Send' }],
		['how I can help', { helpOffer: 'Intro to NASA' }]
	] satisfies [string, Partial<CaptureDraft>][])('is false once %s is typed', (_what, change) => {
		expect(isUntouched({ ...typed(), ...change })).toBe(false);
	});

	it('is false for anything scanned, even with nothing typed', () => {
		for (const id of ['vcard30-basic', 'opaque-id', 'not-a-card', 'linkedin-url']) {
			expect(isUntouched(draftFromScan(parseBadgePayload(badgeFixture(id).payload), context))).toBe(false);
		}
	});
});

describe('draftFromScan', () => {
	it("fills a guessed name in and marks it as guessed, keeping the card's note", () => {
		const fromMail = draftFromScan(parseBadgePayload(badgeFixture('mailto-name').payload), context);
		expect(fromMail.fields.name).toBe('Ana Pereira');
		expect(fromMail.guessed).toEqual(['name']);
		const fromMeCard = draftFromScan(parseBadgePayload(badgeFixture('mecard-note').payload), context);
		expect(fromMeCard.cardNote).toBe('Ask me about the Lagos pilot; booth B12');
		expect(fromMeCard.guessed).toEqual([]);
	});
});
