import { describe, expect, it } from 'vitest';
import { planCapture } from '$lib/domain/capture/plan-capture';
import { matchKeys, pickMatch, personIdFor, linkedInKey } from '$lib/domain/contact/match';
import { badgeFixture } from '../../../support/fixtures';
import { makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');
const HOUR = 3_600_000;

describe('planCapture', () => {
	it('refuses to save without a name or with a stock note', () => {
		const noName = makeDraft(badgeFixture('opaque-id').payload);
		expect(planCapture(noName, { existing: null, event: null, now, newId: sequentialIds() })).toMatchObject({
			ok: false,
			field: 'name'
		});
		const stock = makeDraft(badgeFixture('vcard30-basic').payload, { note: 'nice chat' });
		expect(planCapture(stock, { existing: null, event: null, now, newId: sequentialIds() })).toMatchObject({
			ok: false,
			field: 'note'
		});
	});

	it('creates the person, the encounter, a follow-up due 48 h after the meeting and one item per promise', () => {
		const draft = makeDraft(badgeFixture('vcard30-basic').payload, {
			promises: ['send the deck'],
			promiseInput: 'intro to Sam'
		});
		const result = planCapture(draft, { existing: null, event: null, now, newId: sequentialIds() });
		if (!result.ok) throw new Error(result.message);
		const { person, encounter, followUp, promises, isNewPerson } = result.plan;
		expect(isNewPerson).toBe(true);
		expect(person.name).toBe('Adaeze Okafor');
		expect(person.matchKeys).toEqual(['email:adaeze@lumenlabs.example', 'phone:+2348035550142']);
		expect(encounter).toMatchObject({
			id: draft.id,
			personId: person.id,
			note: 'Talked about grid storage',
			kind: 'vcard'
		});
		expect(followUp.dueAt - draft.metAt).toBe(48 * HOUR);
		expect(promises.map((p) => p.text)).toEqual(['send the deck', 'intro to Sam']);
		expect(promises.every((p) => p.followUpId === followUp.id && p.dueAt === followUp.dueAt)).toBe(true);
	});

	it('adds an encounter to the existing person instead of a duplicate, with the newest details', () => {
		const first = planCapture(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m.diallo@sahel.example;;'), {
			existing: null,
			event: null,
			now,
			newId: sequentialIds()
		});
		if (!first.ok) throw new Error('first save failed');
		const again = makeDraft(badgeFixture('mecard-uid').payload, { note: 'Second chat: seed round timing' });
		const result = planCapture(again, {
			existing: first.plan.person,
			event: null,
			now: now + HOUR,
			newId: sequentialIds()
		});
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.isNewPerson).toBe(false);
		expect(result.plan.person.id).toBe(first.plan.person.id);
		expect(result.plan.person.org).toBe('Sahel Ventures');
		expect(result.plan.person.matchKeys).toContain('badge:EVT-2026-00841');
		expect(result.plan.encounter.personId).toBe(first.plan.person.id);

		// A later scan with a new company updates it; a blank field keeps what was known.
		const moved = makeDraft('MECARD:N:Diallo,Mamadou;ORG:Baobab Capital;EMAIL:m.diallo@sahel.example;;', {
			note: 'Moved to Baobab, raising fund II'
		});
		const third = planCapture(moved, {
			existing: result.plan.person,
			event: null,
			now: now + 2 * HOUR,
			newId: sequentialIds()
		});
		if (!third.ok) throw new Error(third.message);
		expect(third.plan.person.org).toBe('Baobab Capital');
		expect(third.plan.person.badgeId).toBe('EVT-2026-00841');
	});
});

describe('what the card said beside the person', () => {
	it("keeps a MECARD's note with the conversation, after what was written", () => {
		const draft = makeDraft(badgeFixture('mecard-note').payload, { note: 'Battery data for their Lagos pilot' });
		expect(draft.cardNote).toBe('Ask me about the Lagos pilot; booth B12');
		const result = planCapture(draft, { existing: null, event: null, now, newId: sequentialIds() });
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.encounter.note).toBe(
			'Battery data for their Lagos pilot\n\nNote on their card: Ask me about the Lagos pilot; booth B12'
		);
	});

	it("keeps a vCard's note after the card's other emails", () => {
		const payload =
			'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Raman\r\nEMAIL;TYPE=pref:priya@kestrel.example\r\n' +
			'EMAIL:p.raman@home.example\r\nNOTE:Vegetarian\\, prefers email\r\nEND:VCARD\r\n';
		const result = planCapture(makeDraft(payload), { existing: null, event: null, now, newId: sequentialIds() });
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.encounter.note).toBe(
			'Talked about grid storage\n\nAlso on their card: p.raman@home.example\n\nNote on their card: Vegetarian, prefers email'
		);
	});

	it("does not count the card's note as the note the person must write", () => {
		const draft = makeDraft(badgeFixture('mecard-note').payload, { note: '' });
		expect(planCapture(draft, { existing: null, event: null, now, newId: sequentialIds() })).toMatchObject({
			ok: false,
			field: 'note'
		});
	});
});

describe('meeting someone again while their follow-up is open', () => {
	const badge = 'MECARD:N:Nowak,Marek;EMAIL:marek@nowak.example;;';
	const firstSave = () => {
		const result = planCapture(makeDraft(badge, { promises: ['Send the deck'] }), {
			existing: null,
			event: null,
			now,
			newId: sequentialIds()
		});
		if (!result.ok) throw new Error(result.message);
		return result.plan;
	};

	it('joins the open follow-up: no second one, the new promises on it, the earlier deadline kept', () => {
		const first = firstSave();
		const later = makeDraft(badge, {
			metAt: first.encounter.metAt + 5 * HOUR,
			note: 'Second chat at their booth: pilot pricing',
			promises: ['Intro to Sam']
		});
		const result = planCapture(later, {
			existing: first.person,
			openFollowUp: { followUp: first.followUp, firstMetAt: first.encounter.metAt },
			event: null,
			now: now + 5 * HOUR,
			newId: sequentialIds()
		});
		if (!result.ok) throw new Error(result.message);
		const { followUp, joined, promises, encounter } = result.plan;
		expect(joined).toEqual(first.followUp);
		expect(followUp.id).toBe(first.followUp.id);
		expect(followUp).toMatchObject({
			encounterId: first.encounter.id,
			dueAt: first.followUp.dueAt,
			queueAt: first.followUp.dueAt,
			updatedAt: now + 5 * HOUR
		});
		expect(promises).toMatchObject([
			{ text: 'Intro to Sam', followUpId: first.followUp.id, encounterId: encounter.id, dueAt: first.followUp.dueAt }
		]);
	});

	it('makes a conversation from before the first one (a note finished late) the first', () => {
		const first = firstSave();
		const earlier = makeDraft(badge, { metAt: first.encounter.metAt - 2 * HOUR, note: 'Met in the coffee queue' });
		const result = planCapture(earlier, {
			existing: first.person,
			openFollowUp: { followUp: first.followUp, firstMetAt: first.encounter.metAt },
			event: null,
			now: now + HOUR,
			newId: sequentialIds()
		});
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.followUp).toMatchObject({
			id: first.followUp.id,
			encounterId: earlier.id,
			dueAt: earlier.metAt + 48 * HOUR
		});
	});

	it('keeps a snooze where it is, and ignores a follow-up of someone else', () => {
		const first = firstSave();
		const snoozed = { ...first.followUp, snoozedUntil: now + 3 * HOUR, queueAt: now + 3 * HOUR };
		const again = makeDraft(badge, { metAt: first.encounter.metAt + HOUR, note: 'Talked pricing again' });
		const context = { existing: first.person, event: null, now: now + HOUR, newId: sequentialIds() };
		const joined = planCapture(again, { ...context, openFollowUp: { followUp: snoozed, firstMetAt: 0 } });
		if (!joined.ok) throw new Error(joined.message);
		expect(joined.plan.followUp).toMatchObject({ id: first.followUp.id, queueAt: now + 3 * HOUR });
		const other = { ...first.followUp, personId: 'someone-else' };
		const fresh = planCapture(again, { ...context, openFollowUp: { followUp: other, firstMetAt: 0 } });
		if (!fresh.ok) throw new Error(fresh.message);
		expect(fresh.plan.joined).toBeNull();
		expect(fresh.plan.followUp.id).not.toBe(first.followUp.id);
	});
});

describe('duplicate matching', () => {
	it('derives the same person id from the same email on any device', () => {
		const keys = matchKeys({ email: 'A@B.example', linkedin: '', phone: '', badgeId: '' });
		expect(personIdFor(keys, () => 'random-1')).toBe(personIdFor(keys, () => 'random-2'));
		expect(personIdFor([], () => 'random-1')).toBe('random-1');
	});

	it('treats LinkedIn URL variants as one profile', () => {
		expect(linkedInKey('https://www.linkedin.com/in/Carla-Mendes-7a1b2c/')).toBe(
			linkedInKey('http://linkedin.com/in/carla-mendes-7a1b2c?trk=x')
		);
	});

	it('prefers the strongest key', () => {
		const byBadge = { id: 'p1', matchKeys: ['badge:X1'] };
		const byEmail = { id: 'p2', matchKeys: ['email:a@b.example'] };
		expect(pickMatch(['email:a@b.example', 'badge:X1'], [byBadge, byEmail])?.id).toBe('p2');
		expect(pickMatch(['phone:+1555'], [byBadge, byEmail])).toBeNull();
	});
});
