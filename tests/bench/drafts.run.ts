// npm run bench:drafts — every note of the draft sets (tests/support/fixtures/drafts, each written
// by a different hand that never saw the draft code: `tuned.json`, the notes the rules were tuned
// on; `second.json`, `held-out.json` and `third.json`, read and tuned on after a first measure; `untouched.json`,
// never read by whoever tunes the rules; `fresh.json`, written on 2026-12-07 by another hand, with dictated
// notes, emoji, two languages in one note and promises the other person made, and sealed the same way) through the app's own draft code, and each draft held to the rules of
// tests/bench/draft-rules.ts. Prints, per set and in total, how many drafts hold each rule, lists
// every broken rule, and writes every draft to DRAFTS_OUT (default .tmp/drafts.md) for reading.
// Fails when a draft of the tuned set breaks a rule (the goal there: every rule on every note), or
// when a set's drafts holding every rule fall below its floor in DRAFTS_FLOORS ("held-out=40,untouched=38").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { draftFollowUp } from '$lib/domain/drafts/draft';
import { FIRST_RULES, RULES, WATCHED, checkDraft, type NoteCase, type RuleName } from './draft-rules';

// DRAFTS_SETS=tuned runs one set (while tuning, the others stay unread).
const SETS = (process.env.DRAFTS_SETS ?? 'tuned,second,held-out,third,untouched,fresh').split(',');
const OUT = process.env.DRAFTS_OUT ?? '.tmp/drafts.md';
// The untouched set stays unread by whoever tunes the rules: its figures are printed, its drafts
// and broken rules go to a file of their own (DRAFTS_OUT with "-untouched"), not to the console.
const SEALED = new Set(['untouched', 'fresh']);
const FLOORS = new Map(
	(process.env.DRAFTS_FLOORS ?? '')
		.split(',')
		.filter(Boolean)
		.map((entry) => entry.split('=') as [string, string])
		.map(([set, floor]) => [set, Number(floor)])
);

it('drafts a follow-up a person would send, for every note', () => {
	const reports = new Map<string, string[]>();
	const totals = new Map<RuleName, number>();
	let notes = 0;
	const failures: string[] = [];
	const broke: string[] = [];
	const lines: string[] = [];
	for (const set of SETS) {
		const cases = JSON.parse(readFileSync(`tests/support/fixtures/drafts/${set}.json`, 'utf8')) as NoteCase[];
		const held = new Map<RuleName, number>();
		let whole = 0;
		let wholeFirst = 0;
		const out = SEALED.has(set) ? OUT.replace(/(\.md)?$/, '-untouched$1') : OUT;
		const report = reports.get(out) ?? ['# Drafted follow-ups (npm run bench:drafts)', ''];
		reports.set(out, report);
		const sealedBroke: string[] = [];
		for (const note of cases) {
			const draft = draftFollowUp({
				myName: note.myName,
				theirName: note.theirName,
				notes: [note.note],
				eventName: note.event || undefined,
				promises: note.promises,
				helpOffer: note.helpOffer,
				myHelpWith: note.myHelpWith
			});
			const broken = checkDraft(note, draft);
			for (const rule of RULES) if (!broken[rule]) held.set(rule, (held.get(rule) ?? 0) + 1);
			const watched = Object.entries(broken).filter(([rule]) => WATCHED.includes(rule as RuleName));
			for (const [rule, why] of Object.entries(broken).filter(([rule]) => !WATCHED.includes(rule as RuleName)))
				(SEALED.has(set) ? sealedBroke : broke).push(`${set} ${note.id}: ${rule} — ${why}`);
			const holds = (rule: RuleName) => WATCHED.includes(rule) || !(rule in broken);
			if (RULES.every(holds)) whole++;
			if (FIRST_RULES.every(holds)) wholeFirst++;
			report.push(`## ${set} ${note.id} (${note.language} → ${draft.language})`, '', '```text', note.note, '```', '');
			if (note.promises.length) report.push(`Promises typed: ${note.promises.join(' · ')}`, '');
			report.push(`**Subject:** ${draft.subject}`, '', '```text', draft.body, '```', '');
			const brokenList = Object.entries(broken).filter(([rule]) => !WATCHED.includes(rule as RuleName));
			report.push(
				brokenList.length ? `Broken: ${brokenList.map(([r, w]) => `${r} (${w})`).join('; ')}` : 'Every rule held.',
				''
			);
			if (watched.length) report.push(`Watched: ${watched.map(([r, w]) => `${r} (${w})`).join('; ')}`, '');
		}
		lines.push(
			`${set}: ${cases.length} notes, ${whole}/${cases.length} drafts hold every rule (${wholeFirst}/${cases.length} the first ten)`
		);
		const floor = set === 'tuned' ? cases.length : FLOORS.get(set);
		if (floor !== undefined && whole < floor) failures.push(`${set}: ${whole} drafts hold every rule, below ${floor}`);
		for (const rule of RULES) {
			const count = held.get(rule) ?? 0;
			totals.set(rule, (totals.get(rule) ?? 0) + count);
			lines.push(
				`  ${rule.padEnd(28)} ${count}/${cases.length}${WATCHED.includes(rule) ? ' (watched, not held)' : ''}`
			);
		}
		notes += cases.length;
		if (sealedBroke.length) report.push('## Broken rules', '', ...sealedBroke, '');
	}
	lines.push(`all: ${notes} notes`);
	for (const rule of RULES) lines.push(`  ${rule.padEnd(28)} ${totals.get(rule) ?? 0}/${notes}`);
	for (const [file, report] of reports) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, report.join('\n'));
	}
	console.log(
		`\n${lines.join('\n')}\n\nbroken rules, untouched set aside (${broke.length}):\n${broke.join('\n') || '  none'}\n\nevery draft: ${[...reports.keys()].join(', ')}`
	);
	expect(failures).toEqual([]);
});
