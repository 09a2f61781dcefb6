import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardLines, parseArgs, sealed } from '../../bench/ocr-args.mjs';

const card = {
	file: 'card-07-de-stacked.jpg',
	ms: 612.4,
	misses: ['name: “Tim Stroustry” ≠ “Tim Stroustrup”'],
	unsure: ['name'],
	lines: ['Tim Stroustry', 'tim.stroustrup@example.com'],
	verbose: true
};

describe('bench:ocr keeps the untouched folder sealed', () => {
	it('knows a sealed folder by its path ending in untouched, with or without a slash', () => {
		expect(sealed('tests/support/fixtures/ocr-cards-b/untouched')).toBe(true);
		expect(sealed('tests/support/fixtures/ocr-cards-b/untouched/')).toBe(true);
		expect(sealed('/abs/untouched')).toBe(true);
		expect(sealed('untouched')).toBe(true);
		expect(sealed('tests/support/fixtures/ocr-cards-b/tuning')).toBe(false);
		expect(sealed('tests/support/fixtures/untouched-not')).toBe(false);
		expect(sealed('tests/support/fixtures/ocr-cards')).toBe(false);
	});

	it('prints nothing for a card of a sealed folder, not even with --verbose and a miss', () => {
		expect(cardLines({ ...card, folder: 'tests/support/fixtures/ocr-cards-b/untouched' })).toEqual([]);
		expect(cardLines({ ...card, folder: 'tests/support/fixtures/ocr-cards-b/untouched/', misses: [] })).toEqual([]);
	});

	it('prints the card line, its misses and with --verbose the lines read, for any other folder', () => {
		expect(cardLines({ ...card, folder: 'tests/support/fixtures/ocr-cards-b/tuning' })).toEqual([
			'MISS card-07-de-stacked.jpg 612 ms  name: “Tim Stroustry” ≠ “Tim Stroustrup”  [marked unsure: name]',
			'       | Tim Stroustry',
			'       | tim.stroustrup@example.com'
		]);
		expect(
			cardLines({ ...card, folder: 'tests/support/fixtures/ocr-cards', misses: [], unsure: [], verbose: false })
		).toEqual(['ok   card-07-de-stacked.jpg 612 ms']);
	});
});

describe('bench:ocr arguments', () => {
	it('takes floors for the total (--min) and for each folder (--min-folder <folder>:…)', () => {
		const args = parseArgs([
			'--',
			'--min',
			'name=90,org=93',
			'--min-folder',
			'b/tuning:name=22.5,phone=67.5',
			'--min-folder',
			'b/untouched/:email=27.5',
			'old',
			'b/tuning',
			'b/untouched/'
		]);
		expect(args.error).toBeUndefined();
		expect(args.floors).toEqual({ name: 90, org: 93 });
		expect(args.folders).toEqual(['old', 'b/tuning', 'b/untouched/']);
		expect(args.folderFloors.get(resolve('b/tuning'))).toEqual({ name: 22.5, phone: 67.5 });
		expect(args.folderFloors.get(resolve('b/untouched'))).toEqual({ email: 27.5 });
	});

	it('refuses floors that are not numbers, a --min-folder without its folder, or one for a folder not read', () => {
		expect(parseArgs(['--min', 'name=x', 'old']).error).toMatch(/not a number/);
		expect(parseArgs(['--min-folder', 'name=20', 'old']).error).toMatch(/--min-folder wants/);
		expect(parseArgs(['--min-folder', 'b/tuning:name=20', 'old']).error).toMatch(/not read/);
		expect(parseArgs(['--goals']).error).toMatch(/no folder/);
	});
});
