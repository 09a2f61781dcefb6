import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline } from '$lib/domain/text/display';
import { scannedText, sliceText, storableJson, storableText, wellFormed } from '$lib/domain/text/storable';

// Postgres text/jsonb refuse NUL (22P05) and lone surrogates (22P02).
describe('text Postgres can store', () => {
	it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
		expect(wellFormed('a\uD83D b')).toBe('a\uFFFD b');
		expect(wellFormed('\uDE00x')).toBe('\uFFFDx');
		expect(wellFormed('\uDE00\uD83D')).toBe('\uFFFD\uFFFD');
		expect(wellFormed('ok 😀 中文')).toBe('ok 😀 中文');
	});

	it('storable text loses NUL and nothing else', () => {
		expect(storableText('a\u0000b\u0001\tc\uD800')).toBe('ab\u0001\tc\uFFFD');
	});

	it('a kept scan loses NUL and the other C0 controls, but not tab, line feed or carriage return', () => {
		expect(scannedText('BEGIN:VCARD\r\nFN:A\u0000da\u0007\tL\u001b\r\nEND:VCARD\uDBFF')).toBe(
			'BEGIN:VCARD\r\nFN:Ada\tL\r\nEND:VCARD\uFFFD'
		);
	});

	it('never cuts a character made of two UTF-16 units in half', () => {
		expect(sliceText('ab😀c', 3)).toBe('ab');
		expect(sliceText('ab😀c', 4)).toBe('ab😀');
		expect(sliceText('abc', 10)).toBe('abc');
		// A lone high surrogate at the cut is not half of a pair: kept (and replaced elsewhere).
		expect(sliceText('ab\uD83Dx', 3)).toBe('ab\uD83D');
		expect(cleanLine('x'.repeat(199) + '😀')).toBe('x'.repeat(199));
		expect(cleanMultiline('y'.repeat(19_999) + '😀', 20_000)).toBe('y'.repeat(19_999));
	});

	it('display lines and notes are storable too', () => {
		expect(cleanLine('Ada\u0000 \uD83D Lovelace')).toBe('Ada \uFFFD Lovelace');
		expect(cleanMultiline('line\u0000one\n\uDC00two')).toBe('lineone\n\uFFFDtwo');
	});

	it('every string of a JSON value, keys included', () => {
		expect(storableJson({ a: ['x\u0000', { 'k\uD800': 'v\uDC00' }], n: 1, t: true, z: null })).toEqual({
			a: ['x', { 'k\uFFFD': 'v\uFFFD' }],
			n: 1,
			t: true,
			z: null
		});
	});
});
