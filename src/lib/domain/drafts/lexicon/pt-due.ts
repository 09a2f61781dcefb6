import { bare, findDue } from './common';
import { lookup, words } from './iberian';
import type { DueHint } from './types';

const WEEKDAYS: Record<string, number> = bare({ dom: 0, seg: 1, ter: 2, qua: 3, qui: 4, sex: 5, sáb: 6, sab: 6 });
const NUMBERS: Record<string, number> = bare({ um: 1, uma: 1, dois: 2, duas: 2, três: 3, tres: 3, cinco: 5 });
const DAY = String.raw`(segunda|terça|terca|quarta|quinta|sexta|sábado|sabado|domingo)(?:-feira|\s+feira)?`;

const DUE: [RegExp, (m: RegExpExecArray) => DueHint][] = [
	[
		words(
			String.raw`\b(?:(?:até|ate|antes\s+d[ae]|para|pra|na|no|nesta|nessa|esta|próxima|proxima)\s+(?:(?:a|o|à)\s+)?)+${DAY}\b|\b${DAY}\s*$`
		),
		(m) => ({ kind: 'weekday', day: lookup(WEEKDAYS, (m[1] ?? m[2])!.slice(0, 3).toLowerCase()) ?? 5 })
	],
	[
		words(String.raw`\b(?:(?:até|ate)\s+(?:ao\s+|o\s+|a\s+|à\s+)?|antes\s+do\s+)?(?:fim|final)\s+do\s+m[eê]s\b`),
		() => ({ kind: 'end-of-month' })
	],
	[
		words(
			String.raw`\b(?:(?:até|ate)\s+(?:ao\s+|o\s+|a\s+|à\s+)?|antes\s+do\s+)?(?:fim|final)\s+(?:d[ae]\s+|desta\s+|dessa\s+)?semana\b`
		),
		() => ({ kind: 'end-of-week' })
	],
	[
		words(String.raw`\b(?:(?:na|para\s+a|durante\s+a|até\s+a)\s+)?(?:semana\s+que\s+vem|pr[oó]xima\s+semana)\b`),
		() => ({ kind: 'next-week' })
	],
	[words(String.raw`\b(?:ainda\s+)?(?:nesta|nessa|esta|essa)\s+semana\b`), () => ({ kind: 'end-of-week' })],
	[words(String.raw`\b(?:para\s+)?depois\s+de\s+amanh[ãa]\b`), () => ({ kind: 'days', days: 2 })],
	[words(String.raw`\b(?:até\s+|para\s+)?amanh[ãa]\b`), () => ({ kind: 'days', days: 1 })],
	[
		words(String.raw`\b(?:ainda\s+)?(?:hoje|hj|asap|o quanto antes|o mais rápido possível)\s*$`),
		() => ({ kind: 'days', days: 0 })
	],
	[
		words(String.raw`\bem\s+(\d+|um|uma|dois|duas|três|tres|cinco)\s+(dias?|semanas?)\b`),
		(m) => ({
			kind: 'days',
			days: (Number(m[1]) || lookup(NUMBERS, m[1]!.toLowerCase()) || 1) * (/semana/i.test(m[2]!) ? 7 : 1)
		})
	]
];

// "Pediu a demo para sexta", "ficou de mandar até sexta": when they want it, or their promise.
const THEIRS = words(String.raw`\b(?:pediu|pede|pediram|solicitou|quer|querem|precisa|precisam|ficou|ficaram)\b`);

/** A due phrase anywhere in a to-do ("prometi mandar até sexta"); the to-do without it. */
export function due(todo: string): { rest: string; due: DueHint | null } {
	if (THEIRS.test(todo)) return { rest: todo, due: null };
	return findDue(DUE, todo);
}
