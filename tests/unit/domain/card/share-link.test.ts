import { deflateSync, strToU8 } from 'fflate';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
	cardFragmentOf,
	cardLink,
	decodeCardFragment,
	encodeCardFragment,
	qrVersionAtQ,
	sharedCardOf,
	type SharedCard
} from '$lib/domain/card/share-link';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { makeCard } from '../../../support/factories';

// A realistic deployment address (the link is made on the app's own origin).
const ORIGIN = 'https://networking-companion.pages.dev';

/** The QR version a text needs at error correction Q, in byte mode as qr-code-styling encodes it. */
function qrVersion(text: string): number {
	return QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'Q' }).version;
}

function base64url(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64url');
}

const typical: SharedCard = {
	name: 'Adaeze Okafor',
	title: 'Head of Research',
	company: 'Lumen Labs',
	email: 'adaeze@lumenlabs.example',
	phone: '+2348035550142',
	link: 'https://www.linkedin.com/in/adaeze-okafor',
	helpWith: 'intros to battery researchers'
};

describe('the share-back link', () => {
	it('carries a card and gives it back', () => {
		const link = cardLink(typical, ORIGIN);
		expect(link.startsWith(`${ORIGIN}/c#1`)).toBe(true);
		const fragment = cardFragmentOf(link);
		expect(fragment).not.toBeNull();
		expect(decodeCardFragment(fragment!)).toEqual({ ok: true, card: typical });
		expect(decodeCardFragment(`#${fragment}`)).toEqual({ ok: true, card: typical });
	});

	it('keeps a typical card within a QR code of version 10 at error correction Q', () => {
		const link = cardLink(typical, ORIGIN);
		const version = qrVersion(link);
		const full = cardLink(sharedCardOf(makeCard()), ORIGIN);
		const vcardVersion = qrVersion(
			'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Adaeze;;;\r\nFN:Adaeze Okafor\r\nORG:Lumen Labs\r\nTITLE:Head of Research\r\nTEL;TYPE=cell:+2348035550142\r\nEMAIL:adaeze@lumenlabs.example\r\nURL:https://www.linkedin.com/in/adaeze-okafor\r\nNOTE:I can help with: intros to battery researchers\r\nEND:VCARD\r\n'
		);
		console.log(
			`share link: typical card ${link.length} characters, QR version ${version} at Q (the same card as a vCard: version ${vcardVersion}); every field filled (${full.length} characters): version ${qrVersion(full)}`
		);
		expect(version).toBeLessThanOrEqual(10);
		expect(version).toBeLessThan(vcardVersion);
	});

	it('holds only what the owner chose for the QR', () => {
		const card = makeCard({ onQr: ['name', 'email'] });
		const shared = sharedCardOf(card);
		expect(shared).toEqual({
			name: 'Ada Lovelace',
			title: '',
			company: '',
			email: 'ada@difference.example',
			phone: '',
			link: '',
			helpWith: ''
		});
		const decoded = decodeCardFragment(encodeCardFragment(shared));
		expect(decoded).toEqual({ ok: true, card: shared });
	});

	it('carries names and notes in any script', () => {
		const card: SharedCard = {
			...typical,
			name: '王秀英',
			company: 'Société Générale — Zürich',
			helpWith: 'مقدمات إلى الباحثين 🙂'
		};
		expect(decodeCardFragment(encodeCardFragment(card))).toEqual({ ok: true, card });
	});

	it('refuses damaged, foreign and oversized links with a reason', () => {
		const fragment = encodeCardFragment(typical);
		for (const broken of [
			'',
			'1',
			fragment.slice(0, -6),
			`${fragment.slice(0, 10)}A${fragment.slice(11)}`,
			'1not base64!',
			`1${'A'.repeat(5000)}`
		]) {
			const result = decodeCardFragment(broken);
			expect(result.ok, broken).toBe(false);
			if (!result.ok) expect(result.message).toMatch(/card/i);
		}
		const newer = decodeCardFragment(`2${fragment.slice(1)}`);
		expect(newer).toEqual({ ok: false, message: expect.stringMatching(/newer version/) });
		// Small in the link, huge once inflated.
		const head = deflateSync(strToU8('Name\u001fCompany'));
		const bomb = Uint8Array.from([
			head.length,
			...head,
			0,
			...deflateSync(strToU8('a'.repeat(1_000_000)), { level: 9 })
		]);
		const bombFragment = `1${base64url(bomb)}`;
		expect(bombFragment.length).toBeLessThan(3000);
		// The same layout with a small text is read: the bomb is refused for its size alone.
		const small = Uint8Array.from([head.length, ...head, 0, ...deflateSync(strToU8('Title'))]);
		expect(decodeCardFragment(`1${base64url(small)}`)).toMatchObject({
			ok: true,
			card: { name: 'Name', company: 'Company', title: 'Title' }
		});
		expect(decodeCardFragment(bombFragment).ok).toBe(false);
	});

	it('treats what it reads as someone else’s text', () => {
		const hostile = encodeCardFragment({
			...typical,
			name: '<img src=x onerror=alert(1)>\u202eevil',
			email: 'not an email',
			phone: 'call me',
			link: 'javascript:alert(1)'
		});
		const decoded = decodeCardFragment(hostile);
		expect(decoded).toEqual({
			ok: true,
			card: {
				...typical,
				name: '<img src=x onerror=alert(1)>evil',
				email: '',
				phone: '',
				link: ''
			}
		});
	});

	it('keeps a phone number only when it is shaped like one (E.164), without the phone-number library', () => {
		const phoneOf = (phone: string) => {
			const decoded = decodeCardFragment(encodeCardFragment({ ...typical, phone }));
			return decoded.ok ? decoded.card.phone : null;
		};
		expect(phoneOf('+2348035550142')).toBe('+2348035550142');
		expect(phoneOf('+1 (202) 555-0143')).toBe('+12025550143');
		expect(phoneOf('+44 20.7946.0000')).toBe('+442079460000');
		for (const notOne of [
			'020 7946 0000',
			'+12345',
			'+0123456789',
			'+1234567890123456',
			'tel:+12025550143',
			'+1 202 555 0143 x7'
		])
			expect(phoneOf(notOne), notOne).toBe('');
	});

	it('is recognised on any origin and path, and nothing else is', () => {
		const fragment = encodeCardFragment(typical);
		expect(cardFragmentOf(`https://example.org/c#${fragment}`)).toBe(fragment);
		expect(cardFragmentOf(`http://192.168.1.20:5173/c#${fragment}`)).toBe(fragment);
		expect(cardFragmentOf(`https://example.org/apps/followup/c/#${fragment}`)).toBe(fragment);
		expect(cardFragmentOf(`https://example.org/card#${fragment}`)).toBeNull();
		expect(cardFragmentOf(`https://example.org/c?x=1#${fragment}`)).toBeNull();
		expect(cardFragmentOf('https://www.linkedin.com/in/ada')).toBeNull();
	});
});

describe('scanning a share-back link in the app', () => {
	it('reads the card offline, without opening the page', () => {
		const parsed = parseBadgePayload(cardLink(typical, 'https://someone-elses-instance.example'));
		expect(parsed.kind).toBe('url');
		expect(parsed.fields).toEqual({
			name: 'Adaeze Okafor',
			org: 'Lumen Labs',
			title: 'Head of Research',
			email: 'adaeze@lumenlabs.example',
			phone: '+2348035550142',
			linkedin: 'https://www.linkedin.com/in/adaeze-okafor',
			url: '',
			badgeId: ''
		});
		expect(parsed.needsName).toBe(false);
		expect(parsed.warnings).toEqual([]);
	});

	it('keeps a damaged one as a link and says why', () => {
		const parsed = parseBadgePayload(`https://example.org/c#1${'A'.repeat(40)}`);
		expect(parsed.kind).toBe('url');
		expect(parsed.fields.url).toBe(`https://example.org/c#1${'A'.repeat(40)}`);
		expect(parsed.warnings).toEqual([expect.stringMatching(/damaged/)]);
	});
});

describe('qrVersionAtQ', () => {
	it('agrees with a QR encoder at every version boundary', () => {
		for (let length = 1; length <= 1663; length += length < 300 ? 1 : 37) {
			const text = 'a'.repeat(length);
			expect(qrVersionAtQ(text), `${length} bytes`).toBe(qrVersion(text));
		}
		expect(qrVersionAtQ('a'.repeat(1664))).toBe(41);
	});
});
