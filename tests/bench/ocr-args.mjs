// What bench:ocr (tests/bench/ocr.mjs) takes from its command line and what it may print per card,
// apart from the browser so tests/unit/bench/ocr-args.test.ts can hold them.
import { resolve } from 'node:path';

/**
 * A folder whose path ends in `untouched` is sealed: the bench prints only its aggregate figures,
 * never a line per card (no MISS lines, file names, values read or --verbose lines), so nothing
 * seen while tuning the extraction comes from it.
 * @param {string} folder
 */
export const sealed = (folder) => /(^|[\\/])untouched[\\/]*$/.test(folder);

/** @param {string | undefined} text `name=90,org=93` → { name: 90, org: 93 } (NaN where a figure is not a number). */
const parseFloors = (text) =>
	Object.fromEntries(
		String(text ?? '')
			.split(',')
			.filter(Boolean)
			.map((f) => [f.split('=')[0], Number(f.split('=')[1])])
	);

/**
 * @param {string[]} argv
 * @returns {{ goals: boolean, verbose: boolean, floors: Record<string, number> | null,
 *   folderFloors: Map<string, Record<string, number>>, folders: string[], error?: string }}
 *   `folderFloors` is keyed by the resolved folder path; `error` says what is wrong with the arguments.
 */
export function parseArgs(argv) {
	const args = argv.filter((a) => a !== '--');
	const flag = (/** @type {string} */ name) =>
		args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false;
	const goals = flag('--goals');
	const verbose = flag('--verbose');
	/** @type {Record<string, number> | null} */
	let floors = null;
	/** @type {[string, Record<string, number>][]} */
	const perFolder = [];
	let error;
	for (let i = 0; i < args.length;) {
		if (args[i] === '--min') {
			floors = parseFloors(args.splice(i, 2)[1]);
		} else if (args[i] === '--min-folder') {
			const value = args.splice(i, 2)[1] ?? '';
			const colon = value.lastIndexOf(':');
			if (colon <= 0) error = `--min-folder wants <folder>:field=percent,…, not “${value}”`;
			else perFolder.push([resolve(value.slice(0, colon)), parseFloors(value.slice(colon + 1))]);
		} else i++;
	}
	const folders = args;
	const folderFloors = new Map(perFolder);
	const all = [floors ?? {}, ...folderFloors.values()];
	if (!folders.length) error ??= 'no folder given';
	if (all.some((f) => Object.values(f).some(Number.isNaN))) error ??= 'a floor is not a number';
	for (const folder of folderFloors.keys())
		if (!folders.some((f) => resolve(f) === folder)) error ??= `--min-folder names ${folder}, which is not read`;
	return { goals, verbose, floors, folderFloors, folders, ...(error ? { error } : {}) };
}

/**
 * The lines printed for one card: none for a card of a sealed folder.
 * @param {{ folder: string, file: string, ms: number, misses: string[], unsure: string[],
 *   lines: string[], verbose: boolean }} card `file` as it is to be shown (name, or folder/name)
 * @returns {string[]}
 */
export function cardLines({ folder, file, ms, misses, unsure, lines, verbose }) {
	if (sealed(folder)) return [];
	const out = [
		`${misses.length ? 'MISS' : 'ok  '} ${file} ${ms.toFixed(0)} ms${misses.length ? '  ' + misses.join('; ') : ''}` +
			(unsure.length ? `  [marked unsure: ${unsure.join(', ')}]` : '')
	];
	if (verbose && misses.length) out.push(...lines.map((l) => `       | ${l}`));
	return out;
}
