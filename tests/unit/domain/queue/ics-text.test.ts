import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, icsBefore, icsFile, icsText, icsUtc } from '$lib/domain/queue/ics-text';

const octets = (line: string) => new TextEncoder().encode(line).length;
/** Undoes folding as RFC 5545 §3.1 says a reader must. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('icsText', () => {
	it('escapes backslash, semicolon, comma and every kind of line break', () => {
		expect(icsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
	});
	it('leaves colons and quotes alone (TEXT does not escape them)', () => {
		expect(icsText('Re: "the deck"')).toBe('Re: "the deck"');
	});
});

describe('foldLine', () => {
	it('keeps a short line whole', () => {
		expect(foldLine('SUMMARY:Follow up with Ada')).toBe('SUMMARY:Follow up with Ada');
	});
	it('folds after 75 octets, then 74 after the continuation space, and unfolds back', () => {
		const line = `DESCRIPTION:${'x'.repeat(200)}`;
		const physical = foldLine(line).split('\r\n');
		expect(physical[0]).toHaveLength(75);
		expect(physical.slice(1, -1).every((p) => p.length === 75 && p.startsWith(' '))).toBe(true);
		expect(unfold(foldLine(line))).toBe(line);
	});
	it('never splits a character, whatever its UTF-8 length (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
				const line = `SUMMARY:${value}`;
				const folded = foldLine(line);
				for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
				expect(folded).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
				expect(unfold(folded)).toBe(line);
			})
		);
	});
});

describe('values', () => {
	it('writes UTC date-times and durations before the start', () => {
		expect(icsUtc(Date.parse('2026-12-07T08:30:00.250Z'))).toBe('20261207T083000Z');
		expect(icsBefore(120)).toBe('-PT2H');
		expect(icsBefore(90)).toBe('-PT1H30M');
		expect(icsBefore(45)).toBe('-PT45M');
		expect(icsBefore(0)).toBe('PT0M');
	});
	it('a file ends every line with CRLF, and ical.js reads the escaped text back', () => {
		const name = 'Doe, Jane; "JD" \\ Ops\nsecond line';
		const file = icsFile([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'BEGIN:VEVENT',
			`SUMMARY:${icsText(name)}`,
			'END:VEVENT',
			'END:VCALENDAR'
		]);
		expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const parsed = new ICAL.Component(ICAL.parse(file));
		expect(parsed.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe(name);
	});
});
