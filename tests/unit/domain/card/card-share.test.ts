import { describe, expect, it } from 'vitest';
import { cardShare } from '$lib/domain/card/card-share';
import { decodeCardFragment } from '$lib/domain/card/share-link';
import { makeCard } from '../../../support/factories';

describe('cardShare', () => {
	it('is the card page link the QR holds, with a short text naming the person', () => {
		const card = makeCard({ onQr: ['email'] });
		const share = cardShare(card, 'https://contacts.example/');
		expect(share.text).toBe("Ada Lovelace's contact card");
		expect(share.title).toBe(share.text);
		expect(share.url).toMatch(/^https:\/\/contacts\.example\/c#1[A-Za-z0-9_-]+$/);
		// Only what the owner put on their QR travels in the link.
		expect(decodeCardFragment(share.url.split('#')[1]!)).toEqual({
			ok: true,
			card: {
				name: 'Ada Lovelace',
				title: '',
				company: '',
				email: 'ada@difference.example',
				phone: '',
				link: '',
				helpWith: ''
			}
		});
	});
});
