import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { badgeFixture } from '../../../support/fixtures';
import { makeDraft, sequentialIds } from '../../../support/factories';

let db: LocalDb;
let counter = 0;
const now = Date.parse('2026-11-20T10:05:00Z');

function openStore(): CaptureStore {
	db = new LocalDb(`capture-test-${++counter}`);
	return new CaptureStore(db);
}

afterEach(async () => {
	db.close();
	await db.delete();
});

describe('CaptureStore', () => {
	it('saves a draft as person, encounter, follow-up and promises, and removes the draft', async () => {
		const store = openStore();
		const draft = makeDraft(badgeFixture('vcard30-basic').payload, { promises: ['Send the dataset'] });
		await store.saveDraft(draft);
		const result = await store.commit(draft, now, sequentialIds());
		expect(result).toMatchObject({ ok: true, isNewPerson: true });
		expect(await db.people.count()).toBe(1);
		expect(await db.encounters.get(draft.id)).toMatchObject({ note: 'Talked about grid storage' });
		expect(await db.followUps.count()).toBe(1);
		expect(await db.promises.count()).toBe(1);
		expect(await db.drafts.count()).toBe(0);
	});

	it('finds the same person through the matchKeys index: one person, two encounters', async () => {
		const store = openStore();
		const first = makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:M.Diallo@Sahel.example;;');
		const second = makeDraft(badgeFixture('mecard-uid').payload, { note: 'Second chat about the seed round' });
		const a = await store.commit(first, now, sequentialIds());
		const b = await store.commit(second, now + 1, sequentialIds());
		expect(a.ok && b.ok && a.personId === b.personId).toBe(true);
		expect(await db.people.count()).toBe(1);
		expect(await db.encounters.count()).toBe(2);
		// …and now the badge id alone finds them too.
		expect(await store.existingPerson(makeDraft('MECARD:N:X,Y;UID:EVT-2026-00841;;'))).toMatchObject({
			name: 'Mamadou Diallo'
		});
	});

	it('joins a second conversation to the open follow-up, with its promises and the first deadline', async () => {
		const store = openStore();
		const first = makeDraft('MECARD:N:Nowak,Marek;EMAIL:marek@nowak.example;;', { promises: ['Send the deck'] });
		const again = makeDraft('MECARD:N:Nowak,Marek;EMAIL:marek@nowak.example;;', {
			metAt: first.metAt + 3 * 3_600_000,
			note: 'Second chat at their booth: pilot pricing',
			promises: ['Intro to Sam']
		});
		await store.commit(first, now, sequentialIds());
		const [followUp] = await db.followUps.toArray();
		await store.commit(again, now + 3 * 3_600_000, sequentialIds());
		expect(await db.encounters.count()).toBe(2);
		expect(await db.followUps.toArray()).toEqual([{ ...followUp, updatedAt: now + 3 * 3_600_000 }]);
		const promises = await db.promises.toArray();
		expect(promises.map((p) => [p.text, p.followUpId, p.encounterId]).sort()).toEqual([
			['Intro to Sam', followUp!.id, again.id],
			['Send the deck', followUp!.id, first.id]
		]);
		// Sync is told the follow-up is in use again (a create revives it if another device deleted it),
		// with nothing else: joining it changed nothing that syncs (deadline, first conversation).
		const entries = (await db.outbox.toArray()).filter((e) => e.table === 'follow_ups');
		expect(entries.map((e) => [e.op, e.fields])).toEqual([
			['create', expect.objectContaining({ status: 'open' })],
			['create', {}]
		]);

		// Once it is done, meeting them again starts a new follow-up.
		await db.followUps.update(followUp!.id, { status: 'done', doneAt: now + 4 * 3_600_000 });
		await store.commit(
			makeDraft('MECARD:N:Nowak,Marek;EMAIL:marek@nowak.example;;', { note: 'Third chat: contract terms' }),
			now + 5 * 3_600_000,
			sequentialIds()
		);
		expect(await db.followUps.count()).toBe(2);
	});

	it('matches a link-only badge scanned twice', async () => {
		const store = openStore();
		const payload = badgeFixture('opaque-token-url').payload;
		const first = makeDraft(payload);
		first.fields.name = 'Grace Hopper';
		const second = makeDraft(payload);
		second.fields.name = 'Grace Hopper';
		await store.commit(first, now, sequentialIds());
		await store.commit(second, now, sequentialIds());
		expect(await db.people.count()).toBe(1);
	});

	it('is idempotent: saving twice writes once, and a late draft write cannot bring it back', async () => {
		const store = openStore();
		const draft = makeDraft(badgeFixture('vcard30-basic').payload);
		const first = await store.commit(draft, now, sequentialIds());
		const again = await store.commit(draft, now + 5, sequentialIds());
		expect(again).toEqual({ ok: true, personId: first.ok ? first.personId : '', isNewPerson: false });
		expect(await db.encounters.count()).toBe(1);
		expect(await db.followUps.count()).toBe(1);
		expect(await store.saveDraft(draft)).toBe(false);
		expect(await db.drafts.count()).toBe(0);
	});

	it("says whether a draft was saved as a contact, and keeps a card's note through a reload", async () => {
		const store = openStore();
		const draft = makeDraft(badgeFixture('mecard-note').payload);
		await store.saveDraft(draft);
		expect(await store.saved(draft.id)).toBe(false);
		expect((await store.draft(draft.id))?.cardNote).toBe('Ask me about the Lagos pilot; booth B12');
		await store.commit(draft, now, sequentialIds());
		expect(await store.saved(draft.id)).toBe(true);
		expect(await store.saved('never-scanned')).toBe(false);
	});

	it('refuses a draft with a stock note and writes nothing', async () => {
		const store = openStore();
		const result = await store.commit(
			makeDraft(badgeFixture('vcard30-basic').payload, { note: 'great to meet you' }),
			now,
			sequentialIds()
		);
		expect(result).toMatchObject({ ok: false, field: 'note' });
		expect(await db.people.count()).toBe(0);
		expect(await db.encounters.count()).toBe(0);
	});

	it('keeps fields added by a later version when it updates a person', async () => {
		const store = openStore();
		const draft = makeDraft(badgeFixture('vcard30-basic').payload);
		const result = await store.commit(draft, now, sequentialIds());
		if (!result.ok) throw new Error('not saved');
		await db.people.update(result.personId, { pronouns: 'she/her' } as never);
		await store.commit(
			makeDraft(badgeFixture('vcard30-basic').payload, { note: 'Second talk: storage tariffs' }),
			now,
			sequentialIds()
		);
		expect(await db.people.get(result.personId)).toMatchObject({ pronouns: 'she/her' });
	});

	it('lists the oldest few unfinished notes but the one open, and how many in all', async () => {
		const store = openStore();
		const drafts = [5, 1, 4, 2, 3].map((minute) =>
			makeDraft('MECARD:N:Diallo,Mamadou;;', { id: `d${minute}`, updatedAt: now + minute * 60_000 })
		);
		for (const draft of drafts) await db.drafts.put(draft);
		const ids = async (except: string | null) => {
			const { drafts, total } = await store.oldest(3, except);
			return { ids: drafts.map((d) => d.id), total };
		};
		expect(await ids(null)).toEqual({ ids: ['d1', 'd2', 'd3'], total: 5 });
		expect(await ids('d2')).toEqual({ ids: ['d1', 'd3', 'd4'], total: 4 });
		expect(await ids('gone')).toEqual({ ids: ['d1', 'd2', 'd3'], total: 5 });
	});
});
